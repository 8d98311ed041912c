/**
 * The registrable domain of a host name (`firma-de.mail.protection.outlook.com` →
 * `outlook.com`, `mx.example.co.uk` → `example.co.uk`), for telling whether two names belong to
 * the same operator. A small built-in list of two-label public suffixes stands in for the Public
 * Suffix List (no dependency for this): a miss only makes the match coarser or finer, never
 * changes a record.
 */

/** Two-label public suffixes common in mail host names (from the Public Suffix List, publicsuffix.org). */
const TWO_LABEL_SUFFIXES = new Set([
  "co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "ltd.uk", "plc.uk",
  "com.au", "net.au", "org.au", "co.nz", "net.nz", "org.nz",
  "co.jp", "ne.jp", "or.jp", "co.kr", "com.cn", "net.cn", "com.tw", "com.hk", "com.sg",
  "com.br", "com.ar", "com.mx", "co.za", "co.in", "net.in", "co.il", "com.tr",
  "co.at", "or.at", "com.pl", "com.es", "com.pt", "com.gr", "com.ua",
]);

/** The registrable domain of `host` (lowercase, no trailing dot). */
export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, "").split(".");
  if (labels.length <= 2) return labels.join(".");
  const lastTwo = labels.slice(-2).join(".");
  return TWO_LABEL_SUFFIXES.has(lastTwo) ? labels.slice(-3).join(".") : lastTwo;
}

/** Whether `host` is `suffix` or a name under it (`a.b.example.com` is under `example.com`). */
export function isNameUnder(host: string, suffix: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, "");
  const s = suffix.toLowerCase().replace(/\.$/, "");
  return h === s || h.endsWith(`.${s}`);
}
