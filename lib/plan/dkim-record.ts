/**
 * The DKIM key record (RFC 6376 §3.6.1): `v=DKIM1; k=<type>; p=<key>` at
 * `<selector>._domainkey.<domain>`. Keys are decoded with `crypto.createPublicKey`, so a key
 * that would not verify anywhere never becomes a record.
 */
import { KeyObject, createPublicKey } from "crypto";
import { MAIL_CONNECT } from "../mail-connect";
import { keyFromPastedDkimValue } from "./dkim-pasted-value";
import { normaliseHostName } from "./host-names";
import { PlanContext, checkKnownKeys, objectOption } from "./plan-context";

/** The smallest RSA key receivers accept (RFC 8301 §3.2: verifiers MUST NOT consider smaller keys valid). */
export const DKIM_MIN_RSA_BITS = 1024;

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** The result of building the DKIM record. */
export interface DkimParts {
  readonly name: string;
  readonly text: string;
}

function decodeKey(raw: string): KeyObject | undefined {
  const text = raw.trim();
  if (text.includes("-----BEGIN")) {
    try {
      return createPublicKey(text);
    } catch {
      return undefined;
    }
  }
  const compact = text.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  const der = Buffer.from(compact, "base64");
  if (der.length === 32) {
    // RFC 8463 §4.2: an Ed25519 DKIM key is the bare 32-byte public key.
    return tryCreate(Buffer.concat([ED25519_SPKI_PREFIX, der]), "spki");
  }
  return tryCreate(der, "spki") ?? tryCreate(der, "pkcs1");
}

function tryCreate(der: Buffer, type: "spki" | "pkcs1"): KeyObject | undefined {
  try {
    return createPublicKey({ key: der, format: "der", type });
  } catch {
    return undefined;
  }
}

/** What the record needs from a decoded key. */
interface KeyFacts {
  /** `rsa`, `ed25519`, or another type (refused). */
  readonly type: string | undefined;
  /** RSA modulus length; 0 for other types. */
  readonly bits: number;
  /** The key as published in `p=` (RSA: SubjectPublicKeyInfo; Ed25519: the raw 32 bytes), base64. */
  readonly published: string;
}

/**
 * Decoded keys by their text. Decoding costs about half a millisecond, and an agency's domains
 * usually share one key (mail-connect's), so each distinct text is decoded once.
 */
const KEY_FACTS = new Map<string, KeyFacts | undefined>();
const KEY_FACTS_LIMIT = 64;

function keyFacts(raw: string): KeyFacts | undefined {
  if (KEY_FACTS.has(raw)) return KEY_FACTS.get(raw);
  const key = decodeKey(raw);
  let facts: KeyFacts | undefined;
  if (key !== undefined) {
    const type = key.asymmetricKeyType;
    const spki = type === "rsa" || type === "ed25519" ? key.export({ format: "der", type: "spki" }) : undefined;
    facts = {
      type,
      bits: type === "rsa" ? (key.asymmetricKeyDetails?.modulusLength ?? 0) : 0,
      published: spki === undefined ? "" : type === "ed25519" ? spki.subarray(ED25519_SPKI_PREFIX.length).toString("base64") : spki.toString("base64"),
    };
  }
  if (KEY_FACTS.size >= KEY_FACTS_LIMIT) KEY_FACTS.clear();
  KEY_FACTS.set(raw, facts);
  return facts;
}

/** Builds the DKIM record, or reports why it cannot (then returns undefined). */
export function buildDkim(ctx: PlanContext, raw: unknown): DkimParts | undefined {
  const before = ctx.reasons.count;
  const dkim = objectOption(ctx, "dkim", raw);
  checkKnownKeys(ctx, "dkim", dkim, ["selector", "publicKey", "keyType"]);

  let selector: string = MAIL_CONNECT.dkimSelector;
  if (dkim.selector !== undefined) {
    const checked = normaliseHostName(dkim.selector, 1, true);
    if (!checked.ok || String(dkim.selector).endsWith(".")) {
      const rule = checked.ok ? "must not end with a dot" : checked.rule;
      ctx.fail("dkim.selector", dkim.selector, `must be one or more DNS labels: it ${rule}`, `Use the selector mail-connect signs with ("${MAIL_CONNECT.dkimSelector}") or leave it out.`);
    } else {
      selector = checked.ascii;
      if (selector !== MAIL_CONNECT.dkimSelector) {
        ctx.warn("dkim-selector", "dkim.selector", `mail-connect signs with the selector "${MAIL_CONNECT.dkimSelector}" only; a record at "${selector}._domainkey" is not used by mail-connect's signatures unless mail-connect told you to use it.`);
      }
    }
  }

  let published: string = MAIL_CONNECT.dkimPublicKey;
  let keyType: "rsa" | "ed25519" = "rsa";
  if (dkim.publicKey !== undefined) {
    const pasted = typeof dkim.publicKey === "string" ? keyFromPastedDkimValue(dkim.publicKey) : undefined;
    const key = pasted?.ok === true ? keyFacts(pasted.key) : undefined;
    const shortKey = `${String(dkim.publicKey).trim().slice(0, 24)}...`;
    if (pasted !== undefined && !pasted.ok) {
      ctx.fail("dkim.publicKey", dkim.publicKey, `must be a DKIM public key or record value, but it ${pasted.rule}`, pasted.fix);
    } else if (key === undefined) {
      ctx.fail("dkim.publicKey", dkim.publicKey, "must be a public key in PEM or base64 (SubjectPublicKeyInfo, PKCS#1, or a raw 32-byte Ed25519 key), or the record value `v=DKIM1; k=rsa; p=<key>`", "Paste the key exactly as mail-connect gave it, or leave it out to use mail-connect's published key.");
    } else if (key.type === "rsa") {
      if (key.bits < DKIM_MIN_RSA_BITS) {
        ctx.fail("dkim.publicKey", shortKey, `is a ${key.bits}-bit RSA key; DKIM needs at least ${DKIM_MIN_RSA_BITS} bits (RFC 8301)`, "Use a key of 2048 bits or more.");
      }
      published = key.published;
    } else if (key.type === "ed25519") {
      keyType = "ed25519";
      published = key.published;
    } else {
      ctx.fail("dkim.publicKey", shortKey, `is a key of type "${key.type}"; DKIM keys are RSA or Ed25519 (RFC 6376, RFC 8463)`, "Use the RSA or Ed25519 key mail-connect gave you.");
    }
    const keyTag = pasted?.ok === true ? pasted.keyTag : undefined;
    if (key !== undefined && keyTag !== undefined && keyTag !== key.type) {
      ctx.fail("dkim.publicKey", shortKey, `says k=${keyTag}, but its p= holds ${key.type === "rsa" ? "an RSA" : `an ${key.type}`} key`, `Write k=${key.type}, or paste the ${keyTag} key that belongs to the record.`);
    }
  }
  if (dkim.keyType !== undefined && dkim.keyType !== keyType) {
    ctx.fail("dkim.keyType", dkim.keyType, `must match the key, which is ${keyType === "rsa" ? "an RSA" : "an Ed25519"} key (k=${keyType})`, `Set dkim.keyType to "${keyType}" or leave it out.`);
  }
  if (ctx.reasons.count !== before) return undefined;
  return { name: `${selector}._domainkey.${ctx.domain}`, text: `v=DKIM1; k=${keyType}; p=${published}` };
}
