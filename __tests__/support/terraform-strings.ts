/**
 * Reading synthesized Terraform JSON the way Terraform does: every string attribute is a
 * template, in which a single `$` (or `%`) before `{` is evaluated and `$${` / `%%{` are the
 * escapes for the literal characters.
 */

/** Every string anywhere in `value`. */
export function allStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(allStrings);
  return [];
}

/** Whether Terraform would evaluate part of `text`: a single `$` or `%` before `{` (a longer run ends in the escape). */
export function hasUnescapedTemplate(text: string): boolean {
  return /(^|[^$])\$\{/.test(text) || /(^|[^%])%\{/.test(text);
}

/** RRsets in a stable order (by name and type, values sorted), without extra fields: for comparing sets from two sources. */
export function comparableRrsets(rrsets: readonly { name: string; type: string; ttl: number; rdata: readonly string[] }[]) {
  return rrsets.map(({ name, type, ttl, rdata }) => ({ name, type, ttl, rdata: [...rdata].sort() })).sort((a, b) => `${a.name} ${a.type}`.localeCompare(`${b.name} ${b.type}`));
}
