/**
 * Zone-file export (BIND presentation format, RFC 1035 §5) for users whose DNS is hosted
 * somewhere this library does not render to: paste or import the file there. The same
 * writer feeds the test BIND server, from a plan or from any other source of RRsets.
 */
import { DnsRrset, absoluteName, planToRrsets } from "./plan/dns-rrset";
import { ReasonCollector, quoteValue } from "./errors";
import { MAIL_CONNECT } from "./mail-connect/mail-connect";
import { MAX_DNS_NAME_LENGTH, isWithinDomain, normaliseHostName } from "./plan/host-names";
import { ownProperty } from "./plan/own-options";
import { MailConnectRecordPlan } from "./plan/record-plan";

/** The SOA timers written with `soa`: refresh, retry, expire, negative-caching TTL (seconds). */
export const ZONE_SOA_TIMERS = { refresh: 3600, retry: 900, expire: 1209600, minimum: 300 } as const;

/** The start of authority, for a file that is a whole zone rather than records to paste. */
export interface ZoneSoaOptions {
  /**
   * The zone's name servers (host names), published as NS records at the origin; the first
   * is the SOA's primary server. A name server inside the zone needs its own A record.
   */
  readonly nameServers: readonly string[];
  /**
   * The zone's contact mailbox (`hostmaster@firma.de`), written in SOA form.
   * @default "hostmaster@<origin>"
   */
  readonly hostmaster?: string;
  /**
   * The SOA serial number: a whole number from 0 to 4,294,967,295 (RFC 1035 §3.3.13).
   * @default 1
   */
  readonly serial?: number;
}

/** How the zone file is laid out. */
export interface ZoneFileLayoutOptions {
  /**
   * The zone's default TTL, written as `$TTL`; records with this TTL omit the TTL field.
   * @default - the TTL of the first RRset, or 3600 when there is none
   */
  readonly ttl?: number;
  /**
   * Write owner names absolute (`_dmarc.firma.de.`) instead of relative to `$ORIGIN` (`_dmarc`, `@`).
   * @default false
   */
  readonly absoluteNames?: boolean;
  /**
   * Start the file with SOA and NS records, so that it is a complete zone (what `named`
   * and `named-checkzone` load).
   * @default - no SOA or NS records: the file holds only the records to add to an existing zone
   */
  readonly soa?: ZoneSoaOptions;
}

/** Options of {@link toZoneFile}. */
export interface ZoneFileOptions extends ZoneFileLayoutOptions {
  /**
   * The zone the records go into (`$ORIGIN`); every record name must be inside it. Use the
   * parent zone when the plan is for a subdomain that has no zone of its own
   * (`my-company.com` for `news.my-company.com`).
   * @default - the plan's domain
   */
  readonly origin?: string;
}

