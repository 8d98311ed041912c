/**
 * What a DNS server serves after hashicorp/dns 3.4.3 applied one synthesized record set,
 * written from the provider's source independently of the renderer, so a renderer that is
 * wrong is caught: every rule that would put other data into DNS, make the apply fail or the
 * plan drift is reported. Sources: hashicorp/terraform-provider-dns v3.4.3 `internal/...`.
 */
import { ReadResourceResult } from "../dns-provider-adapter";
import { isLowercaseDnsName, readHost, readInteger, txtRdata } from "../read-helpers";
import { terraformText } from "../terraform-text";

/** The provider's default TTL when `ttl` is unset (`int64default.StaticInt64(3600)`). */
const DEFAULT_TTL = 3600;

const TYPES: Readonly<Record<string, string>> = {
  dns_mx_record_set: "MX",
  dns_cname_record: "CNAME",
  dns_srv_record_set: "SRV",
  dns_txt_record_set: "TXT",
};

/** The owner FQDN (no trailing dot) from `zone` and `name`, or the problem. */
function ownerName(r: Readonly<Record<string, unknown>>, type: string): { name: string; zone: string } | { problem: string } {
  const zone = terraformText(r.zone);
  // `zone` must be an FQDN with the trailing dot (dnsvalidator/is_zone_name_valid.go).
  if (zone === undefined || !zone.endsWith(".") || !isLowercaseDnsName(zone.slice(0, -1))) {
    return { problem: `zone ${JSON.stringify(r.zone)} must be a lowercase FQDN with the trailing dot` };
  }
  const apex = zone.slice(0, -1);
  if (r.name === undefined) {
    // CNAME and SRV require a name (their schemas mark it Required).
    if (type === "CNAME" || type === "SRV") return { problem: `a ${type} record needs a name` };
    return { name: apex, zone: apex };
  }
  const name = terraformText(r.name);
  // "" is rejected and a name ending in a dot is refused (dnsvalidator/is_record_name_valid.go);
  // "@" would become the literal label "@" (provider_framework.go resourceFQDN_framework).
  if (name === undefined || name === "" || name.endsWith(".") || name === "@" || name.split(".").includes("@")) {
    return { problem: `name ${JSON.stringify(r.name)} must be relative to the zone, non-empty and without trailing dot; leave it out for the apex ("@" is taken literally)` };
  }
  const fqdn = `${name}.${apex}`;
  if (!isLowercaseDnsName(fqdn)) return { problem: `name ${JSON.stringify(name)} is not a lowercase DNS name` };
  return { name: fqdn, zone: apex };
}

function list(value: unknown): readonly Record<string, unknown>[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === "object" && v !== null) ? (value as Record<string, unknown>[]) : undefined;
}

/** What one hashicorp/dns resource publishes. */
export function readRfc2136Resource(resourceType: string, r: Readonly<Record<string, unknown>>, skipUnknown: boolean): ReadResourceResult {
  const type = TYPES[resourceType];
  if (type === undefined) return skipUnknown ? { skipped: resourceType } : { problems: [`${resourceType} is not a record type this round-trip reads`] };
  const problems: string[] = [];
  const owner = ownerName(r, type);
  if ("problem" in owner) return { problems: [owner.problem] };
  const ttl = r.ttl === undefined ? DEFAULT_TTL : readInteger(r.ttl, 0, 2147483647);
  if (ttl === undefined) return { problems: [`ttl ${JSON.stringify(r.ttl)} is not a number of seconds`] };
  const rdata: string[] = [];
  if (type === "MX") {
    for (const mx of list(r.mx) ?? []) {
      const host = readHost(mx.exchange, "dotted", "the DNS server");
      const preference = readInteger(mx.preference, 0, 65535);
      if ("problem" in host) problems.push(`MX exchange ${host.problem}`);
      else if (preference === undefined) problems.push(`MX preference ${JSON.stringify(mx.preference)} is not 0-65535`);
      else rdata.push(`${preference} ${host.host}.`);
    }
  } else if (type === "CNAME") {
    const host = readHost(r.cname, "dotted", "the DNS server");
    if ("problem" in host) problems.push(`cname ${host.problem}`);
    else rdata.push(`${host.host}.`);
  } else if (type === "SRV") {
    for (const srv of list(r.srv) ?? []) {
      const host = readHost(srv.target, "dotted", "the DNS server");
      const numbers = [srv.priority, srv.weight, srv.port].map((n) => readInteger(n, 0, 65535));
      if ("problem" in host) problems.push(`SRV target ${host.problem}`);
      else if (numbers.includes(undefined)) problems.push("SRV needs priority, weight and port of 0-65535");
      else rdata.push(`${numbers.join(" ")} ${host.host}.`);
    }
  } else {
    for (const value of Array.isArray(r.txt) ? r.txt : []) {
      const text = terraformText(value);
      if (text === undefined) problems.push(`TXT value ${JSON.stringify(value)} is not literal text`);
      // The provider sends `"<text>"` (resource_dns_txt_record_set.go): a quote ends the string early, a backslash escapes.
      else if (text.includes('"') || text.includes("\\")) problems.push(`TXT value ${JSON.stringify(text.slice(0, 40))} holds a quote or backslash; hashicorp/dns wants the whole text unquoted and reads back the joined strings, so the plan drifts`);
      else if (text === "") problems.push("TXT value is empty");
      // miekg/dns splits the quoted text into 255-byte character-strings (scan_rr.go endingToTxtSlice).
      else rdata.push(txtRdata(text));
    }
  }
  if (rdata.length === 0 && problems.length === 0) problems.push(`a ${type} set without values`);
  if (problems.length > 0) return { problems };
  return { rrset: { zone: owner.zone, name: owner.name, type, ttl, rdata } };
}
