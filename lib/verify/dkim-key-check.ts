/**
 * Does a live DKIM key record hold a key a receiver can verify with? `v=DKIM1` first if
 * present (RFC 6376 §3.6.1), `p=` decodes with `crypto.createPublicKey`: RSA of at least
 * 1,024 bits (RFC 8301 §3.2) or an Ed25519 key as its raw 32 bytes (RFC 8463 §4.2).
 */
import { createPublicKey, KeyObject } from "crypto";
import { parseTagList, tagValue } from "./tag-list";

/** The smallest RSA key verifiers accept (RFC 8301 §3.2). */
const MIN_RSA_BITS = 1024;
/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** The key, described (`RSA 1024-bit`), or why receivers cannot use it. */
export type DkimKeyResult = { readonly ok: true; readonly key: string } | { readonly ok: false; readonly problem: string };

function tryKey(der: Buffer, type: "spki" | "pkcs1"): KeyObject | undefined {
  try {
    return createPublicKey({ key: der, format: "der", type });
  } catch {
    return undefined;
  }
}

/**
 * Checks the text of one DKIM key record (its character-strings joined). This is verify's one
 * key check (the DKIM key rows call it from `policy-checks.ts`, nothing else decodes keys here).
 * TODO(lead): when the planner's key checks land (a private key pasted into `p=`, RSA with
 * exponent 1, an Ed25519 value that is not a curve point; `lib/plan/dkim-key.ts`), call them
 * here on the decoded `p=` value, after the base64 check and before `tryKey`, so verify and the
 * construct refuse the same keys.
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
  const der = Buffer.from(base64, "base64");
  if (keyType === "ed25519") {
    if (der.length !== 32) return { ok: false, problem: `k=ed25519 needs the raw 32-byte key in p= (RFC 8463 §4.2), got ${der.length} bytes` };
    const key = tryKey(Buffer.concat([ED25519_SPKI_PREFIX, der]), "spki");
    return key ? { ok: true, key: "Ed25519" } : { ok: false, problem: "p= is not an Ed25519 public key" };
  }
  if (keyType !== "rsa") return { ok: false, problem: `k=${keyType} is not a DKIM key type (rsa, ed25519)` };
  const key = tryKey(der, "spki") ?? tryKey(der, "pkcs1");
  if (key === undefined) return { ok: false, problem: `p= does not decode to a public key (${der.length} bytes of DER: truncated or damaged?)` };
  if (key.asymmetricKeyType !== "rsa") return { ok: false, problem: `p= holds a ${key.asymmetricKeyType} key, but k=rsa` };
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) return { ok: false, problem: `p= is a ${bits}-bit RSA key; verifiers reject keys under ${MIN_RSA_BITS} bits (RFC 8301 §3.2)` };
  return { ok: true, key: `RSA ${bits}-bit` };
}
