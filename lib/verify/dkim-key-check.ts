/**
 * Does a live DKIM key record hold a key a receiver can verify with? `v=DKIM1` first if
 * present (RFC 6376 §3.6.1), `p=` decodes with `crypto.createPublicKey`: RSA of at least
 * 1,024 bits (RFC 8301 §3.2) or an Ed25519 key as its raw 32 bytes (RFC 8463 §4.2).
 */
import { checkDkimPublicKey, NOT_A_DKIM_KEY } from "../plan/dkim-key";
import { parseTagList, tagValue } from "./tag-list";

/** The key, described (`RSA 1024-bit`), or why receivers cannot use it. */
export type DkimKeyResult = { readonly ok: true; readonly key: string } | { readonly ok: false; readonly problem: string };

/**
 * Checks the text of one DKIM key record (its character-strings joined). This is verify's one
 * key check (the DKIM key rows call it from `policy-checks.ts`, nothing else decodes keys here).
 */
export function checkDkimKey(text: string): DkimKeyResult {
  const parsed = parseTagList(text);
  if ("error" in parsed) return { ok: false, problem: `the record is not a valid tag list: ${parsed.error}` };
  const { tags } = parsed;
  const version = tagValue(tags, "v");
  if (version !== undefined && (tags[0][0] !== "v" || version !== "DKIM1")) {
    return { ok: false, problem: `v= must be the first tag and be DKIM1 (RFC 6376 §3.6.1), got "v=${version}"${tags[0][0] !== "v" ? " later in the record" : ""}` };
  }
  const keyType = tagValue(tags, "k") ?? "rsa";
  const p = tagValue(tags, "p");
  if (p === undefined) return { ok: false, problem: "no p= tag: the record holds no key" };
  const base64 = p.replace(/\s+/g, "");
  if (base64 === "") return { ok: false, problem: "p= is empty: the key is revoked (RFC 6376 §3.6.1)" };
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) {
    return { ok: false, problem: `p= is not valid base64 (${base64.length} characters${base64.length % 4 !== 0 ? ", not a multiple of 4: truncated?" : ""})` };
  }
  if (keyType !== "rsa" && keyType !== "ed25519") return { ok: false, problem: `k=${keyType} is not a DKIM key type (rsa, ed25519)` };
  // The construct's own key checks (lib/plan/dkim-key.ts), so verify and the construct refuse
  // the same keys: a private key, an Ed25519 value off the curve, a broken RSA exponent or
  // modulus, sizes outside 1,024–4,096 bits.
  const bytes = Buffer.from(base64, "base64").length;
  if (keyType === "ed25519" && bytes !== 32) return { ok: false, problem: `k=ed25519 needs the raw 32-byte key in p= (RFC 8463 §4.2), got ${bytes} bytes` };
  const checked = checkDkimPublicKey(base64);
  if (!checked.ok) {
    if (checked.secret) return { ok: false, problem: "p= holds a PRIVATE key: the secret is published in DNS for anyone to read; have the key pair rotated now" };
    if (checked.rule === NOT_A_DKIM_KEY.rule) return { ok: false, problem: `p= does not decode to a public key (${bytes} bytes of DER: truncated or damaged?)` };
    return { ok: false, problem: `p= ${checked.rule}` };
  }
  if (checked.type !== keyType) return { ok: false, problem: `p= holds ${checked.type === "rsa" ? "an RSA" : "an Ed25519"} key, but k=${keyType}` };
  return { ok: true, key: checked.type === "rsa" ? `RSA ${checked.bits}-bit` : "Ed25519" };
}