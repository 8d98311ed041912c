/**
 * Small readers the provider emulations share: host names in values, integers, and a TXT
 * text as the character-strings a DNS server holds.
 */
import { quoteCharacterString } from "../plan/dns-rrset";
import { splitCharacterStrings } from "../plan/txt-strings";
import { terraformText } from "./terraform-text";

const HOST = /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{1,63}$/;

/** Whether `name` (no trailing dot) is a lowercase DNS name. */
export function isLowercaseDnsName(name: string): boolean {
  return HOST.test(name);
}

/**
 * A host name in a record value, as the provider wants it: `dotted` — absolute with a
 * trailing dot; `bare` — without. Returns the name without the dot, or the problem.
 */
export function readHost(value: unknown, form: "dotted" | "bare", provider: string): { host: string } | { problem: string } {
  const text = terraformText(value);
  if (text === undefined) return { problem: `is not a literal host name (${JSON.stringify(value)})` };
  if (form === "dotted" && !text.endsWith(".")) return { problem: `"${text}" has no trailing dot: ${provider} reads it back with one and every plan shows a change` };
  if (form === "bare" && text.endsWith(".")) return { problem: `"${text}" ends with a dot: this library writes ${provider} host names without one, and a change of form is a change on every record` };
  const bare = text.endsWith(".") ? text.slice(0, -1) : text;
  if (!isLowercaseDnsName(bare)) return { problem: `"${text}" is not a lowercase host name` };
  return { host: bare };
}

/** An integer in `min..max`, or undefined. */
export function readInteger(value: unknown, min: number, max: number): number | undefined {
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

/** A TXT text as RFC 1035 character-strings of at most `chunkBytes` bytes, in presentation form. */
export function txtRdata(text: string, chunkBytes = 255): string {
  if (chunkBytes === 255) return splitCharacterStrings(text).map(quoteCharacterString).join(" ");
  const bytes = Buffer.from(text, "utf8");
  const chunks: string[] = [];
  for (let offset = 0; offset < bytes.length || chunks.length === 0; offset += chunkBytes) {
    chunks.push(bytes.subarray(offset, offset + chunkBytes).toString("utf8"));
  }
  return chunks.map(quoteCharacterString).join(" ");
}
