/**
 * What Azure DNS serves for one synthesized azurerm record set, written from the provider's
 * source (hashicorp/terraform-provider-azurerm v4.55.0 `internal/services/dns/`) independently
 * of the renderer: every rule that would put other data into DNS, be refused, or drift.
 */
import { ReadResourceResult } from "../dns-provider-adapter";
import { isLowercaseDnsName, readHost, readInteger, txtRdata } from "../read-helpers";
import { terraformText } from "../terraform-text";

const TYPES: Readonly<Record<string, string>> = {
  azurerm_dns_mx_record: "MX",
  azurerm_dns_cname_record: "CNAME",
  azurerm_dns_srv_record: "SRV",
  azurerm_dns_txt_record: "TXT",
};

/** The provider splits TXT values into strings of this many bytes (`expandAzureRmDnsTxtRecords`). */
const AZURE_TXT_SEGMENT = 254;
const PROVIDER = "Azure";

function list(value: unknown): readonly Record<string, unknown>[] {
  return Array.isArray(value) ? (value.filter((v) => typeof v === "object" && v !== null) as Record<string, unknown>[]) : [];
}

/** What one azurerm record resource publishes. */
export function readAzureDnsResource(resourceType: string, r: Readonly<Record<string, unknown>>, skipUnknown: boolean): ReadResourceResult {
  const type = TYPES[resourceType];
  if (type === undefined) return skipUnknown ? { skipped: resourceType } : { problems: [`${resourceType} is not a record type this round-trip reads`] };
  const zone = terraformText(r.zone_name);
  if (zone === undefined || zone.endsWith(".") || !isLowercaseDnsName(zone)) return { problems: [`zone_name ${JSON.stringify(r.zone_name)} must be a lowercase zone name without trailing dot`] };
  // The MX resource's name defaults to "@" (dns_mx_record_resource.go); the others require it.
  const rawName = r.name === undefined && type === "MX" ? "@" : terraformText(r.name);
  if (rawName === undefined || rawName === "" || rawName.endsWith(".")) return { problems: [`name ${JSON.stringify(r.name)} must be relative to the zone ("@" for the apex), without trailing dot`] };
  const name = rawName === "@" ? zone : `${rawName}.${zone}`;
  if (!isLowercaseDnsName(name)) return { problems: [`name ${JSON.stringify(rawName)} is not a lowercase DNS name`] };
  // ttl is Required in every azurerm record schema.
  const ttl = readInteger(r.ttl, 0, 2147483647);
  if (ttl === undefined) return { problems: [`ttl ${JSON.stringify(r.ttl)} is required and must be a number of seconds`] };
  const problems: string[] = [];
  const rdata: string[] = [];
  if (type === "MX") {
    for (const mx of list(r.record)) {
      const host = readHost(mx.exchange, "bare", PROVIDER);
      const preference = readInteger(mx.preference, 0, 65535);
      if ("problem" in host) problems.push(`MX exchange ${host.problem}`);
      else if (preference === undefined) problems.push(`MX preference ${JSON.stringify(mx.preference)} is not 0-65535`);
      else rdata.push(`${preference} ${host.host}.`);
    }
  } else if (type === "CNAME") {
    const host = readHost(r.record, "bare", PROVIDER);
    if ("problem" in host) problems.push(`CNAME record ${host.problem}`);
    else rdata.push(`${host.host}.`);
  } else if (type === "SRV") {
    for (const srv of list(r.record)) {
      const host = readHost(srv.target, "bare", PROVIDER);
      const numbers = [srv.priority, srv.weight, srv.port].map((n) => readInteger(n, 0, 65535));
      if ("problem" in host) problems.push(`SRV target ${host.problem}`);
      else if (numbers.includes(undefined)) problems.push("SRV needs priority, weight and port of 0-65535");
      else rdata.push(`${numbers.join(" ")} ${host.host}.`);
    }
  } else {
    for (const entry of list(r.record)) {
      const text = terraformText(entry.value);
      if (text === undefined) problems.push(`TXT value ${JSON.stringify(entry.value)} is not literal text`);
      // The value is validated to 1-4096 characters (dns_txt_record_resource.go).
      else if (text.length < 1 || text.length > 4096) problems.push(`TXT value of ${text.length} characters; Azure takes 1-4096`);
      // Azure publishes quotes and backslashes as part of the text: the value must be raw.
      else if (text.includes('"') || text.includes("\\")) problems.push(`TXT value ${JSON.stringify(text.slice(0, 40))} holds a quote or backslash, which Azure publishes as part of the text`);
      else rdata.push(txtRdata(text, AZURE_TXT_SEGMENT));
    }
  }
  if (rdata.length === 0 && problems.length === 0) problems.push(`a ${type} set without values`);
  if (problems.length > 0) return { problems };
  return { rrset: { zone: `${String(r.resource_group_name)}/${zone}`, name, type, ttl, rdata } };
}
