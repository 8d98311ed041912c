import { createPublicKey, generateKeyPairSync, verify, sign } from "crypto";
import { MailConnectValidationError, TxtValue, planMailConnectRecords } from "../../lib";
import { testRsaKeyPair } from "../support/test-keys";
import { validationReasonsOf } from "../support/validation-error";

function dkimValue(publicKey: string, extra: Record<string, unknown> = {}): TxtValue {
  const plan = planMailConnectRecords({ domain: "firma.de", dkim: { publicKey, ...extra } });
  return plan.records.find((r) => r.purpose === "dkim")!.values[0] as TxtValue;
}

function tag(text: string, name: string): string | undefined {
  return text.split(";").map((t) => t.trim().split("=")).find(([k]) => k === name)?.slice(1).join("=");
}

describe("DKIM keys", () => {
  const rsa2048 = testRsaKeyPair(2048);
  const spkiBase64 = rsa2048.publicKey.export({ format: "der", type: "spki" }).toString("base64");

  test.each([
    ["SPKI PEM", rsa2048.publicKey.export({ format: "pem", type: "spki" }) as string],
    ["PKCS#1 PEM", rsa2048.publicKey.export({ format: "pem", type: "pkcs1" }) as string],
    ["bare PKCS#1 base64", rsa2048.publicKey.export({ format: "der", type: "pkcs1" }).toString("base64")],
    ["SPKI base64 with line breaks", spkiBase64.replace(/(.{64})/g, "$1\n")],
  ])("publishes an RSA key given as %s as base64 SubjectPublicKeyInfo", (_form, given) => {
    const value = dkimValue(given);
    expect(tag(value.text, "k")).toBe("rsa");
    expect(tag(value.text, "p")).toBe(spkiBase64);
  });

  test("a 2048-bit key makes a record over 255 bytes, split into 255-byte strings that join to the text", () => {
    const value = dkimValue(spkiBase64);
    expect(Buffer.byteLength(value.text)).toBeGreaterThan(255);
    expect(value.strings.length).toBe(2);
    expect(Buffer.byteLength(value.strings[0])).toBe(255);
    expect(value.strings.join("")).toBe(value.text);
  });

  test("the published RSA key verifies a signature made with its private key", () => {
    const published = tag(dkimValue(spkiBase64).text, "p")!;
    const key = createPublicKey({ key: Buffer.from(published, "base64"), format: "der", type: "spki" });
    const signature = sign("sha256", Buffer.from("hello"), rsa2048.privateKey);
    expect(verify("sha256", Buffer.from("hello"), key, signature)).toBe(true);
  });

  test("publishes an Ed25519 key as the raw 32-byte key with k=ed25519 (RFC 8463)", () => {
    const ed = generateKeyPairSync("ed25519");
    const raw = ed.publicKey.export({ format: "der", type: "spki" }).subarray(12);
    for (const given of [ed.publicKey.export({ format: "pem", type: "spki" }) as string, raw.toString("base64")]) {
      const value = dkimValue(given, { keyType: "ed25519" });
      expect(tag(value.text, "k")).toBe("ed25519");
      expect(Buffer.from(tag(value.text, "p")!, "base64")).toEqual(raw);
    }
  });

  test("refuses an RSA key under 1024 bits", () => {
    const small = generateKeyPairSync("rsa", { modulusLength: 768 }).publicKey.export({ format: "der", type: "spki" }).toString("base64");
    expect(() => dkimValue(small)).toThrow(MailConnectValidationError);
    try {
      dkimValue(small);
    } catch (error) {
      expect((error as MailConnectValidationError).messages).toEqual([
        `dkim.publicKey: got "${small.slice(0, 24)}..."; is a 768-bit RSA key; DKIM needs at least 1024 bits (RFC 8301). Use a key of 2048 bits or more.`,
      ]);
    }
  });

  test("refuses an EC key", () => {
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ format: "pem", type: "spki" }) as string;
    try {
      dkimValue(ec);
      throw new Error("expected a MailConnectValidationError");
    } catch (error) {
      expect((error as MailConnectValidationError).messages).toEqual([
        `dkim.publicKey: got "${ec.slice(0, 24)}..."; is a key of type \"ec\"; DKIM keys are RSA or Ed25519 (RFC 6376, RFC 8463). Use the RSA or Ed25519 key mail-connect gave you.`,
      ]);
    }
  });

  test("a custom selector moves the record and warns that mail-connect signs with its own selector", () => {
    const plan = planMailConnectRecords({ domain: "firma.de", dkim: { selector: "MC2026" } });
    expect(plan.records.find((r) => r.purpose === "dkim")!.name).toBe("mc2026._domainkey.firma.de");
    expect(plan.warnings.map((w) => w.code)).toContain("dkim-selector");
  });
});

describe("character-strings", () => {
  test.each([
    [255, [255]],
    [256, [255, 1]],
    [510, [255, 255]],
    [511, [255, 255, 1]],
  ])("a %i-byte TXT value is split into strings of %j bytes", (length, sizes) => {
    const text = "abcdefghij".repeat(52).slice(0, length);
    const plan = planMailConnectRecords({ domain: "firma.de", extraTxt: [text] });
    const value = plan.records.find((r) => r.purpose === "text")!.values[0] as TxtValue;
    expect(value.strings.map((s) => Buffer.byteLength(s))).toEqual(sizes);
    expect(value.strings.join("")).toBe(text);
  });
});

