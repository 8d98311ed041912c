/**
 * Zones for the verify tests: a domain's planned RRsets, edited into the drift a test is
 * about, written as a complete zone for the test BIND server.
 */
import { DnsRrset, planToRrsets } from "../../../lib/plan/dns-rrset";
import { MailConnectRecordOptions } from "../../../lib/mail-connect/options";
import { planMailConnectRecords } from "../../../lib/plan/plan-records";
import { rrsetsToZoneFile } from "../../../lib/zone-file";
import { BindZone } from "../../support/bind-server";
import { TEST_ZONE_SOA } from "../../support/mail-connect-zone";

/** The RRsets the planner publishes for `options`. */
export function plannedRrsets(options: MailConnectRecordOptions): DnsRrset[] {
  return planToRrsets(planMailConnectRecords(options));
}

/** `rrsets` with the set at name/type replaced by `rdata` (added when missing, removed when `rdata` is undefined). */
export function withRrset(rrsets: readonly DnsRrset[], name: string, type: string, rdata: readonly string[] | undefined): DnsRrset[] {
  const rest = rrsets.filter((s) => !(s.name === name && s.type === type));
  return rdata === undefined ? rest : [...rest, { name, type, ttl: 3600, rdata }];
}

/** The rdata of the set at name/type (throws when there is none, so a test edit cannot miss). */
export function rdataOf(rrsets: readonly DnsRrset[], name: string, type: string): readonly string[] {
  const set = rrsets.find((s) => s.name === name && s.type === type);
  if (set === undefined) throw new Error(`no ${type} RRset at ${name}`);
  return set.rdata;
}

/** A complete zone (test SOA and NS) holding `rrsets`. */
export function liveZone(origin: string, rrsets: readonly DnsRrset[]): BindZone {
  return { origin, zoneFileText: rrsetsToZoneFile(rrsets, origin, { soa: TEST_ZONE_SOA }) };
}

/** A complete zone naming `nameServers` in its NS records (for `--authoritative` discovery), with `serial`. */
export function zoneServedBy(origin: string, rrsets: readonly DnsRrset[], nameServers: readonly string[], serial = 1): BindZone {
  return { origin, zoneFileText: rrsetsToZoneFile(rrsets, origin, { soa: { nameServers, serial } }) };
}

/** `rrsets` with every TTL set to `ttl`. */
export function withTtl(rrsets: readonly DnsRrset[], ttl: number): DnsRrset[] {
  return rrsets.map((s) => ({ ...s, ttl }));
}
