/**
 * What Route53 serves for one synthesized `aws_route53_record` (AWS provider 6.25.0),
 * written from the provider's documented behaviour independently of the renderer. Issue
 * numbers are in hashicorp/terraform-provider-aws (see ../shared/reference/provider-notes.md).
 */
import { absoluteName, quoteCharacterString } from "../../plan/dns-rrset";
import { ReadResourceResult } from "../dns-provider-adapter";
import { HOST, READ_TYPES as TYPES, hostProblem, literal, num, shown, shownZone } from "../id-zone-read-helpers";

function route53Txt(value: string): { rdata?: string; error?: string } {
  // The provider adds the outer quotes itself; a value that brings its own fails with
  // InvalidCharacterString. Over 255 bytes, chunks are joined with "" inside the value.
  if (value.startsWith('"') || value.endsWith('"')) return { error: `TXT value ${JSON.stringify(value.slice(0, 40))} has outer quotes; the provider adds them (InvalidCharacterString)` };
  if (value.includes("\\")) return { error: "TXT value holds a backslash, which Route53 reads as an escape" };
  const chunks = value.split('""');
  if (chunks.some((c) => c.includes('"'))) return { error: 'TXT value holds a lone double quote; only "" between chunks is allowed' };
  const long = chunks.find((c) => Buffer.byteLength(c) > 255);
  if (long !== undefined) return { error: `TXT chunk of ${Buffer.byteLength(long)} bytes: Route53 refuses character-strings over 255 bytes (CharacterStringTooLong); join 255-byte chunks with ""` };
  return { rdata: chunks.map(quoteCharacterString).join(" ") };
}

/** What one `aws_route53_record` publishes. */
export function readRoute53Record(r: Readonly<Record<string, unknown>>, skipUnknown: boolean): ReadResourceResult {
  const problems: string[] = [];
  const fail = (text: string) => problems.push(text);
  const type = typeof r.type === "string" ? r.type : shown(r.type);
  if (!TYPES.includes(type) || r.alias !== undefined) {
    return skipUnknown ? { skipped: type } : { problems: [`type ${shown(r.type)}${r.alias !== undefined ? " (alias)" : ""} is not one this round-trip reads`] };
  }
  const name = literal(r.name);
  if (name === undefined || name.endsWith(".") || name !== name.toLowerCase() || !HOST.test(name)) {
    fail(`name ${shown(r.name)} must be a lowercase FQDN without trailing dot (a change of form replaces the record)`);
    return { problems };
  }
  const ttl = num(r.ttl);
  const records = r.records;
  if (ttl === undefined || !Array.isArray(records) || records.length === 0) {
    fail("needs ttl and at least one value in records");
    return { problems };
  }
  const rdata: string[] = [];
  for (const raw of records as unknown[]) {
    const value = literal(raw);
    if (value === undefined) {
      fail(`value ${shown(raw)} is not literal text: Terraform evaluates an unescaped "\${" or "%{" (write "$\${" / "%%{" for the characters)`);
      continue;
    }
    const fields = value.trim().split(/\s+/);
    if (type === "MX") {
      const problem = hostProblem(fields[1], "optional");
      if (fields.length !== 2 || !/^\d+$/.test(fields[0]) || problem) fail(`MX value ${JSON.stringify(value)} must be "<preference> <host>"`);
      else rdata.push(`${Number(fields[0])} ${absoluteName(fields[1])}`);
    } else if (type === "CNAME") {
      const problem = hostProblem(value, "optional");
      if (problem) fail(`CNAME value ${problem}`);
      else rdata.push(absoluteName(value));
    } else if (type === "SRV") {
      const problem = hostProblem(fields[3], "optional");
      if (fields.length !== 4 || !fields.slice(0, 3).every((f) => /^\d+$/.test(f)) || problem) fail(`SRV value ${JSON.stringify(value)} must be "<priority> <weight> <port> <host>"`);
      else rdata.push(`${fields.slice(0, 3).map(Number).join(" ")} ${absoluteName(fields[3])}`);
    } else {
      const txt = route53Txt(value);
      if (txt.error !== undefined) fail(txt.error);
      else rdata.push(txt.rdata!);
    }
  }
  if (type === "CNAME" && rdata.length > 1) fail("a CNAME RRset holds exactly one value");
  if (rdata.length !== records.length || problems.length > 0) return { problems };
  // `/hostedzone/Z1` and `Z1` are the same zone; routing policies keep sets apart by set_identifier.
  const qualifier = literal(r.set_identifier) ?? "";
  return { rrset: { zone: shownZone(r.zone_id).replace(/^\/hostedzone\//, ""), name, type, ttl, rdata, qualifier } };
}
