/**
 * RFC 2136 in real DNS: every scenario's records are synthesized as hashicorp/dns record sets
 * (the real binding classes, the real cdktf synth), then applied to a BIND that the test
 * starts with a TSIG key and `update-policy`, as the TSIG-signed dynamic updates the provider
 * sends (nsupdate). What BIND then serves is checked with Node's resolver, dig and mailauth;
 * the adapter's emulation must predict exactly that, and the provider's read-back must equal
 * the configured values (a clean plan after apply).
 */
import { randomBytes } from "crypto";
import { DnsProvider } from "@cdktf/provider-dns/lib/provider";
import { providerRrsetsFromTerraform } from "../../../lib/providers/provider-rrsets";
import { rfc2136Adapter } from "../../../lib/providers/rfc2136/rfc2136-adapter";
import { Rfc2136ZoneOptions } from "../../../lib/providers/rfc2136/rfc2136-zone";
import { rrsetsToZoneFile } from "../../../lib/zone-file";
import { digAnswers } from "../../support/bind-query";
import { BindServer, startBindServer, TsigKey } from "../../support/bind-server";
import { createScript, runNsupdate, updateScript } from "../../support/dynamic-updates";
import { mailConnectZone, TEST_ZONE_SOA } from "../../support/mail-connect-zone";
import { generateScenarioKeys, mailScenarios } from "../../support/mail-scenarios";
import { AdapterCase, synthesizeThroughAdapter } from "../../support/provider-round-trip";
import { planScenarios, PlannedScenario } from "../../support/scenario-zones";
import { planMailConnectRecords } from "../../../lib/plan/plan-records";
import { expectedServedRrsets } from "../../support/served-checks";
import { answeredValues } from "../../support/plan-answers";
import { bindResolver } from "../../support/bind-query";
import { describeServedScenarios } from "../../support/served-checks";

const KEY: TsigKey = { name: "terraform-key", secret: randomBytes(32).toString("base64") };

const RFC2136: AdapterCase<Rfc2136ZoneOptions> = {
  adapter: rfc2136Adapter,
  addProvider: (stack) => new DnsProvider(stack, "dns", { update: [{ server: "127.0.0.1", keyName: `${KEY.name}.`, keyAlgorithm: "hmac-sha256", keySecret: KEY.secret }] }),
  zoneFor: (origin) => ({ zoneName: origin }),
};

const planned = planScenarios(mailScenarios(generateScenarioKeys()));
/** A zone of its own for the update test: created with one set of extra TXT values, then changed. */
const UPDATE_ORIGIN = "update-firma.de";
const LONG_TOKEN = `long-verification=${"x".repeat(300)}`;
const synthesized = planned.map((p) => ({ planned: p, json: synthesizeThroughAdapter(RFC2136, p) }));

let server: BindServer;

beforeAll(async () => {
  // Every scenario zone starts empty (SOA and NS only) and gets its records by dynamic update.
  const empty = planned.map((p) => ({ origin: p.scenario.origin, zoneFileText: rrsetsToZoneFile([], p.scenario.origin, { soa: TEST_ZONE_SOA }), updateKey: KEY }));
  const updateZone = { origin: UPDATE_ORIGIN, zoneFileText: rrsetsToZoneFile([], UPDATE_ORIGIN, { soa: TEST_ZONE_SOA }), updateKey: KEY };
  server = await startBindServer([mailConnectZone(), ...empty, updateZone]);
  for (const { json } of synthesized) runNsupdate(createScript(json.resource ?? {}, server), KEY);
});

afterAll(async () => {
  await server?.stop();
});

describe("hashicorp/dns record sets applied by TSIG-signed dynamic updates", () => {
  describeServedScenarios(planned, () => server, 255);
});

describe.each(synthesized.map((s) => [s.planned.scenario.id, s] as const))("%s: the round-trip", (_id, { json }) => {
  test("the adapter's emulation predicts exactly what the server serves after the updates", () => {
    const predicted = providerRrsetsFromTerraform(json, [rfc2136Adapter]);
    const served = digAnswers(server, predicted);
    const asServed = served.map((r) => `${r.name} ${r.ttl} ${r.type} ${r.rdata}`).sort();
    expect(asServed).toEqual(predicted.flatMap((set) => set.rdata.map((rdata) => `${set.name} ${set.ttl} ${set.type} ${rdata}`)).sort());
  });

  test("reading back as the provider does (TXT strings joined, names absolute) gives the configured values: no diff after apply", () => {
    const drift: string[] = [];
    for (const [type, byName] of Object.entries(json.resource ?? {})) {
      for (const [id, r] of Object.entries(byName ?? {})) {
        const fqdn = r.name === undefined ? String(r.zone) : `${String(r.name)}.${String(r.zone)}`;
        const answers = digAnswers(server, [{ name: fqdn, type: { dns_mx_record_set: "MX", dns_cname_record: "CNAME", dns_srv_record_set: "SRV", dns_txt_record_set: "TXT" }[type]! }]);
        let read: string[];
        let configured: string[];
        if (type === "dns_txt_record_set") {
          read = answers.map((a) => [...a.rdata.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).join(""));
          configured = (r.txt as string[]).map((t) => t.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{"));
        } else if (type === "dns_mx_record_set") {
          read = answers.map((a) => a.rdata);
          configured = (r.mx as { preference: number; exchange: string }[]).map((mx) => `${mx.preference} ${mx.exchange}`);
        } else if (type === "dns_srv_record_set") {
          read = answers.map((a) => a.rdata);
          configured = (r.srv as { priority: number; weight: number; port: number; target: string }[]).map((s) => `${s.priority} ${s.weight} ${s.port} ${s.target}`);
        } else {
          read = answers.map((a) => a.rdata);
          configured = [String(r.cname)];
        }
        if (JSON.stringify(read.sort()) !== JSON.stringify(configured.sort())) drift.push(`${type}.${id}: read ${JSON.stringify(read)}, configured ${JSON.stringify(configured)}`);
        if (answers.some((a) => a.ttl !== r.ttl)) drift.push(`${type}.${id}: ttl ${answers.map((a) => a.ttl).join(",")} != ${String(r.ttl)}`);
      }
    }
    expect(drift).toEqual([]);
  });
});

describe("a change applied as the provider's update", () => {
  function scenario(extraTxt: string[]): PlannedScenario {
    const options = { domain: UPDATE_ORIGIN, extraTxt };
    const plan = planMailConnectRecords(options);
    return { scenario: { ...planned[0].scenario, id: "update", options, origin: UPDATE_ORIGIN, domain: UPDATE_ORIGIN }, plan };
  }

  test("replacing one extra TXT value beside a long one leaves exactly the new apex set in DNS", async () => {
    const before = scenario(["site-verification=old", LONG_TOKEN]);
    const after = scenario(["site-verification=new", LONG_TOKEN]);
    const beforeJson = synthesizeThroughAdapter(RFC2136, before);
    const afterJson = synthesizeThroughAdapter(RFC2136, after);
    runNsupdate(createScript(beforeJson.resource ?? {}, server), KEY);
    runNsupdate(updateScript(beforeJson.resource ?? {}, afterJson.resource ?? {}, server), KEY);
    const expected = expectedServedRrsets(after.plan, 255).find((set) => set.name === UPDATE_ORIGIN && set.type === "TXT")!;
    expect(await answeredValues(bindResolver(server), UPDATE_ORIGIN, "TXT")).toEqual(expected.values);
  });
});
