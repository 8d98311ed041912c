/**
 * The DKIM key record (RFC 6376 §3.6.1): `v=DKIM1; k=<type>; p=<key>` at
 * `<selector>._domainkey.<domain>`. Keys are decoded with `crypto.createPublicKey`, so a key
 * that would not verify anywhere never becomes a record.
 */
import { MAIL_CONNECT } from "../mail-connect/mail-connect";
import { NOT_A_DKIM_KEY, checkDkimPublicKey } from "./dkim-key";
import { keyFromPastedDkimValue } from "./dkim-pasted-value";
import { normaliseHostName } from "./host-names";
import { PlanContext, checkKnownKeys, objectOption } from "./plan-context";
import { txtLengthProblem } from "./txt-strings";

/** The result of building the DKIM record. */
export interface DkimParts {
  readonly name: string;
  readonly text: string;
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
    // A private key is checked as it is: never parsed as a record value, whose problems quote it.
    const given = typeof dkim.publicKey === "string" ? dkim.publicKey : undefined;
    const pasted = given === undefined ? undefined : /PRIVATE KEY/.test(given) ? ({ ok: true, key: given } as const) : keyFromPastedDkimValue(given);
    const key = pasted?.ok === true ? checkDkimPublicKey(pasted.key) : undefined;
    const shortKey = `${(given ?? "").trim().slice(0, 24)}...`;
    if (pasted !== undefined && !pasted.ok) {
      ctx.fail("dkim.publicKey", dkim.publicKey, `must be a DKIM public key or record value, but it ${pasted.rule}`, pasted.fix);
    } else if (key === undefined) {
      ctx.fail("dkim.publicKey", dkim.publicKey, NOT_A_DKIM_KEY.rule, NOT_A_DKIM_KEY.fix);
    } else if (!key.ok) {
      // A private key is never echoed: the message would spread the secret into logs.
      const shown = key.secret ? "(private key, not shown)" : key.rule === NOT_A_DKIM_KEY.rule ? dkim.publicKey : shortKey;
      ctx.fail("dkim.publicKey", shown, key.rule, key.fix);
    } else {
      keyType = key.type;
      published = key.published;
      const keyTag = pasted?.ok === true && "keyTag" in pasted ? pasted.keyTag : undefined;
      if (keyTag !== undefined && keyTag !== key.type) {
        ctx.fail("dkim.publicKey", shortKey, `says k=${keyTag}, but its p= holds ${key.type === "rsa" ? "an RSA" : "an Ed25519"} key`, `Write k=${key.type}, or paste the ${keyTag} key that belongs to the record.`);
      }
    }
  }
  if (dkim.keyType !== undefined && dkim.keyType !== keyType) {
    ctx.fail("dkim.keyType", dkim.keyType, `must match the key, which is ${keyType === "rsa" ? "an RSA" : "an Ed25519"} key (k=${keyType})`, `Set dkim.keyType to "${keyType}" or leave it out.`);
  }
  const text = `v=DKIM1; k=${keyType}; p=${published}`;
  const tooLong = txtLengthProblem(text);
  if (tooLong !== undefined) ctx.fail("dkim.publicKey", `${published.slice(0, 24)}...`, `makes a DKIM record that ${tooLong}`, "Use a 2048-bit RSA key or an Ed25519 key.");
  if (ctx.reasons.count !== before) return undefined;
  return { name: `${selector}._domainkey.${ctx.domain}`, text };
}
