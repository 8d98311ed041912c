/**
 * fast-check generators for hostile input, one per class the library must withstand: names
 * that IDN conversion would alter, keys that are not usable public keys, sizes at and over
 * the limits, null-prototype and wrongly typed objects, injection strings for every string
 * field, and zone-file options. Each mixes valid values in, so both accepted and refused
 * inputs are exercised.
 */
import { createPublicKey, generateKeyPairSync, randomBytes } from "crypto";
import fc from "fast-check";
import { testRsaKeyPair } from "../support/test-keys";

/** Strings that Terraform, a zone file, a shell or a URL parser would give a meaning of their own. */
export const INJECTIONS = [
  "${path.cwd}",
  "%{ if true }x%{ endif }",
  "${",
  "%{",
  "$${x}",
  "${TfToken[TOKEN.7]}",
  "#{TfToken[TOKEN.8]}",
  "\n$INCLUDE /etc/passwd",
  "\r\nx IN A 1.2.3.4",
  "\t",
  '"',
  ";",
  "(",
  "\\",
  "\\010",
  "/kontakt",
  "?x",
  "#frag",
  "%6D",
  "@evil.example",
  "\u0000",
  "\u200b",
  "\u3002",
  "\uff0f",
] as const;

const injection = fc.constantFrom(...INJECTIONS);

/** A DNS label that is valid, with an occasional upper-case, IDN, numeric or punycode one. */
export const goodLabel = fc.oneof(
  { arbitrary: fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,14}[a-z0-9])?$/), weight: 8 },
  { arbitrary: fc.constantFrom("Firma", "bücher", "xn--bcher-kva", "2024", "20230601", "straße", "x".repeat(63)), weight: 2 },
);

/** A domain that is valid, of two to four labels. */
export const goodDomain = fc
  .tuple(fc.array(goodLabel, { minLength: 1, maxLength: 3 }), fc.constantFrom("de", "com", "example", "eu"))
  .map(([labels, tld]) => `${labels.join(".")}.${tld}`);

/** A long domain near the 253-character limits (the domain alone, or its derived names). */
export const longDomain = fc.integer({ min: 200, max: 256 }).map((length) => {
  const labels: string[] = [];
  let rest = length - 3;
  while (rest > 0) {
    const size = Math.min(rest, 63);
    labels.push("a".repeat(size));
    rest -= size + 1;
  }
  return `${labels.join(".")}.de`.slice(-length).replace(/^\./, "b");
});

/** A name with something inserted that a host name cannot hold, or a URL / mail address form. */
export const hostileName = fc.oneof(
  fc.tuple(goodDomain, injection, fc.nat({ max: 40 })).map(([name, bad, at]) => `${name.slice(0, at % (name.length + 1))}${bad}${name.slice(at % (name.length + 1))}`),
  goodDomain.map((name) => `https://${name}/kontakt`),
  goodDomain.map((name) => `info@${name}`),
  goodDomain.map((name) => `${name}.`),
  goodDomain.map((name) => name.toUpperCase()),
  goodDomain.map((name) => name.replace(/\./g, "。")),
  fc.constantFrom("1.2.3.4", "1.2.3", "0x7f.1", "firma.0x1f", "[::1]", "*.firma.de", "firma..de", "localhost", "-firma.de", "fir_ma.de", "xn--zz.de", "ｆｉｒｍａ.de"),
  longDomain,
);

/** Any name: mostly valid, often hostile. */
export const anyName = fc.oneof({ arbitrary: goodDomain, weight: 3 }, { arbitrary: hostileName, weight: 2 });

/** A DKIM selector: valid labels (date-style ones included) or hostile text. */
export const selector = fc.oneof(
  fc.constantFrom("mail-connect", "20230601", "2024", "s1.2024", "MC2026", "a_b", "x".repeat(63)),
  fc.array(goodLabel, { minLength: 1, maxLength: 2 }).map((labels) => labels.join(".")),
  hostileName,
  fc.tuple(fc.constantFrom("sel", "s1"), injection).map(([s, bad]) => `${s}${bad}2024`),
);

const rsa = testRsaKeyPair(2048);
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
const ed = generateKeyPairSync("ed25519");
const jwk = rsa.publicKey.export({ format: "jwk" });
const rsaFromParts = (n: string, e: string) => createPublicKey({ key: { kty: "RSA", n, e }, format: "jwk" }).export({ format: "der", type: "spki" }).toString("base64");
const evenModulus = Buffer.from(jwk.n!, "base64url");
evenModulus[evenModulus.length - 1] &= 0xfe;
const hugeModulus = Buffer.alloc(2048, 0x5a);
hugeModulus[0] = 0xc1;
hugeModulus[hugeModulus.length - 1] = 0x3b;

