/**
 * Readers the Cloudflare and Route53 emulations share: a string attribute as the text
 * Terraform passes, values for messages, host names and integers.
 */
import { terraformTemplateLiteral } from "./published/terraform-template";

/** Lowercase DNS host name (no trailing dot). */
export const HOST = /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{1,63}$/;
/** The record types the emulations read. */
export const READ_TYPES = ["MX", "CNAME", "SRV", "TXT"];

/**
 * The text Terraform publishes for a string attribute: escapes (`$${`, `%%{`) undone; undefined
 * for a non-string or a string with an interpolation or directive (a reference, or user text
 * the renderer failed to escape), whose value is only known at apply.
 */
export function literal(value: unknown): string | undefined {
  return typeof value === "string" ? terraformTemplateLiteral(value) : undefined;
}

/** A value for a message (`JSON.stringify` gives undefined for some values). */
export function shown(value: unknown): string {
  try {
    return String(JSON.stringify(value));
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** A host name value's problem; `forbidden` trailing dots are the Cloudflare rule (#7286, cloudflare/terraform-provider-cloudflare). */
export function hostProblem(raw: unknown, trailingDot: "forbidden" | "optional"): string | undefined {
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
export function shownZone(value: unknown): string {
  return typeof value === "string" ? value : shown(value);
}

export function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) ? value : undefined;
}

