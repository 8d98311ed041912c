/**
 * Options are read from own properties only: a dependency that pollutes `Object.prototype`
 * never changes a record. The pollution is restored in `finally`, whatever happens.
 */
import fc from "fast-check";
import { DnsZone, RecordAdoption, planMailConnectRecords, toZoneFile } from "../../lib";
import { goodDomain } from "./arbitraries";

const POLLUTION: Record<string, unknown> = {
  include: ["attacker.example"],
  extraTxt: ["attacker-verification=1"],
  rua: ["mailto:reports@attacker.example"],
  ruf: ["mailto:forensic@attacker.example"],
  selector: "attacker",
  publicKey: "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=",
  serverNames: { incoming: "attacker" },
  spf: { include: ["attacker.example"] },
  dkim: { selector: "attacker" },
  dmarc: { rua: ["reports@attacker.example"], policy: "none" },
  ttl: 60,
  product: "team",
  autoSetup: false,
  ip4: ["203.0.113.66"],
  all: "softfail",
  policy: "none",
  zoneId: "ffffffffffffffffffffffffffffffff",
  zoneName: "attacker.example",
  mx: "ffffffffffffffffffffffffffffffff",
  text: { x: "ffffffffffffffffffffffffffffffff" },
  soa: { nameServers: ["ns.attacker.example"] },
  origin: "attacker.example",
};

/** Runs `fn` with `Object.prototype` polluted by every key above; always restores it. */
function polluted<T>(fn: () => T): T {
  const proto = Object.prototype as Record<string, unknown>;
  try {
    for (const [key, value] of Object.entries(POLLUTION)) Object.defineProperty(proto, key, { value, configurable: true, writable: true, enumerable: false });
    return fn();
  } finally {
    for (const key of Object.keys(POLLUTION)) delete proto[key];
  }
}

const options = fc.record(
  {
    domain: goodDomain,
    spf: fc.record({ ip4: fc.array(fc.ipV4(), { maxLength: 2 }) }, { requiredKeys: [] }),
    dkim: fc.record({ selector: fc.constantFrom("mail-connect", "2024") }, { requiredKeys: [] }),
    dmarc: fc.record({ policy: fc.constantFrom("quarantine", "reject") }, { requiredKeys: [] }),
  },
  { requiredKeys: ["domain"] },
);

test("a polluted Object.prototype changes no record of any plan, nor its zone file", () => {
  const samples = fc.sample(options, { numRuns: 200, seed: 12 });
  const clean = samples.map((o) => JSON.stringify(planMailConnectRecords(o)));
  const zones = samples.map((o) => toZoneFile(planMailConnectRecords(o)));
  const dirty = polluted(() => samples.map((o) => JSON.stringify(planMailConnectRecords(o))));
  const dirtyZones = polluted(() => samples.map((o) => toZoneFile(planMailConnectRecords(o), {})));
  expect(dirty).toEqual(clean);
  expect(dirtyZones).toEqual(zones);
  expect(dirty.join("\n")).not.toContain("attacker");
  expect(Object.prototype).not.toHaveProperty("include");
});

test("a polluted Object.prototype neither picks the zone nor adds adoptions", () => {
  const { zone, reasons, adoption } = polluted(() => {
    const z = DnsZone.cloudflare({ zoneId: "0123456789abcdef0123456789abcdef" });
    const plan = planMailConnectRecords({ domain: "firma.de" });
    return { zone: z, reasons: RecordAdoption.cloudflare({}).reasons("cloudflare", plan), adoption: RecordAdoption.cloudflare({}) };
  });
  expect([zone.zoneId, zone.zoneName, zone.reasons]).toEqual(["0123456789abcdef0123456789abcdef", undefined, []]);
  expect(reasons).toEqual([]);
  expect(adoption.recordIds).toEqual({});
});
