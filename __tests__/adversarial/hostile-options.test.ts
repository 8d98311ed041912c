/**
 * The planner against hostile options (fast-check): no exception but
 * MailConnectValidationError; names never altered; no private or unusable key published; every
 * TXT within the limit; every accepted plan's zone loads in BIND (one named-checkconf for all)
 * and its SPF and DMARC records parse in mailauth. fast-check prints the seed on failure.
 */
import { domainToUnicode } from "url";
import fc from "fast-check";
import { spf } from "mailauth/lib/spf";
// Direct imports: the planner and the zone file load no cdktf, which keeps this file fast.
import { planToRrsets } from "../../lib/plan/dns-rrset";
import { MailConnectValidationError } from "../../lib/errors";
import { planMailConnectRecords } from "../../lib/plan/plan-records";
import { MAX_TXT_RRSET_CONTENT_LENGTH, MAX_TXT_TEXT_LENGTH, txtContentLength } from "../../lib/plan/txt-strings";
import { MailConnectRecordPlan, TxtValue } from "../../lib/plan/record-plan";
import { toZoneFile } from "../../lib/zone-file";
import { checkZones } from "../support/check-zones";
import { PRIVATE_KEYS, UNUSABLE_KEYS, hostileOptions, withNullPrototypes } from "./arbitraries";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const getDmarcRecord = require("mailauth/lib/dmarc/get-dmarc-record") as (domain: string, resolver: unknown) => Promise<false | Record<string, unknown>>;

const RUNS = 2500;
const MAX_COLLECTED = 250;
const SOA = { nameServers: ["ns1.example.net"] };

/** The options' own string `key`, or undefined. */
function stringAt(value: unknown, ...keys: string[]): string | undefined {
  let current = value;
  for (const key of keys) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === "string" ? current : undefined;
}

/** Whether `published` is `given` changed only in case, one trailing dot and punycode, label by label. */
function unchanged(given: string, published: string): boolean {
  const expected = given.replace(/\.$/, "").normalize("NFC").toLowerCase().split(".");
  const labels = published.split(".");
  return labels.length === expected.length && labels.every((label, i) => label === expected[i] || domainToUnicode(label) === expected[i]);
}

/** Checks one accepted plan against the options it came from. */
function checkAccepted(options: Record<string, unknown>, plan: MailConnectRecordPlan): void {
  const domain = stringAt(options, "domain");
  expect(domain !== undefined && unchanged(domain, plan.domain)).toBe(true);
  const selector = stringAt(options, "dkim", "selector");
  const dkim = plan.records.find((r) => r.purpose === "dkim")!;
  if (selector !== undefined) expect(unchanged(selector, dkim.name.slice(0, -`._domainkey.${plan.domain}`.length))).toBe(true);
  const key = stringAt(options, "dkim", "publicKey");
  expect(key !== undefined && [...PRIVATE_KEYS, ...UNUSABLE_KEYS].includes(key)).toBe(false);
  let apexContent = 0;
  for (const record of plan.records) {
    expect(record.name.length).toBeLessThanOrEqual(253);
    if (record.type !== "TXT") continue;
    for (const value of record.values as readonly TxtValue[]) {
      expect(value.text.length).toBeLessThanOrEqual(MAX_TXT_TEXT_LENGTH);
      if (record.name === plan.domain) apexContent += txtContentLength(value.text);
    }
  }
  expect(apexContent).toBeLessThanOrEqual(MAX_TXT_RRSET_CONTENT_LENGTH);
}

/** A DNS resolver over the plan's records, in the form mailauth asks (`dns.promises.resolve`). */
function planResolver(plan: MailConnectRecordPlan) {
  const txt = new Map<string, string[][]>();
  for (const record of plan.records) {
    if (record.type === "TXT") txt.set(record.name, [...(txt.get(record.name) ?? []), ...(record.values as readonly TxtValue[]).map((v) => [...v.strings])]);
  }
  return async (name: string, type: string) => {
    if (type === "TXT" && txt.has(name.toLowerCase())) return txt.get(name.toLowerCase())!;
    if (type === "TXT" && name === "_spf.mail-connect.net") return [["v=spf1 ip4:80.254.138.128/26 -all"]];
    if (type === "TXT") return [["v=spf1 -all"]];
    throw Object.assign(new Error(`no ${type} for ${name}`), { code: "ENODATA" });
  };
}

describe("hostile record options", () => {
  const accepted = new Map<string, MailConnectRecordPlan>();
  let refused = 0;

  test(`${RUNS} option sets: a plan or a MailConnectValidationError, names never altered, no unusable key, TXT within the limit`, () => {
    fc.assert(
      fc.property(hostileOptions, fc.boolean(), (raw, nullPrototypes) => {
        const options = (nullPrototypes ? withNullPrototypes(raw) : raw) as Record<string, unknown>;
        let plan: MailConnectRecordPlan;
        try {
          plan = planMailConnectRecords(options as never);
        } catch (error) {
          if (!(error instanceof MailConnectValidationError)) throw error;
          expect(error.reasons.length).toBeGreaterThan(0);
          const key = stringAt(options, "dkim", "publicKey");
          if (key !== undefined && PRIVATE_KEYS.includes(key)) expect(error.message).not.toContain(key.replace(/-----[A-Z ]+-----/g, "").trim().slice(0, 40));
          refused++;
          return;
        }
        checkAccepted(options, plan);
        if (accepted.size < MAX_COLLECTED && !accepted.has(plan.domain)) accepted.set(plan.domain, plan);
      }),
      { numRuns: RUNS },
    );
    expect(accepted.size).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(RUNS / 4);
  });

  test("every accepted plan's zone-file export loads in BIND (one named-checkconf for all zones)", () => {
    const zones = [...accepted.values()].map((plan) => ({ origin: plan.domain, text: toZoneFile(plan, { soa: SOA }) }));
    const result = checkZones(zones);
    expect(result.failed.map((zone) => `${zone.origin}: ${zone.messages}`)).toEqual([]);
    // Every planned record is in the file, and nothing else but SOA and NS.
    for (const [index, plan] of [...accepted.values()].entries()) {
      const records = zones[index].text.split("\n").filter((line) => line !== "" && !line.startsWith("$"));
      expect(records).toHaveLength(2 + planToRrsets(plan).reduce((sum, set) => sum + set.rdata.length, 0));
    }
  });

  test("every accepted plan's SPF passes mail-connect's network and its DMARC record parses, in mailauth", async () => {
    for (const plan of accepted.values()) {
      const resolver = planResolver(plan);
      const result = await spf({ sender: `postmaster@${plan.domain}`, ip: "80.254.138.130", helo: "mx.mail-connect.net", mta: "mx.test.invalid", resolver: resolver as never });
      expect([plan.domain, result.status.result]).toEqual([plan.domain, "pass"]);
      const dmarc = await getDmarcRecord(plan.domain, resolver);
      const text = (plan.records.find((r) => r.purpose === "dmarc")!.values[0] as TxtValue).text;
      expect(dmarc && [dmarc.v, dmarc.rr]).toEqual(["DMARC1", text]);
      expect(["none", "quarantine", "reject"]).toContain(dmarc && dmarc.p);
    }
  });
});
