/** Stacks that already check the Terraform version for import ids built from references. */
const STACKS_CHECKING_IMPORT_IDS = new WeakSet<TerraformStack>();

/**
 * An import id built from a reference (a looked-up or token zone id) needs Terraform >= 1.6,
 * which allows expressions in `import.id` (hashicorp/terraform#33618); cdktf's own check only
 * asks for 1.5. Checked once per stack: each check runs `terraform version` at synth (tens of
 * milliseconds), and a portfolio stack adopts hundreds of records.
 */
function requireTerraformForReferencedImportIds(stack: TerraformStack): void {
  if (STACKS_CHECKING_IMPORT_IDS.has(stack)) return;
  STACKS_CHECKING_IMPORT_IDS.add(stack);
  stack.node.addValidation(
    new ValidateTerraformVersion(">=1.6", "Import blocks whose id references another resource or data source need Terraform >= 1.6. Upgrade Terraform, or give the zone id as a literal."),
  );
}

/**
 * Publishing a plan through an adapter: checks the zone and the adoption, creates one
 * resource per planned resource, adds the import blocks of adopted sets, and collects the
 * warnings. `MailConnectDomain` calls this; it contains no branch per provider.
 */
import { TerraformStack, Token } from "cdktf";
import { ValidateTerraformVersion } from "cdktf/lib/validations/validate-terraform-version";
import { Construct } from "constructs";
import { MailConnectValidationError, ValidationReason } from "../errors";
import { MailConnectRecordPlan, PlanWarning, RecordPurpose } from "../plan/record-plan";
import { CreatedProviderResource, DnsProviderAdapter, DnsZoneCommonOptions, PlannedProviderResource, PublishSettings } from "./dns-provider-adapter";

/** Options of {@link publishRecords}. */
export interface PublishRecordsOptions {
  /**
   * Import the existing record sets of these purposes (or all planned sets) instead of
   * creating them, with the adapter's computed import ids (Terraform `import` blocks, >= 1.6).
   * @default - nothing is imported
   */
  readonly adopt?: readonly RecordPurpose[] | "all";
  /**
   * For providers whose import ids only their API knows (`importIds: "given"`): the user's
   * record id of an existing record for one planned resource; resources with one are imported.
   * @default - nothing is imported by record id
   */
  readonly recordIdOf?: (planned: PlannedProviderResource) => string | undefined;
  /**
   * Publishing switches (`allowOverwrite`); an adapter without the switch refuses it.
   * @default {}
   */
  readonly settings?: PublishSettings;
}

/** What {@link publishRecords} made. */
export interface PublishedRecords {
  /** The created resources, in the plan's order. */
  readonly resources: readonly CreatedProviderResource[];
  /** The plan's warnings and the adapter's pitfall warnings. */
  readonly warnings: readonly PlanWarning[];
}

/** Problems with `adopt` for this plan and adapter (paths under `adopt`). */
function adoptionReasons(adopt: PublishRecordsOptions["adopt"], plan: MailConnectRecordPlan): ValidationReason[] {
  if (adopt === undefined || adopt === "all") return [];
  const planned = new Set(plan.records.map((record) => record.purpose));
  return adopt.flatMap((purpose, index) =>
    planned.has(purpose)
      ? []
      : [{ path: `adopt[${index}]`, value: purpose, rule: `names a record the plan for ${plan.domain} does not have`, fix: `Remove it, or change the options so that ${purpose} is planned.` }],
  );
}

/**
 * Renders `plan` into `scope` through `adapter`.
 * @throws MailConnectValidationError with every problem of the zone options and the adoption
 */
export function publishRecords<Zone extends DnsZoneCommonOptions, Target>(
  scope: Construct,
  adapter: DnsProviderAdapter<Zone, Target>,
  zone: Zone,
  plan: MailConnectRecordPlan,
  options: PublishRecordsOptions = {},
): PublishedRecords {
  const reasons = adapter.zoneReasons(zone);
  if (reasons.length === 0) reasons.push(...adapter.domainReasons(zone, plan.domain));
  const settings = options.settings ?? {};
  reasons.push(...adapter.settingsReasons(settings));
  reasons.push(...adoptionReasons(options.adopt, plan));
  if (reasons.length > 0) throw new MailConnectValidationError(`${adapter.factory} records of "${plan.domain}"`, reasons);

  const target = adapter.zoneTarget(scope, zone);
  const planned = adapter.renderRecords(plan.records, target, settings);
  const { adopt, recordIdOf } = options;
  const adopted = planned.filter((item) =>
    recordIdOf !== undefined ? recordIdOf(item) !== undefined : adopt === "all" || (adopt ?? []).some((purpose) => item.records.some((record) => record.purpose === purpose)),
  );
  const importIds = adopted.map((item) => adapter.importId(item, target, recordIdOf?.(item)));
  // One reason per missing piece, however many resources it stops from being imported.
  const missing = [...new Map(importIds.flatMap((result) => ("missing" in result ? [[`${result.missing.path} ${result.missing.rule}`, result.missing] as const] : []))).values()];
  if (missing.length > 0) throw new MailConnectValidationError(`${adapter.factory} records of "${plan.domain}"`, missing);

  // A plain loop: every provider resource captures the call stack while it is built (cdktf
  // tokens), so each frame between the app and the binding's constructor costs synth time.
  const resources: CreatedProviderResource[] = [];
  for (const item of planned) resources.push({ ...item, resource: adapter.createResource(scope, item) });
  adopted.forEach((item, index) => {
    const result = importIds[index];
    if (!("id" in result)) return;
    const resource = resources.find((created) => created.id === item.id)!.resource;
    resource.importFrom(result.id, zone.provider);
    if (Token.isUnresolved(result.id)) requireTerraformForReferencedImportIds(TerraformStack.of(scope));
  });
  const adoptedPurposes = [...new Set(adopted.flatMap((item) => item.records.map((record) => record.purpose)))];
  const adopting = adopt !== undefined || recordIdOf !== undefined;
  return { resources, warnings: [...plan.warnings, ...adapter.warnings(zone, { adopted: adoptedPurposes, adopting, settings })] };
}
