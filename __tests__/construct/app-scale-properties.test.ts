/**
 * Apps at portfolio scale, generated: 1–50 domains over 1–3 stacks on both providers, with valid
 * and invalid options and the same domain owned twice. Properties: the one synth error names
 * exactly the invalid domains and the second owners, in creation order; a valid app passes every
 * stack's validations with all its records (every tenth is synthesized to JSON as well).
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { CloudflareProvider } from "@cdktf/provider-cloudflare/lib/provider";
import { TerraformResource, TerraformStack, Testing } from "cdktf";
import * as fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DnsZone } from "../../lib/dns-zone";
import { MailConnectValidationError } from "../../lib/errors";
import { MailConnectDomain, MailConnectDomainProps } from "../../lib/construct/mail-connect-domain";
import { CF_ZONE_ID, R53_ZONE_ID } from "../support/domain-stack";

/** A mistake a customer entry can carry, and the option path it is reported under. */
const MISTAKES = {
  ttl: { props: { ttl: 5 }, path: "ttl" },
  domain: { props: { domain: "kunde x.de" }, path: "domain" },
  joinedReportAddresses: { props: { dmarc: { rua: ["a@x.de,b@x.de"] } }, path: "dmarc.rua[0]" },
  hostBits: { props: { spf: { ip4: ["203.0.113.7/24"] } }, path: "spf.ip4[0]" },
  revokedKey: { props: { dkim: { publicKey: "v=DKIM1; k=rsa; p=" } }, path: "dkim.publicKey" },
  autoSetupForTeam: { props: { product: "team", autoSetup: true }, path: "autoSetup" },
  typo: { props: { produkt: "team" }, path: "produkt" },
} as const;
type Mistake = keyof typeof MISTAKES;

interface Customer {
  readonly stack: number;
  /** An index into a small pool of names, so that the same domain comes up twice. */
  readonly name: number;
  /** Written as the customer typed it: upper case or a trailing dot are the same domain. */
  readonly spelling: "plain" | "upper" | "dot";
  readonly product: "pro" | "team" | "mailing";
  readonly mistake?: Mistake;
}

const customer: fc.Arbitrary<Customer> = fc.record(
  {
    stack: fc.nat(2),
    name: fc.nat(39),
    spelling: fc.constantFrom("plain", "upper", "dot"),
    product: fc.constantFrom("pro", "team", "mailing"),
    // One customer in ten carries a mistake, so that apps without any come up too.
    mistake: fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...(Object.keys(MISTAKES) as Mistake[])) }),
  },
  { requiredKeys: ["stack", "name", "spelling", "product", "mistake"] },
);

const app = fc.record({
  stackCount: fc.integer({ min: 1, max: 3 }),
  /** Per stack: Cloudflare or Route53. */
  providers: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
  // Mostly small apps, and up to 50 domains (fast-check alone would stay under about 12).
  customers: fc.oneof(
    { weight: 12, arbitrary: fc.array(customer, { minLength: 1, maxLength: 4 }) },
    { weight: 6, arbitrary: fc.array(customer, { minLength: 5, maxLength: 12 }) },
    { weight: 1, arbitrary: fc.array(customer, { minLength: 13, maxLength: 50, size: "max" }) },
  ),
});

function domainName(c: Customer): string {
  const name = `kunde${c.name}.de`;
  return c.spelling === "upper" ? name.toUpperCase() : c.spelling === "dot" ? `${name}.` : name;
}

const RECORDS_PER_PRODUCT = { pro: 6, team: 4, mailing: 4 } as const;

describe("generated apps at portfolio scale", () => {
  // cdktf's token creation stacks, most of this file's time once, are not captured in tests
  // (setup.js). Each app is built after a macrotask, a few frames deep instead of under jest's
  // and fast-check's dozens, for the traces that remain (the validation errors').
  // One output directory for every app (Testing.app() would make a temporary one per app); no
  // app writes to it (Testing.synth returns the JSON).
  let outdir: string;
  beforeAll(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), "mail-connect-app-scale-"));
  });
  afterAll(() => {
    if (outdir) fs.rmSync(outdir, { recursive: true, force: true });
  });

  test("the synth error lists exactly the invalid domains and the second owners; valid apps synthesize", async () => {
    let valid = 0;
    let invalid = 0;
    await fc.assert(
      fc.asyncProperty(app, async ({ stackCount, providers, customers }) => {
        await new Promise((resolve) => setImmediate(resolve));
        const root = Testing.app({ outdir });
        const stacks = Array.from({ length: stackCount }, (_, i) => {
          const stack = new TerraformStack(root, `stack-${i}`);
          if (providers[i]) new CloudflareProvider(stack, "cloudflare");
          else new AwsProvider(stack, "aws", { region: "eu-central-1" });
          return stack;
        });
        const expected: Array<{ path: string; reasonPath: string }> = [];
        const owners = new Map<string, string>();
        const records = stacks.map(() => 0);
        customers.forEach((c, index) => {
          const stackIndex = c.stack % stackCount;
          const stack = stacks[stackIndex];
          const zone = providers[stackIndex] ? DnsZone.cloudflare({ zoneId: CF_ZONE_ID }) : DnsZone.route53({ zoneId: R53_ZONE_ID });
          const props = { domain: domainName(c), product: c.product, zone, ...(c.mistake !== undefined ? MISTAKES[c.mistake].props : {}) };
          const id = `customer-${index}`;
          new MailConnectDomain(stack, id, props as MailConnectDomainProps);
          const path = `stack-${stackIndex}/${id}`;
          if (c.mistake !== undefined) {
            expected.push({ path, reasonPath: MISTAKES[c.mistake].path });
            return;
          }
          const owner = owners.get(`kunde${c.name}.de`);
          if (owner !== undefined) {
            expected.push({ path, reasonPath: "domain" });
            return;
          }
          owners.set(`kunde${c.name}.de`, path);
          records[stackIndex] += RECORDS_PER_PRODUCT[c.product];
        });

        // The validations of app.synth(): stack after stack, until one fails.
        let error: unknown;
        try {
          for (const stack of stacks) stack.runAllValidations();
        } catch (caught) {
          error = caught;
        }
        if (expected.length === 0) {
          valid++;
          expect(error).toBeUndefined();
          // Serializing costs 5× more than validating: every tenth valid app is synthesized whole.
          const whole = valid % 10 === 0;
          stacks.forEach((stack, i) => {
            if (whole) {
              const json = JSON.parse(Testing.synth(stack, true)) as { resource?: Record<string, Record<string, unknown>> };
              expect(Object.values(json.resource ?? {}).reduce((sum, byName) => sum + Object.keys(byName).length, 0)).toBe(records[i]);
            } else {
              expect(stack.node.findAll().filter((c) => TerraformResource.isTerraformResource(c))).toHaveLength(records[i]);
            }
          });
          return;
        }
        invalid++;
        expect(error).toBeInstanceOf(MailConnectValidationError);
        const reported = (error as MailConnectValidationError).constructs;
        expect(reported.map((c) => c.path)).toEqual(expected.map((e) => e.path));
        expect(reported.map((c) => c.reasons.map((r) => r.path))).toEqual(expected.map((e) => [e.reasonPath]));
      }),
      { numRuns: 1000 },
    );
    // Both kinds of app were generated, not only one.
    expect(valid).toBeGreaterThan(50);
    expect(invalid).toBeGreaterThan(300);
  });
});
