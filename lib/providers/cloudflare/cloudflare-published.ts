/**
 * What Cloudflare serves for one synthesized `cloudflare_dns_record` (provider 5.14.0),
 * written from the provider's documented behaviour independently of the renderer, so a
 * renderer that is wrong is caught: every rule that would put other data into DNS than the
 * resource says, or make the plan drift, is reported. Issue numbers are in
 * cloudflare/terraform-provider-cloudflare (see ../shared/reference/provider-notes.md).
 */
import { absoluteName, quoteCharacterString } from "../../plan/dns-rrset";
import { parseQuotedStrings } from "../published/character-strings";
import { ReadResourceResult } from "../dns-provider-adapter";
import { HOST, READ_TYPES as TYPES, hostProblem, literal, num, shown, shownZone } from "../id-zone-read-helpers";

/** Cloudflare's "automatic" TTL (ttl = 1) is served as 300 seconds. */
const CLOUDFLARE_AUTO_TTL = 300;

/** What one `cloudflare_dns_record` publishes. */
export function readCloudflareRecord(r: Readonly<Record<string, unknown>>, skipUnknown: boolean): ReadResourceResult {
  const problems: string[] = [];
  const fail = (text: string) => problems.push(text);
  const type = typeof r.type === "string" ? r.type : shown(r.type);
  if (!TYPES.includes(type)) {
    return skipUnknown ? { skipped: type } : { problems: [`type ${shown(r.type)} is not one this round-trip reads`] };
  }
  const name = literal(r.name);
  // v5 wants the FQDN; relative names and "@" are only papered over after refresh (#7289).
  if (name === undefined || name === "@" || name.endsWith(".") || name !== name.toLowerCase() || !HOST.test(name)) {
    fail(`name ${shown(r.name)} must be a lowercase FQDN without trailing dot`);
    return { problems };
  }
  const ttlRaw = num(r.ttl);
  if (ttlRaw === undefined || (ttlRaw !== 1 && (ttlRaw < 60 || ttlRaw > 86400))) {
    fail(`ttl ${JSON.stringify(r.ttl)} must be 1 (automatic) or 60-86400`);
    return { problems };
  }
  if (r.proxied === true) {
    fail("proxied: true publishes Cloudflare's own addresses instead of this record");
    return { problems };
  }
  for (const drift of ["settings", "comment", "tags"] as const) {
    const v = r[drift];
    if (v !== undefined && (v === "" || (Array.isArray(v) && v.length === 0) || (typeof v === "object" && v !== null && Object.keys(v).length === 0))) {
      fail(`an empty ${drift} makes every plan show a change (#5858, #5517)`);
    }
  }
  let rdata: string | undefined;
  const content = literal(r.content);
  if (type === "MX") {
    const priority = num(r.priority);
    const problem = hostProblem(r.content, "forbidden");
    if (problem) fail(`MX content ${problem}`);
    else if (priority === undefined) fail("MX needs a top-level priority");
    else rdata = `${priority} ${absoluteName(content as string)}`;
  } else if (type === "CNAME") {
    const problem = hostProblem(r.content, "forbidden");
    if (problem) fail(`CNAME content ${problem}`);
    else rdata = absoluteName(content as string);
  } else if (type === "SRV") {
    const data = (r.data !== null && typeof r.data === "object" ? r.data : {}) as Record<string, unknown>;
    const [priority, weight, port] = [num(data.priority), num(data.weight), num(data.port)];
    const problem = hostProblem(data.target, "forbidden");
    if (priority === undefined || weight === undefined || port === undefined) fail("SRV data needs priority, weight and port");
    else if (problem) fail(`SRV data.target ${problem}`);
    // A top-level priority different from data.priority shows a diff on every plan (#6684).
    else if (num(r.priority) !== priority) fail(`SRV top-level priority ${JSON.stringify(r.priority)} must equal data.priority ${priority} (#6684)`);
    else rdata = `${priority} ${weight} ${port} ${absoluteName(literal(data.target)!)}`;
  } else {
    if (content === undefined) {
      fail(`TXT content ${shown(r.content)} is not literal text: Terraform evaluates an unescaped "\${" or "%{" (write "$\${" / "%%{" for the characters)`);
    } else if (content.startsWith('"')) {
      const parsed = parseQuotedStrings(content);
      if ("error" in parsed) fail(`TXT content cannot be read as character-strings: ${parsed.error}`);
      else if (parsed.strings.some((s) => Buffer.byteLength(s) > 255)) fail("TXT content has a character-string over 255 bytes");
      else rdata = parsed.strings.map(quoteCharacterString).join(" ");
    } else if (Buffer.byteLength(content) > 255) {
      // Unquoted content over 255 bytes is re-split by Cloudflare, and the plan drifts forever (#6238).
      fail(`unquoted TXT content of ${Buffer.byteLength(content)} bytes is re-split by Cloudflare and drifts on every plan (#6238)`);
    } else {
      rdata = quoteCharacterString(content);
    }
  }
  if (rdata === undefined || problems.length > 0) return { problems };
  const ttl = ttlRaw === 1 ? CLOUDFLARE_AUTO_TTL : ttlRaw;
  return { rrset: { zone: shownZone(r.zone_id), name, type, ttl, rdata: [rdata] } };
}
