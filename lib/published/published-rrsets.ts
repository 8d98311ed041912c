/**
 * The provider round-trip: turns synthesized Terraform JSON (`cloudflare_dns_record`,
 * `aws_route53_record`) into the RRsets each provider actually publishes, in the same
 * presentation form as `planToRrsets`. Written from the providers' documented behaviour,
 * independently of the renderers, so it can catch a renderer that is wrong: every rule that
 * would put other data into DNS than the resource says, or make the plan drift, is reported.
 * Sources: ../shared/reference/provider-notes.md (provider issue numbers below are in
 * cloudflare/terraform-provider-cloudflare or hashicorp/terraform-provider-aws).
 */
import { DnsRrset, absoluteName, quoteCharacterString } from "../dns-rrset";
import { isSpfText } from "../plan/txt-strings";
import { parseQuotedStrings } from "./character-strings";
import { terraformTemplateLiteral } from "./terraform-template";
import { UnpublishableRecordError } from "./unpublishable-error";

/** One published RRset and the Terraform addresses of the resources behind it. */
export interface PublishedRrset extends DnsRrset {
  readonly provider: "cloudflare" | "route53";
  /** The zone id expression as synthesized (a literal or `${data...}` reference). */
  readonly zoneId: string;
  /** Terraform addresses, e.g. `aws_route53_record.firma_mx_1A2B3C4D`. */
  readonly sources: readonly string[];
}

/** The parts of synthesized Terraform JSON read here. */
export interface TerraformJson {
  readonly resource?: Record<string, Record<string, Record<string, unknown>> | undefined>;
}

/** Options of {@link publishedRrsetsFromTerraform}. */
export interface PublishedRrsetOptions {
  /**
   * Skip record types other than MX, CNAME, SRV and TXT (and Route53 alias records) instead of
   * failing on them. Set it when reading a whole user stack with unrelated records.
   * @default false
   */
  readonly skipUnknown?: boolean;
  /**
   * Called with the problems of each resource that cannot be read on its own (a value that
   * is a token, a drifting form, ...); the resource is then left out instead of failing the
   * whole call. Problems between readable resources (two SPF records, clashing sets) still throw.
   * @default - such problems throw `UnpublishableRecordError` with all others
   */
  readonly onUnreadable?: (problem: string) => void;
}

const HOST = /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{1,63}$/;
const TYPES = ["MX", "CNAME", "SRV", "TXT"];
/** Cloudflare's "automatic" TTL (ttl = 1) is served as 300 seconds. */
const CLOUDFLARE_AUTO_TTL = 300;

interface Draft {
  provider: "cloudflare" | "route53";
  zoneId: string;
  name: string;
  type: string;
  ttl: number;
  rdata: string[];
  sources: string[];
}

/**
 * The text Terraform publishes for a string attribute: escapes (`$${`, `%%{`) undone; undefined
 * for a non-string or a string with an interpolation or directive (a reference, or user text
 * the renderer failed to escape), whose value is only known at apply.
 */
function literal(value: unknown): string | undefined {
  return typeof value === "string" ? terraformTemplateLiteral(value) : undefined;
}

/** A value for a message (`JSON.stringify` gives undefined for some values). */
function shown(value: unknown): string {
  try {
    return String(JSON.stringify(value));
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function hostProblem(raw: unknown, trailingDot: "forbidden" | "optional"): string | undefined {
  const value = literal(raw);
  if (value === undefined) return `is not a literal host name (${shown(raw)})`;
  if (value.endsWith(".") && trailingDot === "forbidden") {
    return `"${value}" ends with a dot: Cloudflare strips it and every plan re-adds it (#7286)`;
  }
  const bare = value.endsWith(".") ? value.slice(0, -1) : value;
  if (!HOST.test(bare)) return `"${value}" is not a lowercase host name`;
  return undefined;
}

/** The zone id as synthesized: a literal or a reference expression, kept as written. */
function shownZone(value: unknown): string {
  return typeof value === "string" ? value : shown(value);
}

function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) ? value : undefined;
}

