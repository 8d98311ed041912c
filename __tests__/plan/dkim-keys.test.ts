import { createPublicKey, generateKeyPairSync, verify, sign } from "crypto";
import { MailConnectValidationError, TxtValue, planMailConnectRecords } from "../../lib";

function dkimValue(publicKey: string, extra: Record<string, unknown> = {}): TxtValue {
  const plan = planMailConnectRecords({ domain: "firma.de", dkim: { publicKey, ...extra } });
  return plan.records.find((r) => r.purpose === "dkim")!.values[0] as TxtValue;
}

function tag(text: string, name: string): string | undefined {
  return text.split(";").map((t) => t.trim().split("=")).find(([k]) => k === name)?.slice(1).join("=");
}

describe("DKIM keys", () => {
  const rsa2048 = generateKeyPairSync("rsa", { modulusLength: 2048 });
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
