/**
 * TXT text rules and the split into RFC 1035 character-strings (at most 255 bytes each,
 * RFC 1035 §3.3.14 / RFC 7208 §3.3). Every provider renders from these chunks.
 */

/** The most bytes one character-string may hold. */
export const MAX_CHARACTER_STRING_BYTES = 255;

/**
 * Cloudflare's limit on one record's `content`, the tightest of the supported providers and
 * DNS: 2,048 characters (../shared/reference/provider-notes.md; Route53 and Azure accept
 * 4,000 and 4,096, a DNS record 65,535 bytes).
 */
const CLOUDFLARE_CONTENT_LIMIT = 2048;

/**
 * Longest TXT text this library publishes, on every provider and in the zone file: 2,025
 * characters. Cloudflare's `content` holds the text as 255-byte chunks, each in double
 * quotes, joined by one space: 2,025 characters are 8 chunks, 2,025 + 8 × 2 + 7 = 2,048.
 * Applied to every TXT the library writes (SPF, DKIM, DMARC, `extraTxt`).
 */
export const MAX_TXT_TEXT_LENGTH = 2025;

/**
 * Longest combined content of the TXT records at one name (the SPF record and `extraTxt`):
 * Cloudflare refuses more than 8,192 characters for records with one name and type
 * (developers.cloudflare.com/dns/manage-dns-records/reference/dns-record-types/). It also
 * keeps the answer far below the 65,535 bytes of a DNS message.
 */
export const MAX_TXT_RRSET_CONTENT_LENGTH = 8192;

/** The length of `text` as Cloudflare content: quoted 255-byte chunks joined by one space. */
export function txtContentLength(text: string): number {
  const chunks = Math.max(1, Math.ceil(Buffer.byteLength(text, "utf8") / MAX_CHARACTER_STRING_BYTES));
  return Buffer.byteLength(text, "utf8") + chunks * 3 - 1;
}

/** Why a TXT text is too long to publish, or undefined when it fits the library's one TXT limit. */
export function txtLengthProblem(text: string): string | undefined {
  if (text.length <= MAX_TXT_TEXT_LENGTH && txtContentLength(text) <= CLOUDFLARE_CONTENT_LIMIT) return undefined;
  return `must be at most ${MAX_TXT_TEXT_LENGTH} characters (the library's TXT limit: what Cloudflare's ${CLOUDFLARE_CONTENT_LIMIT}-character content holds as quoted 255-byte strings), has ${text.length}`;
}

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
  const tooLong = txtLengthProblem(text);
  if (tooLong !== undefined) return tooLong;
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