/** Public keys receivers can use. */
export const USABLE_KEYS = [
  rsa.publicKey.export({ format: "der", type: "spki" }).toString("base64"),
  rsa.publicKey.export({ format: "pem", type: "spki" }) as string,
  rsa.publicKey.export({ format: "der", type: "pkcs1" }).toString("base64"),
  ed.publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("base64"),
  ed.publicKey.export({ format: "pem", type: "spki" }) as string,
];

/** Private keys in every form a user might paste: each must be refused, never published. */
export const PRIVATE_KEYS = [
  rsa.privateKey.export({ format: "pem", type: "pkcs8" }) as string,
  rsa.privateKey.export({ format: "pem", type: "pkcs1" }) as string,
  rsa.privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
  rsa.privateKey.export({ format: "der", type: "pkcs1" }).toString("base64"),
  ec.privateKey.export({ format: "der", type: "sec1" }).toString("base64"),
  ed.privateKey.export({ format: "pem", type: "pkcs8" }) as string,
  ed.privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
];

/** Keys that decode but must be refused: broken RSA parameters, a huge key, not a curve point, EC. */
export const UNUSABLE_KEYS = [
  rsaFromParts(jwk.n!, "AQ"),
  rsaFromParts(jwk.n!, "Ag"),
  rsaFromParts(evenModulus.toString("base64url"), jwk.e!),
  rsaFromParts(hugeModulus.toString("base64url"), "AQAB"),
  Buffer.concat([Buffer.from([2]), Buffer.alloc(31)]).toString("base64"),
  ec.publicKey.export({ format: "pem", type: "spki" }) as string,
];

/** A DKIM key text: usable, private, unusable, random bytes or garbage. */
export const dkimKey = fc.oneof(
  fc.constantFrom(...USABLE_KEYS),
  fc.constantFrom(...PRIVATE_KEYS),
  fc.constantFrom(...UNUSABLE_KEYS),
  fc.integer({ min: 1, max: 600 }).map((size) => randomBytes(size).toString("base64")),
  fc.tuple(fc.constantFrom(...USABLE_KEYS), injection).map(([key, bad]) => `${key}${bad}`),
);

/** A TXT value: a plausible one, an injection, or one at and over the size limits. */
export const txtValue = fc.oneof(
  fc.stringMatching(/^[a-z-]{1,20}=[A-Za-z0-9_-]{1,40}$/),
  fc.tuple(fc.constantFrom("verify=", "ms=", ""), injection).map(([prefix, bad]) => `${prefix}${bad}x`),
  fc.integer({ min: 2000, max: 2050 }).map((length) => "x".repeat(length)),
  fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 300 }),
);

/** A DMARC report address: plausible, hostile in its domain or local part, or a URI. */
export const reportAddress = fc.oneof(
  fc.tuple(fc.stringMatching(/^[a-z0-9.+-]{1,12}$/), goodDomain).map(([local, domain]) => `${local}@${domain}`),
  anyName.map((name) => `dmarc@${name}`),
  fc.tuple(injection, goodDomain).map(([bad, domain]) => `d${bad}@${domain}`),
  goodDomain.map((domain) => `mailto:dmarc@${domain}`),
);

/** Mostly `value`, sometimes a value of another type (fc.anything) in its place. */
export function orWrongType<T>(value: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: value, weight: 40 }, { arbitrary: fc.anything({ withNullPrototype: true, withBigInt: true, maxDepth: 2 }), weight: 1 });
}

/** Mostly `good`, sometimes `bad`: with a dozen fields, a plan is still accepted often enough to check it. */
function mostly<T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>): fc.Arbitrary<unknown> {
  const either: fc.Arbitrary<unknown> = fc.oneof({ arbitrary: good as fc.Arbitrary<unknown>, weight: 10 }, { arbitrary: bad as fc.Arbitrary<unknown>, weight: 1 });
  return orWrongType(either);
}

const validTxt = fc.oneof(fc.stringMatching(/^[a-z-]{1,20}=[A-Za-z0-9_-]{1,40}$/), fc.constantFrom("verify=${path.cwd}", "x%{ if true }y%{ endif }", "lone ${", "$${kept}", "a%%{b"));
const validAddress = fc.tuple(fc.stringMatching(/^[a-z0-9+-]{1,12}$/), goodDomain).map(([local, domain]) => `${local}@${domain}`);

