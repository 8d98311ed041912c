/**
 * Zone-file export (BIND presentation format, RFC 1035 §5) for users whose DNS is hosted
 * somewhere this library does not render to: paste or import the file there. The same
 * writer feeds the test BIND server, from a plan or from any other source of RRsets.
 */
import { DnsRrset, absoluteName, planToRrsets } from "./dns-rrset";
import { ReasonCollector } from "./errors";
import { MAIL_CONNECT } from "./mail-connect";
import { isWithinDomain, normaliseHostName } from "./plan/host-names";
import { MailConnectRecordPlan } from "./record-plan";

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
   * The SOA serial number.
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

function isTtl(ttl: unknown): ttl is number {
  return typeof ttl === "number" && Number.isInteger(ttl) && ttl >= 0 && ttl <= 2147483647;
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

/** Checks every input; throws one error listing all problems. Returns the normalised origin. */
function checkInput(rrsets: readonly DnsRrset[], origin: string, options: ZoneFileLayoutOptions): string {
  const reasons = new ReasonCollector();
  const normalised = normaliseHostName(origin, 1, true);
  const zone = normalised.ok ? normalised.ascii : origin;
  if (!normalised.ok) reasons.add("origin", origin, normalised.rule, "Pass the zone's domain, e.g. origin: \"firma.de\".");
  if (options.ttl !== undefined && !isTtl(options.ttl)) {
    reasons.add("ttl", options.ttl, "must be a whole number of seconds from 0 to 2147483647", "Pass e.g. ttl: 3600 or leave it out.");
  }
  if (options.soa !== undefined && options.soa.nameServers.length === 0) {
    reasons.add("soa.nameServers", options.soa.nameServers, "must name at least one name server", 'Pass e.g. nameServers: ["ns1.example.net"].');
  }
  const outside: string[] = [];
  rrsets.forEach((rrset, i) => {
    if (!OWNER_NAME.test(rrset.name)) {
      reasons.add(`rrsets[${i}].name`, rrset.name, "must be a lowercase FQDN of letters, digits, hyphens and underscores, without trailing dot", "Normalise the name first.");
    } else if (normalised.ok && !isWithinDomain(rrset.name, zone) && !outside.includes(rrset.name)) {
      outside.push(rrset.name);
    }
    if (!RECORD_TYPE.test(rrset.type)) reasons.add(`rrsets[${i}].type`, rrset.type, "must be an upper-case record type", 'Pass e.g. "TXT".');
    if (!isTtl(rrset.ttl)) reasons.add(`rrsets[${i}].ttl`, rrset.ttl, "must be a whole number of seconds from 0 to 2147483647", "Pass e.g. 3600.");
    if (rrset.rdata.length === 0) reasons.add(`rrsets[${i}].rdata`, rrset.rdata, "must hold at least one record", "Leave out empty RRsets.");
    rrset.rdata.forEach((rdata, j) => {
      if (rdata.trim() === "" || /[\r\n]/.test(rdata)) {
        reasons.add(`rrsets[${i}].rdata[${j}]`, rdata, "must be one line of presentation-format data", "Quote TXT strings with quoteCharacterString.");
      }
    });
  });
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
  reasons.throwIfAny(`the zone file of "${zone}"`);
  return zone;
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
  const zone = checkInput(rrsets, origin, options);
  const defaultTtl = options.ttl ?? rrsets[0]?.ttl ?? MAIL_CONNECT.defaultTtl;
  const owner = (name: string): string => {
    if (options.absoluteNames) return absoluteName(name);
    return name === zone ? "@" : name.slice(0, -(zone.length + 1));
  };

  const rows: { owner: string; ttl: number; type: string; rdata: string }[] = [];
  if (options.soa !== undefined) {
    const { nameServers, hostmaster = `hostmaster@${zone}`, serial = 1 } = options.soa;
    const t = ZONE_SOA_TIMERS;
    const primary = absoluteName(nameServers[0].toLowerCase());
    const soa = `${primary} ${soaMailbox(hostmaster)} ${serial} ${t.refresh} ${t.retry} ${t.expire} ${t.minimum}`;
    rows.push({ owner: owner(zone), ttl: defaultTtl, type: "SOA", rdata: soa });
    for (const ns of nameServers) rows.push({ owner: owner(zone), ttl: defaultTtl, type: "NS", rdata: absoluteName(ns.toLowerCase()) });
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
  const { origin = plan.domain, ...layout } = options;
  return rrsetsToZoneFile(planToRrsets(plan), origin, layout);
}
