/**
 * What an expected RRset is for, read from its name and type relative to the domain (a
 * synthesized stack has no purposes, only records), and how the report names it.
 */
import { DnsRrset } from "../dns-rrset";
import { autoSetupNames } from "./expected-domain";
import { VerifyCheckKind } from "./verify-report";

/** The check kind of an expected RRset at `domain` (apex TXT is split into spf/txt later). */
export function recordKind(domain: string, set: Pick<DnsRrset, "name" | "type">): VerifyCheckKind {
  const auto = autoSetupNames(domain);
  if (set.name === domain && set.type === "MX") return "mx";
  if (set.name === domain && set.type === "TXT") return "spf";
  if (set.name === auto.autoconfig && set.type === "CNAME") return "autoconfig";
  if (set.name === auto.autodiscover && set.type === "SRV") return "autodiscover";
  if (set.type === "TXT" && set.name.endsWith(`._domainkey.${domain}`)) return "dkim";
  if (set.type === "TXT" && set.name === `_dmarc.${domain}`) return "dmarc";
  if (set.type === "CNAME") return "server-name";
  return "record";
}

/** The label of a record row: `MX firma.de`, `TXT firma.de (SPF)`. */
export function recordLabel(kind: VerifyCheckKind, set: Pick<DnsRrset, "name" | "type">): string {
  const qualifier: Partial<Record<VerifyCheckKind, string>> = { spf: " (SPF)", txt: " (other text)", dkim: " (DKIM)", dmarc: " (DMARC)" };
  return `${set.type} ${set.name}${qualifier[kind] ?? ""}`;
}
