/**
 * Is a DKIM key text a public key receivers can verify with? One function,
 * `checkDkimPublicKey`, that the planner uses (and `verify` can reuse): it decodes with
 * `crypto.createPublicKey` and refuses what would publish a useless or dangerous record:
 * a private key (a secret pasted by mistake), an Ed25519 value that is not a curve point, an
 * RSA key with a broken exponent or modulus, or one outside 1,024–4,096 bits.
 */
import { KeyObject, createPrivateKey, createPublicKey } from "crypto";

/** The smallest RSA key receivers accept (RFC 8301 §3.2: verifiers MUST NOT consider smaller keys valid). */
export const DKIM_MIN_RSA_BITS = 1024;
/**
 * The largest RSA key every receiver verifies (RFC 8301 §3.2: verifiers MUST validate keys of
 * 1,024 to 4,096 bits and only MAY validate larger ones).
 */
export const DKIM_MAX_RSA_BITS = 4096;

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the raw 32-byte key follows it. */
export const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** A usable key: its type, size and the `p=` value to publish. */
export interface DkimPublicKeyFacts {
  readonly ok: true;
  readonly type: "rsa" | "ed25519";
  /** RSA modulus length in bits; 256 for Ed25519. */
  readonly bits: number;
  /** The key as published in `p=` (RSA: SubjectPublicKeyInfo; Ed25519: the raw 32 bytes), base64. */
  readonly published: string;
}

/** Why the text is not a usable public key. */
export interface DkimPublicKeyProblem {
  readonly ok: false;
  readonly rule: string;
  readonly fix: string;
  /** True when the text is a private key: it must not be shown in any message. */
  readonly secret: boolean;
}

export type DkimPublicKeyCheck = DkimPublicKeyFacts | DkimPublicKeyProblem;

/** The problem of a text that is no key at all. */
export const NOT_A_DKIM_KEY: DkimPublicKeyProblem = {
  ok: false,
  rule: "must be a public key in PEM or base64 (SubjectPublicKeyInfo, PKCS#1, or a raw 32-byte Ed25519 key), or the record value `v=DKIM1; k=rsa; p=<key>`",
  fix: "Paste the key exactly as mail-connect gave it, or leave it out to use mail-connect's published key.",
  secret: false,
};

const PRIVATE_KEY: DkimPublicKeyProblem = {
  ok: false,
  rule: "is a PRIVATE key, not the public key: a secret was pasted, and it is not shown here",
  fix: "Treat that key as leaked: have it rotated (a new key pair, the old one revoked), remove it from this configuration and its history, and paste only the new public key.",
  secret: true,
};

function problem(rule: string, fix: string): DkimPublicKeyProblem {
  return { ok: false, rule, fix, secret: false };
}

/** Whether the DER bytes are a private key (PKCS#8, encrypted PKCS#8, PKCS#1 or SEC1). */
function isPrivateDer(der: Buffer): boolean {
  if (der.subarray(0, 15).toString("latin1") === "openssh-key-v1\0") return true;
  for (const type of ["pkcs8", "pkcs1", "sec1"] as const) {
    try {
      createPrivateKey({ key: der, format: "der", type });
      return true;
    } catch (error) {
      // An encrypted PKCS#8 key parses far enough to ask for its passphrase.
      if ((error as { code?: string }).code === "ERR_MISSING_PASSPHRASE") return true;
    }
  }
  return false;
}

function tryPublic(der: Buffer, type: "spki" | "pkcs1"): KeyObject | undefined {
  try {
    return createPublicKey({ key: der, format: "der", type });
  } catch {
    return undefined;
  }
}

const P = 2n ** 255n - 19n;

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

const D = (((-121665n * modPow(121666n, P - 2n, P)) % P) + P) % P;

/**
 * Whether 32 bytes are the encoding of a point on Ed25519 (RFC 8032 §5.1.3): y below p, and
 * x² = (y² − 1) / (d·y² + 1) a square mod p (x = 0 only with a clear sign bit). OpenSSL
 * accepts any 32 bytes as a public key, so a random or mistyped value would become a record.
 */
export function isEd25519Point(raw: Buffer): boolean {
  if (raw.length !== 32) return false;
  const bytes = Buffer.from(raw);
  const sign = bytes[31] >> 7;
  bytes[31] &= 0x7f;
  const y = BigInt(`0x${Buffer.from(bytes).reverse().toString("hex")}`);
  if (y >= P) return false;
  const y2 = (y * y) % P;
  const u = (y2 - 1n + P) % P;
  const v = (D * y2 + 1n) % P;
  const x2 = (u * modPow(v, P - 2n, P)) % P;
  if (x2 === 0n) return sign === 0;
  return modPow(x2, (P - 1n) / 2n, P) === 1n;
}

