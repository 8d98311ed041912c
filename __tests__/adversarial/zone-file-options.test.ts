/**
 * `toZoneFile` options are validated like construct props: hostile origins, TTLs, SOA names,
 * serials and shapes either give a MailConnectValidationError or a file that BIND loads and
 * that holds exactly the SOA, the NS records and the planned records (no injected line).
 */
import fc from "fast-check";
import { planToRrsets } from "../../lib/plan/dns-rrset";
import { MailConnectValidationError } from "../../lib/errors";
import { planMailConnectRecords } from "../../lib/plan/plan-records";
import { toZoneFile } from "../../lib/zone-file";
import { checkZones } from "../support/check-zones";
import { validationReasonsOf } from "../support/validation-error";
import { zoneFileOptions } from "./arbitraries";

const PLAN = planMailConnectRecords({ domain: "firma.de", extraTxt: ["ms=1", "verify=${x}"] });
const RECORDS = planToRrsets(PLAN).reduce((sum, set) => sum + set.rdata.length, 0);

test.each([
  ["a newline and $INCLUDE in a name server", { soa: { nameServers: ["ns1.example.net\n$INCLUDE /etc/passwd"] } }, "soa.nameServers[0]"],
  ["a record injected through hostmaster", { soa: { nameServers: ["ns1.example.net"], hostmaster: "h@firma.de.\nevil IN TXT x" } }, "soa.hostmaster"],
  ["a URL as origin", { origin: "https://firma.de/kontakt" }, "origin"],
  ["an origin cut at #", { origin: "de#x" }, "origin"],
  ["serial NaN", { soa: { nameServers: ["ns1.example.net"], serial: Number.NaN } }, "soa.serial"],
  ["serial -1", { soa: { nameServers: ["ns1.example.net"], serial: -1 } }, "soa.serial"],
  ["serial 2^40", { soa: { nameServers: ["ns1.example.net"], serial: 2 ** 40 } }, "soa.serial"],
  ["a string as nameServers", { soa: { nameServers: "ns1.example.net" } }, "soa.nameServers"],
  ["soa: null", { soa: null }, "soa"],
  ["a misspelt option", { soa: { nameservers: ["ns1.example.net"] } }, "soa.nameservers"],
])("refuses %s", (_what, options, path) => {
  const reasons = validationReasonsOf(() => toZoneFile(PLAN, options as never));
  expect(reasons.some((reason) => reason.startsWith(`${path}: `))).toBe(true);
});

test("accepts the largest serial, 2^32 - 1", () => {
  expect(toZoneFile(PLAN, { soa: { nameServers: ["ns1.example.net"], serial: 4294967295 } })).toContain(" 4294967295 ");
});

test("2,000 hostile option sets: a MailConnectValidationError, or a file BIND loads with exactly the expected records", () => {
  const files = new Map<string, string>();
  let refused = 0;
  fc.assert(
    fc.property(zoneFileOptions, (options) => {
      let text: string;
      try {
        text = toZoneFile(PLAN, options as never);
      } catch (error) {
        if (!(error instanceof MailConnectValidationError)) throw error;
        refused++;
        return;
      }
      const lines = text.split("\n").filter((line) => line !== "");
      // $ORIGIN and $TTL, and nothing else that starts a directive.
      expect(lines.filter((line) => line.startsWith("$")).map((line) => line.split(" ")[0])).toEqual(["$ORIGIN", "$TTL"]);
      const soa = lines.filter((line) => / IN SOA /.test(line)).length;
      const ns = lines.filter((line) => / IN NS /.test(line)).length;
      expect(lines.length - 2).toBe(soa + ns + RECORDS);
      // Complete zones (with SOA) are loaded by BIND below, each distinct file once.
      if (soa === 1) files.set(text, lines[0].slice("$ORIGIN ".length, -1));
    }),
    { numRuns: 2000 },
  );
  expect(refused).toBeGreaterThan(100);
  expect(files.size).toBeGreaterThan(100);
  const result = checkZones([...files].map(([text, origin]) => ({ origin, text })));
  expect(result.failed.map((zone) => `${zone.origin}: ${zone.messages}`)).toEqual([]);
});

test("refuses a hostmaster whose SOA form is longer than a DNS name", () => {
  const domain = `${"a".repeat(63)}.${"a".repeat(63)}.${"a".repeat(63)}.${"a".repeat(56)}.de`; // 251 characters
  const reasons = validationReasonsOf(() => toZoneFile(PLAN, { soa: { nameServers: ["ns1.example.net"], hostmaster: `dmarc@${domain}` } }));
  expect(reasons).toEqual([`soa.hostmaster: got "dmarc@${domain.slice(0, 111)}..."; must be a mail address with a name of at most 253 characters in SOA form, not 257. Pass e.g. hostmaster: "hostmaster@firma.de", or leave it out.`]);
});
