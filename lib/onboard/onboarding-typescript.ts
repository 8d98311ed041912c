/**
 * `onboardingTypeScript`: the ready-to-paste cdktf app (`main.ts`) for an `OnboardingPlan`: one
 * stack with the provider's configuration block and one `MailConnectDomain` carrying the
 * plan's options (defaults left out, in the README's order), the zone by name, and `adopt`
 * for the records that exist now. Values only the user knows are named constants holding
 * `ONBOARDING_PLACEHOLDER` at the top of the file (see onboarding-providers.ts for what synth
 * does with each). Strings from DNS are written only as escaped literals or escaped comments.
 * No cdktf import: the CLI loads this.
 */
import type { DnsProviderKind } from "../providers/dns-zone";
import { planMailConnectRecords } from "../plan/plan-records";
import { PlannedRecord } from "../plan/record-plan";
import { minimalRecordOptions, RECORD_OPTION_ORDER } from "./minimal-options";
import { onboardingAdoption } from "./onboarding-adoption";
import { headerComments, optionComments } from "./onboarding-comments";
import { OnboardingPlan } from "./onboarding-plan";
import { ONBOARDING_PLACEHOLDER, onboardingProviderSetup } from "./onboarding-providers";
import { commentText, tsString, tsValueLines } from "./typescript-source";

export { ONBOARDING_PLACEHOLDER } from "./onboarding-providers";

/** Options of `onboardingTypeScript`. */
export interface OnboardingTypeScriptOptions {
  /** The DNS provider the zone is at (picks the `DnsZone` factory and the adoption). */
  readonly provider: DnsProviderKind;
  /**
   * The id of the generated stack (`cdktf.out/stacks/<id>`).
   * @default - the domain with dots as hyphens, e.g. `firma-de`
   */
  readonly stackId?: string;
}

/** A construct or stack id from a domain: lowercase letters, digits and hyphens. */
function idOf(domain: string): string {
  return domain.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "mail-connect";
}

function plannedRecords(plan: OnboardingPlan): readonly PlannedRecord[] {
  try {
    return planMailConnectRecords(plan.options).records;
  } catch {
    // Options the planner refuses are written as they are; the app reports them at synth.
    return [];
  }
}

/**
 * The source of a whole cdktf app (`main.ts`) that publishes `plan` at `options.provider`:
 * imports from `cdktf`, `constructs`, the provider binding and `cdktf-mail-connect`, one stack
 * class, `app.synth()`. It compiles against the package's types; it synthesizes once every
 * `ONBOARDING_PLACEHOLDER` is filled in (synth names each placeholder the library can check).
 */
export function onboardingTypeScript(plan: OnboardingPlan, options: OnboardingTypeScriptOptions): string {
  const setup = onboardingProviderSetup(options.provider, plan.zone);
  const adoption = onboardingAdoption(plan, setup, plannedRecords(plan));
  const comments = new Map([...optionComments(plan), ...(adoption?.comments ?? [])]);
  const domainProps: Record<string, unknown> = { ...minimalRecordOptions(plan.options), zone: setup.zone };
  if (adoption !== undefined) domainProps.adopt = adoption.value;
  const propLines = tsValueLines(domainProps, 2, { commentFor: (path) => comments.get(path), keyOrder: (path) => RECORD_OPTION_ORDER[path] }, "", ");");
  const usesPlaceholder = setup.constants.some((constant) => constant.value === ONBOARDING_PLACEHOLDER) || propLines.some((line) => line.includes(tsString(ONBOARDING_PLACEHOLDER)));
  const stackId = options.stackId ?? idOf(plan.domain);
  const libraryImports = ["DnsZone", "MailConnectDomain", ...(adoption !== undefined ? ["RecordAdoption"] : [])];

  const lines = [
    ...headerComments(plan, setup.title, usesPlaceholder, setup.bindingInstall).map((line) => `// ${commentText(line)}`),
    "",
    setup.importLine,
    'import { App, TerraformStack } from "cdktf";',
    'import { Construct } from "constructs";',
    `import { ${libraryImports.join(", ")} } from "cdktf-mail-connect";`,
    "",
  ];
  if (setup.constants.length > 0) {
    for (const constant of setup.constants) lines.push(`// ${commentText(constant.comment)}`, `const ${constant.name} = ${tsString(constant.value)};`);
    lines.push("");
  }
  lines.push(
    `/** mail-connect's records for ${commentText(plan.domain).replace(/\*\//g, "*\\/")}, keeping what the domain still needs. */`,
    "class MailConnectStack extends TerraformStack {",
    "  constructor(scope: Construct, id: string) {",
    "    super(scope, id);",
    `    // ${commentText(setup.credentials)}`,
    `    ${setup.providerStatement}`,
    `    new MailConnectDomain(this, ${tsString(idOf(plan.domain))}, ${propLines[0]}`,
    ...propLines.slice(1),
    "  }",
    "}",
    "",
    "const app = new App();",
    `new MailConnectStack(app, ${tsString(stackId)});`,
    "app.synth();",
    "",
  );
  return lines.join("\n");
}
