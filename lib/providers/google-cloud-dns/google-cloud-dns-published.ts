/**
 * What Cloud DNS serves for one synthesized `google_dns_record_set`, written from the
 * provider's source (hashicorp/terraform-provider-google v6.50.0
 * `google/services/dns/resource_dns_record_set.go`) and the Cloud DNS API reference,
 * independently of the renderer.
 */
import { quoteCharacterString } from "../../plan/dns-rrset";
import { parseQuotedStrings } from "../published/character-strings";
import { ReadResourceResult } from "../dns-provider-adapter";
import { isLowercaseDnsName, readHost, readInteger } from "../read-helpers";
import { terraformText } from "../terraform-text";

const TYPES = ["MX", "CNAME", "SRV", "TXT"];
const PROVIDER = "Cloud DNS";

/** One TXT rrdata as served, or the problem. */
function txt(value: string): { rdata: string } | { problem: string } {
  if (!value.startsWith('"')) {
    // Unquoted text is split at spaces into separate strings (the `rrdatas` description).
    if (/\s/.test(value)) return { problem: `TXT rrdata ${JSON.stringify(value.slice(0, 40))} is unquoted: Cloud DNS splits it at spaces into separate strings` };
    if (Buffer.byteLength(value) > 255) return { problem: "unquoted TXT rrdata over 255 bytes; write 255-byte chunks in quotes" };
    return { rdata: quoteCharacterString(value) };
  }
  const parsed = parseQuotedStrings(value);
  if ("error" in parsed) return { problem: `TXT rrdata cannot be read as character-strings: ${parsed.error}` };
  if (parsed.strings.some((s) => Buffer.byteLength(s) > 255)) return { problem: "TXT rrdata has a character-string over 255 bytes" };
  return { rdata: parsed.strings.map(quoteCharacterString).join(" ") };
}

/** What one `google_dns_record_set` publishes. */
export function readGoogleCloudDnsResource(resourceType: string, r: Readonly<Record<string, unknown>>, skipUnknown: boolean): ReadResourceResult {
  const type = String(r.type);
  if (resourceType !== "google_dns_record_set" || !TYPES.includes(type) || r.routing_policy !== undefined) {
    return skipUnknown ? { skipped: resourceType } : { problems: [`type ${JSON.stringify(r.type)}${r.routing_policy !== undefined ? " with routing_policy" : ""} is not one this round-trip reads`] };
  }
  const name = terraformText(r.name);
  if (name === undefined || !name.endsWith(".") || !isLowercaseDnsName(name.slice(0, -1))) return { problems: [`name ${JSON.stringify(r.name)} must be a lowercase FQDN with the trailing dot`] };
  // Unset, the ttl shows as a change on every plan.
  const ttl = readInteger(r.ttl, 0, 2147483647);
  if (ttl === undefined) return { problems: [`ttl ${JSON.stringify(r.ttl)} must be set to a number of seconds`] };
  const managedZone = terraformText(r.managed_zone) ?? String(r.managed_zone);
  const problems: string[] = [];
  const rdata: string[] = [];
  for (const raw of Array.isArray(r.rrdatas) ? r.rrdatas : []) {
    const value = terraformText(raw);
    if (value === undefined) {
      problems.push(`rrdata ${JSON.stringify(raw)} is not literal text`);
      continue;
    }
    if (type === "TXT") {
      const result = txt(value);
      if ("problem" in result) problems.push(result.problem);
      else rdata.push(result.rdata);
      continue;
    }
    const fields = value.trim().split(/\s+/);
    const hostField = fields[fields.length - 1];
    const host = readHost(hostField, "dotted", PROVIDER);
    if ("problem" in host) {
      problems.push(`${type} rrdata ${JSON.stringify(value)}: the host ${host.problem}`);
    } else if (type === "MX" && fields.length === 2 && readInteger(fields[0], 0, 65535) !== undefined) {
      rdata.push(`${Number(fields[0])} ${host.host}.`);
    } else if (type === "CNAME" && fields.length === 1) {
      rdata.push(`${host.host}.`);
    } else if (type === "SRV" && fields.length === 4 && fields.slice(0, 3).every((f) => readInteger(f, 0, 65535) !== undefined)) {
      rdata.push(`${fields.slice(0, 3).map(Number).join(" ")} ${host.host}.`);
    } else {
      problems.push(`${type} rrdata ${JSON.stringify(value)} is not in zone-file form`);
    }
  }
  if (rdata.length === 0 && problems.length === 0) problems.push(`a ${type} set without rrdatas`);
  if (problems.length > 0) return { problems };
  return { rrset: { zone: `${String(r.project ?? "")}/${managedZone}`, name: name.slice(0, -1), type, ttl, rdata } };
}
