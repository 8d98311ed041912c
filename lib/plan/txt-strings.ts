/**
 * TXT text rules and the split into RFC 1035 character-strings (at most 255 bytes each,
 * RFC 1035 §3.3.14 / RFC 7208 §3.3). Every provider renders from these chunks.
 */

/** The most bytes one character-string may hold. */
export const MAX_CHARACTER_STRING_BYTES = 255;

/** Longest TXT text this library publishes (Cloudflare's content limit is 2,048 characters). */
export const MAX_TXT_TEXT_LENGTH = 2048;

/** Splits `text` into chunks of at most 255 bytes, from the start (the last one may be shorter). */
export function splitCharacterStrings(text: string): string[] {
  // Short ASCII text (as many UTF-8 bytes as UTF-16 units) is one chunk as it is.
  if (text.length <= MAX_CHARACTER_STRING_BYTES && Buffer.byteLength(text, "utf8") === text.length) return [text];
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length === 0) return [""];
  const chunks: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += MAX_CHARACTER_STRING_BYTES) {
    chunks.push(bytes.subarray(offset, offset + MAX_CHARACTER_STRING_BYTES).toString("utf8"));
  }
  return chunks;
}

/**
 * Why `text` cannot be published as TXT, or undefined when it can. Only printable ASCII
 * (0x20-0x7E) is accepted, and neither `"` nor `\`: providers and zone files give both a
 * meaning of their own (quoting, escapes), so a value holding them would not reach DNS as
 * written. Refusing them keeps every renderer a plain join of chunks.
 */
export function txtTextProblem(text: unknown): string | undefined {
  if (typeof text !== "string") return "must be a string";
  if (text.length === 0) return "must not be empty";
  if (text.length > MAX_TXT_TEXT_LENGTH) {
    return `must be at most ${MAX_TXT_TEXT_LENGTH} characters (Cloudflare's TXT limit), has ${text.length}`;
  }
  const bad = [...text].find((ch) => ch < " " || ch > "~");
  if (bad !== undefined) {
    return `must be printable ASCII only; found ${JSON.stringify(bad)} (U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`;
  }
  if (text.includes('"')) return 'must not contain a double quote (")';
  if (text.includes("\\")) return "must not contain a backslash (\\)";
  return undefined;
}

/** RFC 7208 §4.5: an SPF record is a TXT text that starts with `v=spf1` followed by a space or its end. */
export function isSpfText(text: string): boolean {
  return /^v=spf1( |$)/i.test(text);
}