function cloudflareRecord(address: string, r: Record<string, unknown>, problems: string[], skipUnknown: boolean): Draft | undefined {
  const fail = (text: string) => problems.push(`${address}: ${text}`);
  const type = typeof r.type === "string" ? r.type : shown(r.type);
  if (!TYPES.includes(type)) {
    if (!skipUnknown) fail(`type ${shown(r.type)} is not one this round-trip reads`);
    return undefined;
  }
  const name = literal(r.name);
  // v5 wants the FQDN; relative names and "@" are only papered over after refresh (#7289).
  if (name === undefined || name === "@" || name.endsWith(".") || name !== name.toLowerCase() || !HOST.test(name)) {
    fail(`name ${shown(r.name)} must be a lowercase FQDN without trailing dot`);
    return undefined;
  }
  const ttlRaw = num(r.ttl);
  if (ttlRaw === undefined || (ttlRaw !== 1 && (ttlRaw < 60 || ttlRaw > 86400))) {
    fail(`ttl ${JSON.stringify(r.ttl)} must be 1 (automatic) or 60-86400`);
    return undefined;
  }
  if (r.proxied === true) {
    fail("proxied: true publishes Cloudflare's own addresses instead of this record");
    return undefined;
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
  if (rdata === undefined) return undefined;
  const ttl = ttlRaw === 1 ? CLOUDFLARE_AUTO_TTL : ttlRaw;
  return { provider: "cloudflare", zoneId: shownZone(r.zone_id), name, type, ttl, rdata: [rdata], sources: [address] };
}

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

function route53Record(address: string, r: Record<string, unknown>, problems: string[], skipUnknown: boolean): Draft | undefined {
  const fail = (text: string) => problems.push(`${address}: ${text}`);
  const type = typeof r.type === "string" ? r.type : shown(r.type);
  if (!TYPES.includes(type) || r.alias !== undefined) {
    if (!skipUnknown) fail(`type ${shown(r.type)}${r.alias !== undefined ? " (alias)" : ""} is not one this round-trip reads`);
    return undefined;
  }
  const name = literal(r.name);
  if (name === undefined || name.endsWith(".") || name !== name.toLowerCase() || !HOST.test(name)) {
    fail(`name ${shown(r.name)} must be a lowercase FQDN without trailing dot (a change of form replaces the record)`);
    return undefined;
  }
  const ttl = num(r.ttl);
  const records = r.records;
  if (ttl === undefined || !Array.isArray(records) || records.length === 0) {
    fail("needs ttl and at least one value in records");
    return undefined;
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
  if (rdata.length !== records.length) return undefined;
  return { provider: "route53", zoneId: shownZone(r.zone_id), name, type, ttl, rdata, sources: [address] };
}

/**
 * The RRsets the synthesized Cloudflare and Route53 records publish, merged by zone, name and
 * type. Throws `UnpublishableRecordError` listing every resource that would publish something
 * else than it says, be refused by the provider, or drift on every plan.
 */
export function publishedRrsetsFromTerraform(json: TerraformJson, options: PublishedRrsetOptions = {}): PublishedRrset[] {
  const onUnreadable = options !== null && typeof options === "object" && typeof options.onUnreadable === "function" ? options.onUnreadable : undefined;
  const problems: string[] = [];
  const drafts: Draft[] = [];
  const skip = options !== null && typeof options === "object" && options.skipUnknown === true;
  const readers = [
    ["cloudflare_dns_record", cloudflareRecord],
    ["aws_route53_record", route53Record],
  ] as const;
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new UnpublishableRecordError([`the document is ${shown(json)}, not a synthesized Terraform JSON object`]);
  }
  const resources = json.resource;
  if (resources !== undefined && (resources === null || typeof resources !== "object")) {
    throw new UnpublishableRecordError([`the document's "resource" is ${shown(resources)}, not an object of resource types`]);
  }
  for (const [type, read] of readers) {
    const ofType = Object.hasOwn(resources ?? {}, type) ? resources![type] : undefined;
    if (ofType !== undefined && (ofType === null || typeof ofType !== "object")) {
      problems.push(`resource.${type} is ${shown(ofType)}, not an object of resources`);
      continue;
    }
    for (const [id, r] of Object.entries(ofType ?? {})) {
      const own: string[] = [];
      if (r === null || typeof r !== "object" || Array.isArray(r)) {
        own.push(`${type}.${id}: is ${shown(r)}, not a resource object`);
        if (onUnreadable !== undefined) own.forEach(onUnreadable);
        else problems.push(...own);
        continue;
      }
      const draft = read(`${type}.${id}`, r, own, skip);
      if (own.length > 0 && onUnreadable !== undefined) own.forEach(onUnreadable);
      else problems.push(...own);
      if (draft && own.length === 0) drafts.push(draft);
    }
  }

  const sets = new Map<string, Draft>();
  for (const draft of drafts) {
    const key = `${draft.provider} ${draft.zoneId} ${draft.name} ${draft.type}`;
    const existing = sets.get(key);
    if (existing === undefined) {
      sets.set(key, { ...draft, rdata: [...draft.rdata], sources: [...draft.sources] });
      continue;
    }
    if (draft.provider === "route53") {
      // The resource is the record set: a second one for the same name+type overwrites the
      // first or fails with "already exists" (govuk-paas/paas-cf#1790).
      problems.push(`${draft.sources[0]}: a second Route53 resource for ${draft.name} ${draft.type} (also ${existing.sources.join(", ")}); one resource must hold the whole set`);
      continue;
    }
    if (existing.rdata.includes(draft.rdata[0])) {
      problems.push(`${draft.sources[0]}: an identical ${draft.type} record at ${draft.name} already comes from ${existing.sources.join(", ")} (a Cloudflare API error)`);
      continue;
    }
    if (existing.ttl !== draft.ttl) {
      problems.push(`${draft.sources[0]}: TTL ${draft.ttl} differs from ${existing.ttl} of the other ${draft.type} records at ${draft.name}; one RRset has one TTL (RFC 2181 §5.2)`);
      continue;
    }
    existing.rdata.push(...draft.rdata);
    existing.sources.push(...draft.sources);
  }
  const result = [...sets.values()];
  for (const cname of result.filter((s) => s.type === "CNAME")) {
    const beside = result.filter((s) => s !== cname && s.name === cname.name && s.zoneId === cname.zoneId);
    if (beside.length > 0) problems.push(`${cname.sources[0]}: a CNAME at ${cname.name} beside ${beside.map((s) => s.type).join(", ")} records (RFC 1034 §3.6.2 forbids it)`);
    if (cname.rdata.length > 1) problems.push(`${cname.sources.join(", ")}: more than one CNAME at ${cname.name}`);
  }
  const textOf = (rdata: string) => {
    const parsed = parseQuotedStrings(rdata);
    return "strings" in parsed ? parsed.strings.join("") : rdata;
  };
  const txtSpf = result.filter((s) => s.type === "TXT").map((s) => ({ s, spf: s.rdata.filter((d) => isSpfText(textOf(d))) }));
  for (const { s, spf } of txtSpf) {
    if (spf.length > 1) problems.push(`${s.sources.join(", ")}: ${spf.length} SPF records at ${s.name}; SPF fails with permerror when there is more than one (RFC 7208 §3.2)`);
  }
  if (problems.length > 0) throw new UnpublishableRecordError(problems);
  return result.map(({ provider, zoneId, name, type, ttl, rdata, sources }) => ({ provider, zoneId, name, type, ttl, rdata, sources }));
}