/** The record options, every field mostly valid and sometimes drawn from the hostile generators above. */
export const hostileOptions: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    domain: mostly(fc.oneof({ arbitrary: goodDomain, weight: 6 }, { arbitrary: longDomain, weight: 1 }), hostileName),
    product: mostly(fc.constantFrom("pro", "team", "secgate", "mailing"), fc.constant("PRO")),
    autoSetup: mostly(fc.constant(undefined), fc.boolean()),
    serverNames: mostly(fc.record({ incoming: mostly(fc.constantFrom("imap", "mail.in"), anyName), outgoing: mostly(fc.constantFrom("smtp", "2024"), hostileName) }, { requiredKeys: [] }), fc.constant({})),
    spf: mostly(
      fc.record(
        {
          include: mostly(fc.array(goodDomain.map((d) => `_spf.${d}`), { maxLength: 3 }), fc.array(anyName, { maxLength: 3 })),
          ip4: mostly(fc.array(fc.ipV4(), { maxLength: 3 }), fc.array(fc.oneof(fc.ipV4(), injection), { maxLength: 3 })),
          a: mostly(fc.boolean(), fc.constant("yes")),
          all: mostly(fc.constantFrom("neutral", "softfail", "fail"), fc.constant("pass")),
        },
        { requiredKeys: [] },
      ),
      fc.constant([]),
    ),
    dkim: mostly(fc.record({ selector: mostly(fc.constantFrom("mail-connect", "20230601", "2024", "s1.2024", "MC2026", "a_b"), selector), publicKey: mostly(fc.constantFrom(...USABLE_KEYS), dkimKey) }, { requiredKeys: [] }), fc.constant(null)),
    dmarc: mostly(
      fc.record(
        {
          policy: mostly(fc.constantFrom("none", "quarantine", "reject"), fc.constant("block")),
          rua: mostly(fc.array(validAddress, { maxLength: 4 }), fc.oneof(fc.array(reportAddress, { maxLength: 4 }), fc.integer({ min: 40, max: 120 }).map((n) => Array.from({ length: n }, (_, i) => `dmarc-${i}@reports.example`)))),
          ruf: mostly(fc.array(validAddress, { maxLength: 3 }), fc.array(reportAddress, { maxLength: 3 })),
        },
        { requiredKeys: [] },
      ),
      fc.constant("p=reject"),
    ),
    extraTxt: mostly(fc.uniqueArray(validTxt, { maxLength: 5 }), fc.array(txtValue, { maxLength: 6 })),
    ttl: mostly(fc.integer({ min: 60, max: 86400 }), fc.oneof(fc.double(), fc.integer())),
  },
  { requiredKeys: ["domain"] },
);

/** `options` deeply rebuilt as null-prototype objects (what some parsers and `Object.create(null)` users hand over). */
export function withNullPrototypes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withNullPrototypes);
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, entry] of Object.entries(value)) out[key] = withNullPrototypes(entry);
  return out;
}

/** Hostile zone-file options (for a plan of firma.de): origins, TTLs, SOA names, serials and shapes. */
export const zoneFileOptions: fc.Arbitrary<unknown> = orWrongType(
  fc.record(
    {
      origin: mostly(fc.constantFrom("firma.de", "FIRMA.DE.", "de"), anyName),
      ttl: mostly(fc.integer({ min: 0, max: 86400 }), fc.constantFrom(-1, Number.NaN, 2 ** 40, 1.5)),
      absoluteNames: mostly(fc.boolean(), fc.constant("yes")),
      soa: mostly(
        fc.record(
          {
            nameServers: mostly(fc.array(fc.oneof(goodDomain, fc.constant("localhost"), fc.constant("NS1.Example.NET.")), { minLength: 1, maxLength: 3 }), fc.oneof(fc.array(hostileName, { maxLength: 2 }), goodDomain, fc.constant([]))),
            hostmaster: mostly(fc.tuple(fc.stringMatching(/^[a-z0-9]([a-z0-9._+-]{0,10}[a-z0-9])?$/).filter((l) => !l.includes("..")), goodDomain).map(([l, d]) => `${l}@${d}`), fc.oneof(reportAddress, hostileName)),
            serial: mostly(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.constantFrom(-1, Number.NaN, 2 ** 32, 2 ** 40, 1.5)),
          },
          { requiredKeys: ["nameServers"] },
        ),
        fc.constant(null),
      ),
    },
    { requiredKeys: [] },
  ),
);
