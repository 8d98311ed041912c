/**
 * Options are read from own properties only: a dependency that pollutes `Object.prototype`
 * never changes a record. The pollution is restored in `finally`, whatever happens.
 */
import fc from "fast-check";
import { Testing } from "cdktf";
import { DnsZone, MailConnectDomain, RecordAdoption, planMailConnectRecords, toZoneFile } from "../../lib";
import { CF_ZONE_ID, R53_ZONE_ID, cloudflareStack, route53Stack } from "../support/domain-stack";
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
  comment: "attacker",
  tags: ["attacker"],
  settings: { flattenCname: true },
  healthCheckId: "attacker",
  allowOverwrite: true,
  firewall: { securityGroupId: "sg-0123456789abcdef0" },
  adopt: "attacker",
  movingFrom: "attacker",
  clientEgress: true,
  network: ["0.0.0.0/0"],
  name: "attacker",
  smtpIngress: false,
};

/** Props the construct itself reads (not the planner), and the firewall's options. */
const CONSTRUCT_KEYS = ["allowOverwrite", "firewall", "adopt", "movingFrom", "clientEgress", "network", "name", "smtpIngress"];

/**
 * Record-option keys for the construct test. Not `spf`, `dkim`, `dmarc`, `mx`: they are also
 * construct ids, and the constructs library keeps children in plain objects, so polluting them
 * makes every `new DnsRecord(this, "spf")` throw before this library is involved.
 */
const RECORD_KEYS = ["include", "extraTxt", "rua", "ruf", "selector", "publicKey", "serverNames", "ttl", "product", "autoSetup", "ip4", "all", "policy", "comment", "tags", "settings", "healthCheckId"];

/** Runs `fn` with `Object.prototype` polluted by `keys` of the list above; always restores it. */
function polluted<T>(fn: () => T, keys: readonly string[] = Object.keys(POLLUTION)): T {
  const proto = Object.prototype as Record<string, unknown>;
  try {
    for (const key of keys) Object.defineProperty(proto, key, { value: POLLUTION[key], configurable: true, writable: true, enumerable: false });
    return fn();
  } finally {
    for (const key of keys) delete proto[key];
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

test.each(["cloudflare", "route53"] as const)("a polluted Object.prototype adds no record or attribute to a %s MailConnectDomain given { domain: \"firma.de\" }", (kind) => {
  const synth = (): string => {
    const stack = kind === "cloudflare" ? cloudflareStack() : route53Stack();
    const zone = kind === "cloudflare" ? DnsZone.cloudflare({ zoneId: CF_ZONE_ID }) : DnsZone.route53({ zoneId: R53_ZONE_ID });
    new MailConnectDomain(stack, "firma", { domain: "firma.de", zone });
    return Testing.synth(stack);
  };
  // Not `selector` / `publicKey` on Cloudflare: @cdktf/provider-cloudflare 13.9.1 builds the SRV
  // `data` block as a plain `{}` inside its generated class (DnsRecordDataOutputReference
  // .internalValue) and reads every data field from it, so such pollution reaches the JSON
  // whatever config it is given. Everything this library passes is a null-prototype object.
  const keys = kind === "cloudflare" ? RECORD_KEYS.filter((key) => key !== "selector" && key !== "publicKey") : RECORD_KEYS;
  const clean = synth();
  const dirty = polluted(synth, keys);
  expect(dirty).toEqual(clean);
  expect(dirty).not.toContain("attacker");
});

test("a polluted Object.prototype adds no firewall, adoption, overwrite or firewall option to a MailConnectDomain", () => {
  const synth = (firewall: boolean): string => {
    const stack = route53Stack();
    const props = { domain: "firma.de", product: "secgate" as const, zone: DnsZone.route53({ zoneId: R53_ZONE_ID }) };
    new MailConnectDomain(stack, "firma", firewall ? { ...props, firewall: { securityGroupId: "sg-0123456789abcdef0" } } : props);
    return Testing.synth(stack, true);
  };
  for (const withFirewall of [false, true]) {
    const clean = synth(withFirewall);
    const dirty = polluted(() => synth(withFirewall), CONSTRUCT_KEYS);
    expect(dirty).toEqual(clean);
    expect(dirty).not.toContain("attacker");
    expect(dirty).not.toContain("allow_overwrite");
  }
});