const OWNER_NAME = /^(?:\*|[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*$/;
const RECORD_TYPE = /^[A-Z][A-Z0-9]*$/;
/** A mailbox local part this writer puts into the SOA (dots are escaped; nothing else needs escaping). */
const SOA_LOCAL_PART = /^[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*$/;
const MAX_SERIAL = 4294967295;
const LAYOUT_KEYS = ["ttl", "absoluteNames", "soa"] as const;
const SOA_KEYS = ["nameServers", "hostmaster", "serial"] as const;

function isTtl(ttl: unknown): ttl is number {
  return typeof ttl === "number" && Number.isInteger(ttl) && ttl >= 0 && ttl <= 2147483647;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** `hostmaster@firma.de` → `hostmaster.firma.de.` (dots in the local part escaped, RFC 1035 §8). */
function soaMailbox(mailbox: string): string {
  const at = mailbox.lastIndexOf("@");
  if (at < 0) return absoluteName(mailbox);
  return absoluteName(`${mailbox.slice(0, at).replace(/\./g, "\\.")}.${mailbox.slice(at + 1)}`);
}

/** The name with the fewest labels (the apex of the records, for a suggestion). */
function shortest(names: readonly string[]): string {
  return names.reduce((a, b) => (b.split(".").length < a.split(".").length ? b : a));
}

/** The checked SOA options, names normalised. */
interface CheckedSoa {
  readonly nameServers: readonly string[];
  readonly hostmaster?: string;
  readonly serial: number;
}

/** Reports keys of an options object that are not `known` (a misspelt `nameservers` would be dropped silently). */
function unknownKeys(reasons: ReasonCollector, path: string, value: Record<string, unknown>, known: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) reasons.add(`${path}${key}`, value[key], "is not a known option", `Use one of: ${known.join(", ")}.`);
  }
}

/**
 * Checks the SOA options like construct props: every value that is written into the file is a
 * checked name or number, so a newline or a `$INCLUDE` in a name server cannot add records.
 */
function checkSoa(reasons: ReasonCollector, soa: unknown): CheckedSoa | undefined {
  if (soa === undefined) return undefined;
  if (!isPlainObject(soa)) {
    reasons.add("soa", soa, "must be an object with nameServers (and optionally hostmaster, serial)", 'Pass soa: { nameServers: ["ns1.example.net"] } or leave soa out.');
    return undefined;
  }
  unknownKeys(reasons, "soa.", soa, SOA_KEYS);
  const rawServers = ownProperty(soa, "nameServers");
  const nameServers: string[] = [];
  if (!Array.isArray(rawServers)) {
    reasons.add("soa.nameServers", rawServers, "must be a list of name-server host names", 'Pass e.g. nameServers: ["ns1.example.net"].');
  } else if (rawServers.length === 0) {
    reasons.add("soa.nameServers", rawServers, "must name at least one name server", 'Pass e.g. nameServers: ["ns1.example.net"].');
  } else {
    rawServers.forEach((server, index) => {
      const checked = normaliseHostName(server, 1);
      if (checked.ok) nameServers.push(checked.ascii);
      else reasons.add(`soa.nameServers[${index}]`, server, `must be a name server's host name: it ${checked.rule}`, 'Pass e.g. "ns1.example.net".');
    });
  }
  const rawHostmaster = ownProperty(soa, "hostmaster");
  let hostmaster: string | undefined;
  if (rawHostmaster !== undefined) {
    const text = typeof rawHostmaster === "string" ? rawHostmaster : "";
    const at = text.lastIndexOf("@");
    const local = at > 0 ? text.slice(0, at) : undefined;
    const domain = normaliseHostName(at > 0 ? text.slice(at + 1) : text);
    // In the SOA the local part is one label (its dots escaped) in front of the domain.
    const name = domain.ok ? (local === undefined ? domain.ascii : `${local}.${domain.ascii}`) : "";
    if (!domain.ok || (local !== undefined && (!SOA_LOCAL_PART.test(local) || local.length > 63)) || name.length > MAX_DNS_NAME_LENGTH) {
      const why = !domain.ok
        ? `a valid domain (it ${domain.rule})`
        : name.length > MAX_DNS_NAME_LENGTH
          ? `a name of at most ${MAX_DNS_NAME_LENGTH} characters in SOA form, not ${name.length}`
          : "a local part of 1-63 letters, digits, dots, underscores, plus and hyphens";
      reasons.add("soa.hostmaster", rawHostmaster, `must be a mail address with ${why}`, 'Pass e.g. hostmaster: "hostmaster@firma.de", or leave it out.');
    } else {
      hostmaster = local === undefined ? domain.ascii : `${local}@${domain.ascii}`;
    }
  }
  const rawSerial = ownProperty(soa, "serial");
  let serial = 1;
  if (rawSerial !== undefined) {
    if (typeof rawSerial === "number" && Number.isInteger(rawSerial) && rawSerial >= 0 && rawSerial <= MAX_SERIAL) serial = rawSerial;
    else reasons.add("soa.serial", rawSerial, `must be a whole number from 0 to ${MAX_SERIAL} (RFC 1035 §3.3.13: 32 bits)`, "Pass e.g. serial: 2026030201 (date and change number), or leave it out.");
  }
  return { nameServers, hostmaster, serial };
}

/** Why one rdata string cannot be written as one record line, or undefined. */
function rdataProblem(rdata: unknown): string | undefined {
  if (typeof rdata !== "string" || rdata.trim() === "") return "must be a non-empty string";
  if (/[\x00-\x1f\x7f]/.test(rdata)) return "must be one line of printable presentation-format data";
  // Outside quoted strings, ( ) would continue the record on later lines and ; start a comment.
  const outside = rdata.replace(/"(?:[^"\\]|\\.)*"/g, "");
  if (/[();"]/.test(outside)) return 'must not hold "(", ")", ";" or an unbalanced quote outside quoted strings';
  return undefined;
}

/** Checks every input; throws one error listing all problems. Returns the normalised origin and the SOA. */
function checkInput(rrsets: unknown, origin: unknown, options: unknown): { zone: string; soa?: CheckedSoa; layout: ZoneFileLayoutOptions } {
  const reasons = new ReasonCollector();
  const normalised = normaliseHostName(origin, 1, true);
  const zone = normalised.ok ? normalised.ascii : typeof origin === "string" ? origin : quoteValue(origin);
  if (!normalised.ok) reasons.add("origin", origin, normalised.rule, "Pass the zone's domain, e.g. origin: \"firma.de\".");
  let layout: ZoneFileLayoutOptions = {};
  let soa: CheckedSoa | undefined;
  if (options !== undefined && !isPlainObject(options)) {
    reasons.add("options", options, "must be an object", "Pass e.g. { soa: { nameServers: [...] } } or leave the options out.");
  } else if (options !== undefined) {
    unknownKeys(reasons, "", options, [...LAYOUT_KEYS, "origin"]);
    const ttl = ownProperty(options, "ttl");
    if (ttl !== undefined && !isTtl(ttl)) {
      reasons.add("ttl", ttl, "must be a whole number of seconds from 0 to 2147483647", "Pass e.g. ttl: 3600 or leave it out.");
    }
    const absoluteNames = ownProperty(options, "absoluteNames");
    if (absoluteNames !== undefined && typeof absoluteNames !== "boolean") {
      reasons.add("absoluteNames", absoluteNames, "must be true or false", "Pass absoluteNames: true or leave it out.");
    }
    soa = checkSoa(reasons, ownProperty(options, "soa"));
    soa?.nameServers.forEach((server, index) => {
      // The file holds no address records, and a name server inside the zone needs one (glue):
      // BIND refuses to load the zone without it.
      if (normalised.ok && isWithinDomain(server, zone)) {
        reasons.add(`soa.nameServers[${index}]`, server, `lies inside the zone ${zone}, so it would need an address record, which this file does not hold`, "Name a name server outside the zone (your DNS host's), or add its A/AAAA record to the zone yourself and leave soa out.");
      }
    });
    layout = { ttl: isTtl(ttl) ? ttl : undefined, absoluteNames: absoluteNames === true };
  }
  const outside: string[] = [];
  if (!Array.isArray(rrsets)) {
    reasons.add("rrsets", rrsets, "must be a list of RRsets", "Pass the result of planToRrsets(plan).");
  } else {
    rrsets.forEach((rrset: unknown, i) => {
      if (!isPlainObject(rrset)) {
        reasons.add(`rrsets[${i}]`, rrset, "must be an RRset object", "Pass the result of planToRrsets(plan).");
        return;
      }
      const { name, type, ttl, rdata } = rrset;
      if (typeof name !== "string" || !OWNER_NAME.test(name)) {
        reasons.add(`rrsets[${i}].name`, name, "must be a lowercase FQDN of letters, digits, hyphens and underscores, without trailing dot", "Normalise the name first.");
      } else if (normalised.ok && !isWithinDomain(name, zone) && !outside.includes(name)) {
        outside.push(name);
      }
      if (typeof type !== "string" || !RECORD_TYPE.test(type)) reasons.add(`rrsets[${i}].type`, type, "must be an upper-case record type", 'Pass e.g. "TXT".');
      if (!isTtl(ttl)) reasons.add(`rrsets[${i}].ttl`, ttl, "must be a whole number of seconds from 0 to 2147483647", "Pass e.g. 3600.");
      if (!Array.isArray(rdata) || rdata.length === 0) {
        reasons.add(`rrsets[${i}].rdata`, rdata, "must be a list of at least one record", "Leave out empty RRsets.");
        return;
      }
      rdata.forEach((value: unknown, j) => {
        const problem = rdataProblem(value);
        if (problem !== undefined) reasons.add(`rrsets[${i}].rdata[${j}]`, value, problem, "Quote TXT strings with quoteCharacterString.");
      });
    });
  }
  if (outside.length > 0) {
    const listed = outside.slice(0, 3).map((n) => `"${n}"`).join(", ");
    const more = outside.length > 3 ? ` and ${outside.length - 3} more` : "";
    reasons.add(
      "origin",
      origin,
      `must contain every record name; ${listed}${more} ${outside.length === 1 ? "is" : "are"} outside it`,
      `Pass the records' domain or a parent zone of it, e.g. origin: "${shortest(outside)}".`,
    );
  }
  reasons.throwIfAny(`the zone file of ${JSON.stringify(zone)}`);
  return { zone, soa, layout };
}

/**
 * Writes RRsets as a zone file: `$ORIGIN`, `$TTL`, then one line per record. Owner names are
 * relative to the origin (the origin itself as `@`) unless `absoluteNames` is set; rdata is
 * written as given (host names in it must already end with a dot).
 * @param rrsets the records; owner names lowercase FQDN without trailing dot
 * @param origin the zone; every owner name must be inside it
 * @throws MailConnectValidationError listing every name outside the origin and every malformed RRset
 */
export function rrsetsToZoneFile(rrsets: readonly DnsRrset[], origin: string, options: ZoneFileLayoutOptions = {}): string {
  const { zone, soa, layout } = checkInput(rrsets, origin, options);
  const defaultTtl = layout.ttl ?? rrsets[0]?.ttl ?? MAIL_CONNECT.defaultTtl;
  const owner = (name: string): string => {
    if (layout.absoluteNames) return absoluteName(name);
    return name === zone ? "@" : name.slice(0, -(zone.length + 1));
  };

  const rows: { owner: string; ttl: number; type: string; rdata: string }[] = [];
  if (soa !== undefined) {
    const { nameServers, hostmaster = `hostmaster@${zone}`, serial } = soa;
    const t = ZONE_SOA_TIMERS;
    const primary = absoluteName(nameServers[0]);
    const record = `${primary} ${soaMailbox(hostmaster)} ${serial} ${t.refresh} ${t.retry} ${t.expire} ${t.minimum}`;
    rows.push({ owner: owner(zone), ttl: defaultTtl, type: "SOA", rdata: record });
    for (const ns of nameServers) rows.push({ owner: owner(zone), ttl: defaultTtl, type: "NS", rdata: absoluteName(ns) });
  }
  for (const rrset of rrsets) {
    for (const rdata of rrset.rdata) rows.push({ owner: owner(rrset.name), ttl: rrset.ttl, type: rrset.type, rdata });
  }

  const width = Math.max(1, ...rows.map((r) => r.owner.length));
  const lines = [`$ORIGIN ${absoluteName(zone)}`, `$TTL ${defaultTtl}`];
  for (const r of rows) {
    const ttl = r.ttl === defaultTtl ? "" : `${r.ttl} `;
    lines.push(`${r.owner.padEnd(width)} ${ttl}IN ${r.type.padEnd(5)} ${r.rdata}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The plan as a zone file in BIND presentation format, for DNS hosted elsewhere.
 *
 * ```ts
 * toZoneFile(planMailConnectRecords({ domain: "firma.de" }));
 * // $ORIGIN firma.de.
 * // $TTL 3600
 * // @   IN MX    10 mx.mail-connect.net.
 * // ...
 * ```
 * @throws MailConnectValidationError when a record name is outside `origin`
 */
export function toZoneFile(plan: MailConnectRecordPlan, options: ZoneFileOptions = {}): string {
  const reasons = new ReasonCollector();
  if (!isPlainObject(plan) || !Array.isArray(plan.records)) {
    reasons.add("plan", plan, "must be a record plan", "Pass the result of planMailConnectRecords(...).");
  }
  if (options !== undefined && !isPlainObject(options)) reasons.add("options", options, "must be an object", "Pass e.g. { origin: \"firma.de\" } or leave the options out.");
  reasons.throwIfAny("the zone file");
  const origin = ownProperty(options, "origin") ?? plan.domain;
  const layout: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options ?? {})) if (key !== "origin") layout[key] = value;
  return rrsetsToZoneFile(planToRrsets(plan), origin as string, layout as ZoneFileLayoutOptions);
}
