/**
 * `dkim.publicKey` as users paste it. mail-connect hands out the whole record value
 * (`v=DKIM1; k=rsa; p=MIGf...`), and a DNS UI often shows it as quoted chunks
 * (`"v=DKIM1; k=rsa; p=MIGf..." "...."`), wrapped over lines. This file turns any of those, a
 * bare base64 key or a PEM block into the key text that the DKIM builder decodes, and says
 * exactly what to remove when a form cannot be used. The published record is always the
 * builder's own `v=DKIM1; k=<type>; p=<key>`.
 */

/** The key text to decode, with what the pasted record said about it. */
export interface PastedDkimKey {
  readonly ok: true;
  /** The key: PEM, or base64 without whitespace. */
  readonly key: string;
  /** The `k=` tag of a pasted record value, lowercased, if it had one. */
  readonly keyTag?: string;
}

/** Why the pasted value cannot be used. */
export interface PastedDkimProblem {
  readonly ok: false;
  readonly rule: string;
  readonly fix: string;
}

const FIX_PASTE = "Paste the value exactly as mail-connect gave it (`v=DKIM1; k=rsa; p=...`), or only the key after `p=`.";

/**
 * Joins `"chunk" "chunk"` (optionally in BIND's parentheses, over several lines) into one text,
 * or says what breaks the sequence.
 */
function joinQuotedChunks(text: string): { text: string } | PastedDkimProblem {
  let body = text.trim();
  if (body.startsWith("(") && body.endsWith(")")) body = body.slice(1, -1);
  const chunks: string[] = [];
  let rest = body.trim();
  while (rest !== "") {
    if (!rest.startsWith('"')) {
      return { ok: false, rule: `has text outside the quoted chunks: ${JSON.stringify(rest.slice(0, 24))}`, fix: `Remove it, or paste the value without any quotes. ${FIX_PASTE}` };
    }
    const end = rest.indexOf('"', 1);
    if (end < 0) return { ok: false, rule: "has a quote that is never closed", fix: `Paste every chunk with both of its quotes, or paste the value without any quotes.` };
    const chunk = rest.slice(1, end);
    if (chunk.includes("\\")) return { ok: false, rule: "has a backslash inside a quoted chunk", fix: `Paste the value as the DNS service shows it, without escapes. ${FIX_PASTE}` };
    chunks.push(chunk);
    rest = rest.slice(end + 1).trim();
  }
  return { text: chunks.join("") };
}

/** A tag-list (RFC 6376 §3.2) rather than a bare key: a `tag=value` with a value, or a `;`. */
function isTagList(text: string): boolean {
  return text.includes(";") || /^\s*[A-Za-z][A-Za-z0-9_]*\s*=\s*[^=\s]/.test(text);
}

/** The tags this library writes; any other tag would be dropped from the published record. */
const PUBLISHED_TAGS = ["v", "k", "p"];

/** Reads a DKIM key record value (RFC 6376 §3.6.1) and returns its `p=` key. */
function keyFromRecordValue(text: string): PastedDkimKey | PastedDkimProblem {
  const tags = new Map<string, string>();
  const parts = text.split(";").map((part) => part.trim());
  if (parts[parts.length - 1] === "") parts.pop(); // a trailing ";" is allowed
  for (const [index, part] of parts.entries()) {
    const match = /^([A-Za-z][A-Za-z0-9_]*)\s*=\s*([\s\S]*)$/.exec(part);
    if (match === null) {
      return { ok: false, rule: `has ${JSON.stringify(part.slice(0, 24))} where a tag=value pair belongs`, fix: FIX_PASTE };
    }
    const name = match[1].toLowerCase();
    const value = match[2].trim();
    if (tags.has(name)) return { ok: false, rule: `has the tag "${name}=" twice`, fix: `Keep one "${name}=" (RFC 6376 §3.2: a duplicate tag makes the whole record invalid).` };
    if (name === "v" && index !== 0) return { ok: false, rule: '"v=DKIM1" must be the first tag (RFC 6376 §3.6.1)', fix: "Move v=DKIM1 to the front, or remove it." };
    if (!PUBLISHED_TAGS.includes(name)) {
      return {
        ok: false,
        rule: `has the tag "${name}=${value.slice(0, 16)}", which this library does not publish: the record is always exactly "v=DKIM1; k=...; p=..."`,
        fix: `Remove "${name}=${value.slice(0, 16)}" from the value (mail-connect's records have only v, k and p).`,
      };
    }
    tags.set(name, value);
  }
  const version = tags.get("v");
  if (version !== undefined && version !== "DKIM1") return { ok: false, rule: `has "v=${version}"; a DKIM key record says "v=DKIM1"`, fix: "Write v=DKIM1, or remove the v= tag." };
  const keyTag = tags.get("k")?.toLowerCase();
  if (keyTag !== undefined && keyTag !== "rsa" && keyTag !== "ed25519") {
    return { ok: false, rule: `has "k=${keyTag}"; DKIM keys are k=rsa or k=ed25519 (RFC 6376, RFC 8463)`, fix: "Use the RSA or Ed25519 key mail-connect gave you." };
  }
  const key = tags.get("p");
  if (key === undefined) return { ok: false, rule: "has no p= tag, so no key", fix: FIX_PASTE };
  if (key.replace(/\s+/g, "") === "") {
    return { ok: false, rule: 'has an empty "p=": that is a revoked key (RFC 6376 §3.6.1), which makes every signature fail', fix: "Ask mail-connect for the domain's current key and paste that." };
  }
  return { ok: true, key: key.replace(/\s+/g, ""), ...(keyTag !== undefined ? { keyTag } : {}) };
}

/**
 * The key inside a pasted `dkim.publicKey`: a PEM block as it is; a bare base64 key; or the
 * whole record value, with or without quotes, as quoted chunks, with line breaks or spaces.
 */
export function keyFromPastedDkimValue(raw: string): PastedDkimKey | PastedDkimProblem {
  let text = raw.trim();
  if (text.includes("-----BEGIN")) return { ok: true, key: text };
  if (text.startsWith('"') || text.startsWith("(")) {
    const joined = joinQuotedChunks(text);
    if ("ok" in joined) return joined;
    text = joined.text.trim();
  }
  if (isTagList(text)) return keyFromRecordValue(text);
  return { ok: true, key: text.replace(/\s+/g, "") };
}
