import { generateKeyPairSync } from "crypto";
import { planMailConnectRecords } from "../../lib/plan/plan-records";
import { TxtValue } from "../../lib/plan/record-plan";
import { MAIL_CONNECT } from "../../lib/mail-connect/mail-connect";
import { RSA_2048_PUBLIC_KEY } from "../support/domain-stack";
import { validationReasonsOf } from "../support/validation-error";

const KEY = MAIL_CONNECT.dkimPublicKey;
const RECORD = `v=DKIM1; k=rsa; p=${KEY}`;

function dkimText(publicKey: string): string {
  const plan = planMailConnectRecords({ domain: "firma.de", dkim: { publicKey } });
  return (plan.records.find((r) => r.purpose === "dkim")!.values[0] as TxtValue).text;
}

/** Splits `text` into quoted chunks of `size` characters, as DNS UIs show long TXT values. */
function quotedChunks(text: string, size: number, separator = " "): string {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(`"${text.slice(i, i + size)}"`);
  return chunks.join(separator);
}

describe("dkim.publicKey as users paste it", () => {
  test.each<[string, string]>([
    ["the record value as mail-connect hands it out", RECORD],
    ["the record value in quotes", `"${RECORD}"`],
    ["the record value as quoted chunks", quotedChunks(RECORD, 100)],
    ["quoted chunks over lines, in BIND's parentheses", `( ${quotedChunks(RECORD, 60, "\n  ")} )`],
    ["the record value with a trailing semicolon", `${RECORD};`],
    ["the record value wrapped over lines inside p=", `v=DKIM1; k=rsa;\n p=${KEY.slice(0, 50)}\n  ${KEY.slice(50)}`],
    ["spaces around = and ;", `v = DKIM1 ;k= rsa ; p =${KEY}`],
    ["without v= (it is optional)", `k=rsa; p=${KEY}`],
    ["only p=", `p=${KEY}`],
    ["the bare key", KEY],
    ["the bare key with line breaks", `${KEY.slice(0, 64)}\n${KEY.slice(64)}`],
  ])("accepts %s and publishes exactly v=DKIM1; k=rsa; p=<key>", (_case, pasted) => {
    expect(dkimText(pasted)).toBe(RECORD);
  });

  test("a 2048-bit key pasted as two quoted chunks publishes the record unchanged", () => {
    const record = `v=DKIM1; k=rsa; p=${RSA_2048_PUBLIC_KEY}`;
    expect(dkimText(quotedChunks(record, 255))).toBe(record);
  });

  test("an Ed25519 record value with k=ed25519 is accepted", () => {
    const raw = generateKeyPairSync("ed25519").publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("base64");
    expect(dkimText(`v=DKIM1; k=ed25519; p=${raw}`)).toBe(`v=DKIM1; k=ed25519; p=${raw}`);
  });

  const got = (value: string) => JSON.stringify(value.length > 120 ? `${value.slice(0, 117)}...` : value);
  test.each<[string, string, string]>([
    ["an empty p= (a revoked key)", "v=DKIM1; k=rsa; p=",
      'must be a DKIM public key or record value, but it has an empty "p=": that is a revoked key (RFC 6376 §3.6.1), which makes every signature fail. Ask mail-connect for the domain\'s current key and paste that.'],
    ["v= not first", `k=rsa; v=DKIM1; p=${KEY}`,
      'must be a DKIM public key or record value, but it "v=DKIM1" must be the first tag (RFC 6376 §3.6.1). Move v=DKIM1 to the front, or remove it.'],
    ["another version", `v=DKIM2; k=rsa; p=${KEY}`,
      'must be a DKIM public key or record value, but it has "v=DKIM2"; a DKIM key record says "v=DKIM1". Write v=DKIM1, or remove the v= tag.'],
    ["a tag this library does not publish", `v=DKIM1; k=rsa; t=y; p=${KEY}`,
      'must be a DKIM public key or record value, but it has the tag "t=y", which this library does not publish: the record is always exactly "v=DKIM1; k=...; p=...". Remove "t=y" from the value (mail-connect\'s records have only v, k and p).'],
    ["an unknown tag", `v=DKIM1; x_note=hello; p=${KEY}`,
      'must be a DKIM public key or record value, but it has the tag "x_note=hello", which this library does not publish: the record is always exactly "v=DKIM1; k=...; p=...". Remove "x_note=hello" from the value (mail-connect\'s records have only v, k and p).'],
    ["a duplicate tag", `v=DKIM1; k=rsa; k=rsa; p=${KEY}`,
      'must be a DKIM public key or record value, but it has the tag "k=" twice. Keep one "k=" (RFC 6376 §3.2: a duplicate tag makes the whole record invalid).'],
    ["an unknown key type", `v=DKIM1; k=dsa; p=${KEY}`,
      'must be a DKIM public key or record value, but it has "k=dsa"; DKIM keys are k=rsa or k=ed25519 (RFC 6376, RFC 8463). Use the RSA or Ed25519 key mail-connect gave you.'],
    ["no p=", "v=DKIM1; k=rsa",
      "must be a DKIM public key or record value, but it has no p= tag, so no key. Paste the value exactly as mail-connect gave it (`v=DKIM1; k=rsa; p=...`), or only the key after `p=`."],
    ["text outside the quoted chunks", `"v=DKIM1; k=rsa; " p=${KEY}`,
      'must be a DKIM public key or record value, but it has text outside the quoted chunks: "p=MIGfMA0GCSqGSIb3DQEBAQ". Remove it, or paste the value without any quotes. Paste the value exactly as mail-connect gave it (`v=DKIM1; k=rsa; p=...`), or only the key after `p=`.'],
    ["an unclosed quote", `"${RECORD}`,
      "must be a DKIM public key or record value, but it has a quote that is never closed. Paste every chunk with both of its quotes, or paste the value without any quotes."],
  ])("refuses %s, saying what to remove", (_case, pasted, message) => {
    expect(validationReasonsOf(() => planMailConnectRecords({ domain: "firma.de", dkim: { publicKey: pasted } }))).toEqual([`dkim.publicKey: got ${got(pasted)}; ${message}`]);
  });

  test("k= that does not match the key in p= is refused", () => {
    const [message] = validationReasonsOf(() => planMailConnectRecords({ domain: "firma.de", dkim: { publicKey: `v=DKIM1; k=ed25519; p=${KEY}` } }));
    expect(message).toBe('dkim.publicKey: got "v=DKIM1; k=ed25519; p=MI..."; says k=ed25519, but its p= holds an RSA key. Write k=rsa, or paste the ed25519 key that belongs to the record.');
  });
});