describe("keys that are not usable public keys", () => {
  const rsa = testRsaKeyPair(2048);
  const ed = generateKeyPairSync("ed25519");
  const jwk = rsa.publicKey.export({ format: "jwk" });
  /** An RSA public key with the given modulus and exponent (base64url), as base64 SubjectPublicKeyInfo. */
  const rsaKey = (n: string, e: string) => createPublicKey({ key: { kty: "RSA", n, e }, format: "jwk" }).export({ format: "der", type: "spki" }).toString("base64");
  const reasonsOf = (publicKey: string) => validationReasonsOf(() => planMailConnectRecords({ domain: "firma.de", dkim: { publicKey } }));
  const rotate = "Treat that key as leaked: have it rotated (a new key pair, the old one revoked), remove it from this configuration and its history, and paste only the new public key.";

  test.each([
    ["RSA PKCS#8 PEM", rsa.privateKey.export({ format: "pem", type: "pkcs8" }) as string],
    ["RSA PKCS#1 PEM", rsa.privateKey.export({ format: "pem", type: "pkcs1" }) as string],
    ["RSA PKCS#8 DER in base64", rsa.privateKey.export({ format: "der", type: "pkcs8" }).toString("base64")],
    ["RSA PKCS#1 DER in base64", rsa.privateKey.export({ format: "der", type: "pkcs1" }).toString("base64")],
    ["encrypted PKCS#8 DER in base64", rsa.privateKey.export({ format: "der", type: "pkcs8", cipher: "aes-256-cbc", passphrase: "x" }).toString("base64")],
    ["Ed25519 PKCS#8 PEM", ed.privateKey.export({ format: "pem", type: "pkcs8" }) as string],
  ])("refuses a private key (%s) as a leaked secret, without showing it", (_form, secret) => {
    const reasons = reasonsOf(secret);
    expect(reasons).toEqual([`dkim.publicKey: got "(private key, not shown)"; is a PRIVATE key, not the public key: a secret was pasted, and it is not shown here. ${rotate}`]);
    const body = secret.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");
    expect(reasons.join("\n")).not.toContain(body.slice(30, 50));
  });

  test.each([
    ["exponent 1", rsaKey(jwk.n!, "AQ"), "has the public exponent 1; an RSA exponent must be odd and at least 3 (with 1 anyone can forge signatures; an even one has no private key). The key is broken: get the key pair generated again (exponent 65537)."],
    ["exponent 2", rsaKey(jwk.n!, "Ag"), "has the public exponent 2; an RSA exponent must be odd and at least 3 (with 1 anyone can forge signatures; an even one has no private key). The key is broken: get the key pair generated again (exponent 65537)."],
    ["exponent 65536", rsaKey(jwk.n!, "AQAA"), "has the public exponent 65536; an RSA exponent must be odd and at least 3 (with 1 anyone can forge signatures; an even one has no private key). The key is broken: get the key pair generated again (exponent 65537)."],
  ])("refuses an RSA key with %s", (_what, key, reason) => {
    expect(reasonsOf(key)).toEqual([`dkim.publicKey: got "${key.slice(0, 24)}..."; ${reason}`]);
  });

  test("refuses an RSA key with an even modulus", () => {
    const n = Buffer.from(jwk.n!, "base64url");
    n[n.length - 1] &= 0xfe;
    const key = rsaKey(n.toString("base64url"), jwk.e!);
    expect(reasonsOf(key)).toEqual([`dkim.publicKey: got "${key.slice(0, 24)}..."; has an even RSA modulus, which no RSA key pair has. The key is broken or mistyped: paste it again from the source, or get a new key pair.`]);
  });

  test.each([8192, 16384])("refuses a %d-bit RSA key, which receivers need not verify (RFC 8301)", (bits) => {
    const n = Buffer.alloc(bits / 8, 0x5a);
    n[0] = 0xc1;
    n[n.length - 1] = 0x3b;
    const key = rsaKey(n.toString("base64url"), "AQAB");
    expect(reasonsOf(key)).toEqual([
      `dkim.publicKey: got "${key.slice(0, 24)}..."; is a ${bits}-bit RSA key; receivers need only verify keys of up to 4096 bits (RFC 8301 §3.2), so its signatures may not verify. Use a key of 2048 (at most 4096) bits, or an Ed25519 key.`,
    ]);
  });

  test("refuses 32 bytes that are not an Ed25519 curve point, and accepts real Ed25519 keys", () => {
    // y = 2 has no x on the curve: (y² − 1) / (d·y² + 1) is not a square mod 2^255 − 19.
    const notAPoint = Buffer.alloc(32);
    notAPoint[0] = 2;
    expect(reasonsOf(notAPoint.toString("base64"))).toEqual([
      `dkim.publicKey: got "${notAPoint.toString("base64").slice(0, 24)}..."; is not an Ed25519 public key: its 32 bytes are not a point on the curve (RFC 8032 §5.1.3). Paste the key exactly as mail-connect gave it.`,
    ]);
    for (let i = 0; i < 20; i++) {
      const raw = generateKeyPairSync("ed25519").publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("base64");
      expect(planMailConnectRecords({ domain: "firma.de", dkim: { publicKey: raw } }).domain).toBe("firma.de");
    }
  });

  test.each(["20230601", "2024", "s1.2024"])("accepts the date-style selector %s", (selector) => {
    const plan = planMailConnectRecords({ domain: "firma.de", dkim: { selector } });
    expect(plan.records.find((r) => r.purpose === "dkim")!.name).toBe(`${selector}._domainkey.firma.de`);
  });
});
