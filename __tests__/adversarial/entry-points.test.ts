/**
 * No public entry point throws a TypeError, whatever it is given: arbitrary values
 * (fc.anything: null, undefined, wrong types, null-prototype objects, BigInts, cycles-free
 * nesting) go into the planner, the zone factories, the adoption factories, the zone-file
 * export, the provider round-trip and what `verify --synth` feeds it. Only the library's own
 * errors may come out.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import { DnsZone, MailConnectValidationError, RecordAdoption, planMailConnectRecords, planToRrsets, rrsetsToZoneFile, toZoneFile } from "../../lib";
import { UnpublishableRecordError, publishedRrsetsFromTerraform } from "../../lib/providers/published";
import { expectedFromSynth } from "../../lib/verify";
import { VerifyInputError } from "../../lib/verify/verify-input-error";

const anything = fc.anything({ withNullPrototype: true, withBigInt: true, withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, maxDepth: 3 });
const PLAN = planMailConnectRecords({ domain: "firma.de", extraTxt: ["ms=1"] });
const RUNS = 400;

/** Runs `fn`; any error that is not one of `allowed` fails the property (a TypeError among them). */
function onlyThrows(allowed: readonly (new (...args: never[]) => Error)[], fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    if (!allowed.some((type) => error instanceof type)) throw error;
  }
}

test.each([
  ["planMailConnectRecords(x)", (x: unknown) => planMailConnectRecords(x as never)],
  ["planMailConnectRecords({ domain: x })", (x: unknown) => planMailConnectRecords({ domain: x } as never)],
  ["planMailConnectRecords({ domain, spf: x, dkim: x, dmarc: x, serverNames: x, extraTxt: x })", (x: unknown) => planMailConnectRecords({ domain: "firma.de", spf: x, dkim: x, dmarc: x, serverNames: x, extraTxt: x } as never)],
  ["planToRrsets(x)", (x: unknown) => planToRrsets(x as never)],
  ["toZoneFile(x)", (x: unknown) => toZoneFile(x as never)],
  ["toZoneFile(plan, x)", (x: unknown) => toZoneFile(PLAN, x as never)],
  ["toZoneFile(plan, { soa: x, origin: x })", (x: unknown) => toZoneFile(PLAN, { soa: x, origin: x } as never)],
  ["rrsetsToZoneFile(x, x, x)", (x: unknown) => rrsetsToZoneFile(x as never, x as never, x as never)],
  ["rrsetsToZoneFile([x], origin)", (x: unknown) => rrsetsToZoneFile([x] as never, "firma.de")],
])("%s throws nothing but MailConnectValidationError", (_call, fn) => {
  fc.assert(fc.property(anything, (x) => onlyThrows([MailConnectValidationError], () => fn(x))), { numRuns: RUNS });
});

test("DnsZone.cloudflare / DnsZone.route53 never throw; they report what is wrong", () => {
  expect(DnsZone.cloudflare(undefined as never).reasons.map((r) => r.path)).toEqual(["zone"]);
  expect(DnsZone.route53(null as never).reasons.map((r) => r.path)).toEqual(["zone"]);
  fc.assert(
    fc.property(anything, anything, (x, y) => {
      for (const zone of [DnsZone.cloudflare(x as never), DnsZone.route53(x as never), DnsZone.cloudflare({ zoneId: x, zoneName: y, provider: x } as never)]) {
        expect(Array.isArray(zone.reasons)).toBe(true);
        expect(Array.isArray(zone.domainReasons("firma.de"))).toBe(true);
      }
    }),
    { numRuns: RUNS },
  );
});

test("RecordAdoption factories never throw; their reasons report what is wrong", () => {
  fc.assert(
    fc.property(anything, (x) => {
      expect(Array.isArray(RecordAdoption.route53(x as never).reasons("route53", PLAN))).toBe(true);
      expect(Array.isArray(RecordAdoption.cloudflare(x as never).reasons("cloudflare", PLAN))).toBe(true);
      expect(Array.isArray(RecordAdoption.cloudflare({ mx: x, text: x } as never).reasons("cloudflare", PLAN))).toBe(true);
    }),
    { numRuns: RUNS },
  );
});

test("publishedRrsetsFromTerraform throws nothing but UnpublishableRecordError, for any document or resource", () => {
  expect(() => publishedRrsetsFromTerraform(null as never)).toThrow(UnpublishableRecordError);
  const documents = fc.oneof(
    anything,
    anything.map((resource) => ({ resource })),
    fc.tuple(fc.constantFrom("cloudflare_dns_record", "aws_route53_record"), anything).map(([type, records]) => ({ resource: { [type]: records } })),
    fc.tuple(fc.constantFrom("cloudflare_dns_record", "aws_route53_record"), anything).map(([type, r]) => ({ resource: { [type]: { r } } })),
    fc.tuple(fc.constantFrom("cloudflare_dns_record", "aws_route53_record"), fc.dictionary(fc.constantFrom("name", "type", "ttl", "content", "records", "data", "priority", "zone_id", "alias"), anything)).map(([type, r]) => ({ resource: { [type]: { r } } })),
  );
  fc.assert(
    fc.property(documents, anything, (json, options) => {
      onlyThrows([UnpublishableRecordError], () => publishedRrsetsFromTerraform(json as never));
      onlyThrows([UnpublishableRecordError], () => publishedRrsetsFromTerraform(json as never, options as never));
    }),
    { numRuns: RUNS * 2 },
  );
});

test.each([
  ["null", "null"],
  ["a string", '"x"'],
  ["resource: null", '{"resource":null}'],
  ["a null resource", '{"resource":{"aws_route53_record":{"r":null}}}'],
  ["a null resource type", '{"resource":{"cloudflare_dns_record":null}}'],
  ["a resource of numbers", '{"resource":{"cloudflare_dns_record":{"r":{"name":1,"type":2,"content":3}}}}'],
])("verify --synth reports a cdk.tf.json holding %s as input, without a TypeError", (_what, text) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mail-connect-synth-"));
  try {
    fs.mkdirSync(path.join(dir, "stacks", "s"), { recursive: true });
    fs.writeFileSync(path.join(dir, "stacks", "s", "cdk.tf.json"), text);
    onlyThrows([VerifyInputError], () => expectedFromSynth(dir));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
