import fc from "fast-check";
import { MailConnectRecordOptions, MailConnectValidationError, TxtValue, planMailConnectRecords } from "../../lib";

/** Mostly valid pieces with a few broken ones mixed in, so both outcomes are exercised. */
function mostly<T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: good, weight: 30 }, { arbitrary: bad, weight: 1 });
}
const goodLabel = fc.oneof(fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/), fc.constantFrom("bücher", "Firma", "x".repeat(63), "xn--bcher-kva"));
const badLabel = fc.oneof(fc.constantFrom("-bad", "bad-", "under_score", "x".repeat(64), "", "*"), fc.string({ maxLength: 8 }));
const label = mostly(goodLabel, badLabel);
const domain = mostly(
  fc.tuple(fc.array(goodLabel, { minLength: 1, maxLength: 3 }), fc.constantFrom("de", "eu", "com", "example")).map(([labels, tld]) => `${labels.join(".")}.${tld}`),
  fc.oneof(fc.array(label, { minLength: 1, maxLength: 4 }).map((l) => l.join(".")), fc.constantFrom("1.2.3.4", "*.firma.de", "[::1]", "firma..de", "localhost")),
);
const ip4 = mostly(fc.oneof(fc.ipV4(), fc.tuple(fc.ipV4(), fc.integer({ min: 1, max: 32 })).map(([ip, p]) => `${ip.split(".").map((o, i) => (i * 8 >= p ? "0" : o)).join(".")}/${p}`)),
  fc.oneof(fc.tuple(fc.ipV4(), fc.integer({ min: -1, max: 33 })).map(([ip, p]) => `${ip}/${p}`), fc.constantFrom("0.0.0.0/0", "::1", "300.1.1.1")));
const ip6 = mostly(fc.ipV6(), fc.oneof(fc.tuple(fc.ipV6(), fc.integer({ min: 0, max: 129 })).map(([ip, p]) => `${ip}/${p}`), fc.constantFrom("::/0", "1.2.3.4")));
const txt = mostly(fc.string({ unit: "grapheme-ascii", maxLength: 700 }).filter((t) => t.length > 0 && !t.includes('"') && !t.includes("\\") && !/^v=spf1/i.test(t.trim())),
  fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom("v=spf1 -all", 'a"b', "x".repeat(2049))));
const address = mostly(fc.tuple(fc.stringMatching(/^[a-z0-9._%+!,-]{1,12}$/).filter((l) => !l.startsWith(".") && !l.endsWith(".") && !l.includes("..")), fc.constantFrom("firma.de", "reports.example", "bücher.de")).map(([l, d]) => `${l}@${d}`),
  fc.constantFrom("https://x.example", "nope", "a@b", "mailto:%zz@firma.de"));

const options: fc.Arbitrary<MailConnectRecordOptions> = fc.record(
  {
    domain,
    product: mostly(fc.constantFrom("pro", "team", "secgate", "mailing"), fc.constant("PRO")),
    autoSetup: fc.boolean(),
    serverNames: fc.record({ incoming: mostly(goodLabel, fc.constantFrom("80.254.138.130", "autoconfig", "imap.other.de")), outgoing: mostly(goodLabel, fc.constantFrom("_dmarc", "")) }, { requiredKeys: [] }),
    spf: fc.record(
      {
        include: fc.array(mostly(fc.array(goodLabel, { minLength: 2, maxLength: 3 }).map((l) => `_spf.${l.join(".")}`), fc.constantFrom("include:x.example", "_spf.mail-connect.net", "shop")), { maxLength: 10 }),
        ip4: fc.array(ip4, { maxLength: 25 }),
        ip6: fc.array(ip6, { maxLength: 6 }),
        a: fc.boolean(),
        mx: fc.boolean(),
        all: mostly(fc.constantFrom("neutral", "softfail", "fail"), fc.constant("pass")),
      },
      { requiredKeys: [] },
    ),
    dkim: fc.record({ selector: mostly(fc.oneof(goodLabel, fc.constantFrom("mail-connect", "s1.s2")), fc.constantFrom("a b", "x.")) }, { requiredKeys: [] }),
    dmarc: fc.record(
      {
        policy: mostly(fc.constantFrom("none", "quarantine", "reject"), fc.constant("block")),
        subdomainPolicy: fc.constantFrom("none", "quarantine", "reject"),
        nonExistentSubdomainPolicy: fc.constantFrom("none", "quarantine", "reject"),
        rua: fc.array(address, { maxLength: 3 }),
        ruf: fc.array(address, { maxLength: 3 }),
        testing: fc.boolean(),
        failureOptions: fc.uniqueArray(mostly(fc.constantFrom("0", "1", "d", "s"), fc.constant("x")), { maxLength: 3 }),
      },
      { requiredKeys: [] },
    ),
    extraTxt: fc.uniqueArray(txt, { maxLength: 4 }),
    ttl: mostly(fc.integer({ min: 60, max: 86400 }), fc.integer({ min: -5, max: 100000 })),
  },
  { requiredKeys: ["domain"] },
) as fc.Arbitrary<MailConnectRecordOptions>;

test("every generated option set yields a sound plan or a MailConnectValidationError, nothing else", () => {
  let plans = 0;
  let refusals = 0;
  fc.assert(
    fc.property(options, (input) => {
      let plan;
      try {
        plan = planMailConnectRecords(input);
      } catch (error) {
        if (!(error instanceof MailConnectValidationError)) throw error;
        expect(error.reasons.length).toBeGreaterThan(0);
        refusals++;
        return;
      }
      plans++;
      const within = (name: string) => name === plan.domain || name.endsWith(`.${plan.domain}`);
      for (const record of plan.records) {
        expect(within(record.name)).toBe(true);
        expect(record.name).toBe(record.name.toLowerCase());
        expect(record.name.endsWith(".")).toBe(false);
        if (record.type === "TXT") {
          for (const value of record.values as readonly TxtValue[]) {
            expect(value.strings.join("")).toBe(value.text);
            for (const s of value.strings) {
              expect(Buffer.byteLength(s)).toBeLessThanOrEqual(255);
              expect(s).toMatch(/^[\x20-\x7e]*$/);
            }
          }
        }
      }
      const txtValues = plan.records.filter((r) => r.type === "TXT").flatMap((r) => (r.values as readonly TxtValue[]).map((v) => ({ name: r.name, text: v.text })));
      expect(txtValues.filter((v) => v.name === plan.domain && /^v=spf1(\s|$)/i.test(v.text))).toHaveLength(1);
      expect(txtValues.filter((v) => v.name === `_dmarc.${plan.domain}`)).toHaveLength(1);
      expect(txtValues.filter((v) => /^v=DMARC1/.test(v.text))).toHaveLength(1);
    }),
    { numRuns: 1500 },
  );
  // Both outcomes must actually occur, or the generators test nothing.
  expect(plans).toBeGreaterThan(75); // about 150–220 of 1,500 are accepted, depending on the seed
  expect(refusals).toBeGreaterThan(150);
});