function base64UrlToBigInt(text: string): bigint {
  const hex = Buffer.from(text, "base64url").toString("hex");
  return hex === "" ? 0n : BigInt(`0x${hex}`);
}

function rsaFacts(key: KeyObject): DkimPublicKeyCheck {
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < DKIM_MIN_RSA_BITS) return problem(`is a ${bits}-bit RSA key; DKIM needs at least ${DKIM_MIN_RSA_BITS} bits (RFC 8301)`, "Use a key of 2048 bits or more.");
  if (bits > DKIM_MAX_RSA_BITS) {
    return problem(`is a ${bits}-bit RSA key; receivers need only verify keys of up to ${DKIM_MAX_RSA_BITS} bits (RFC 8301 §3.2), so its signatures may not verify`, "Use a key of 2048 (at most 4096) bits, or an Ed25519 key.");
  }
  const jwk = key.export({ format: "jwk" });
  const e = base64UrlToBigInt(String(jwk.e ?? ""));
  const n = base64UrlToBigInt(String(jwk.n ?? ""));
  if (e < 3n || e % 2n === 0n) {
    return problem(`has the public exponent ${e}; an RSA exponent must be odd and at least 3 (with 1 anyone can forge signatures; an even one has no private key)`, "The key is broken: get the key pair generated again (exponent 65537).");
  }
  if (n % 2n === 0n) return problem("has an even RSA modulus, which no RSA key pair has", "The key is broken or mistyped: paste it again from the source, or get a new key pair.");
  const spki = key.export({ format: "der", type: "spki" });
  return { ok: true, type: "rsa", bits, published: spki.toString("base64") };
}

function keyFactsOf(key: KeyObject): DkimPublicKeyCheck {
  const type = key.asymmetricKeyType;
  if (type === "rsa") return rsaFacts(key);
  if (type === "ed25519") {
    const raw = key.export({ format: "der", type: "spki" }).subarray(ED25519_SPKI_PREFIX.length);
    if (!isEd25519Point(raw)) return problem("is not an Ed25519 public key: its 32 bytes are not a point on the curve (RFC 8032 §5.1.3)", "Paste the key exactly as mail-connect gave it.");
    return { ok: true, type: "ed25519", bits: 256, published: raw.toString("base64") };
  }
  return problem(`is a key of type "${type}"; DKIM keys are RSA or Ed25519 (RFC 6376, RFC 8463)`, "Use the RSA or Ed25519 key mail-connect gave you.");
}

function check(raw: string): DkimPublicKeyCheck {
  const text = raw.trim();
  if (text.includes("-----BEGIN")) {
    if (/PRIVATE KEY/.test(text)) return PRIVATE_KEY;
    try {
      return keyFactsOf(createPublicKey(text));
    } catch {
      return NOT_A_DKIM_KEY;
    }
  }
  const compact = text.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return NOT_A_DKIM_KEY;
  const der = Buffer.from(compact, "base64");
  if (der.length === 32) {
    // RFC 8463 §4.2: an Ed25519 DKIM key is the bare 32-byte public key.
    if (!isEd25519Point(der)) return problem("is not an Ed25519 public key: its 32 bytes are not a point on the curve (RFC 8032 §5.1.3)", "Paste the key exactly as mail-connect gave it.");
    return { ok: true, type: "ed25519", bits: 256, published: der.toString("base64") };
  }
  if (isPrivateDer(der)) return PRIVATE_KEY;
  const key = tryPublic(der, "spki") ?? tryPublic(der, "pkcs1");
  return key === undefined ? NOT_A_DKIM_KEY : keyFactsOf(key);
}

/**
 * Checked keys by their text. Decoding costs about half a millisecond, and an agency's domains
 * usually share one key (mail-connect's), so each distinct text is checked once.
 */
const CHECKED = new Map<string, DkimPublicKeyCheck>();
const CHECKED_LIMIT = 64;

/** The facts of a DKIM public key given as PEM or base64, or the rule it breaks and the fix. */
export function checkDkimPublicKey(text: string): DkimPublicKeyCheck {
  const known = CHECKED.get(text);
  if (known !== undefined) return known;
  const result = check(text);
  if (CHECKED.size >= CHECKED_LIMIT) CHECKED.clear();
  CHECKED.set(text, result);
  return result;
}
