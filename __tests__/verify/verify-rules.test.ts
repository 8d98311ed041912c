/**
 * The pure parts of verify, without DNS: the DKIM key and DMARC record rules, the command
 * line, the resolver address, grouping synthesized RRsets into domains, and the output.
 */
import { createPublicKey, generateKeyPairSync } from "crypto";
import { MAIL_CONNECT } from "../../lib/mail-connect/mail-connect";
import { VERIFY_JSON_SCHEMA, VerifyReport, checkDkimKey, checkDmarcRecords, formatReportTable, groupRrsetsByDomain, reportToJson } from "../../lib/verify";
import { parseCliArgs } from "../../lib/verify/cli-args";
import { parseResolverSpec } from "../../lib/verify/resolver-address";
import { elide, firstDifference, printable } from "../../lib/verify/terminal-text";
import { VerifyInputError } from "../../lib/verify/verify-input-error";
import { testRsaKeyPair } from "../support/test-keys";

/** An RSA public key as base64 SPKI: the run's key (test-keys.ts) for 1024 and 2048 bits, a fresh one otherwise. */
function spki(bits: number): string {
  const pair = bits === 1024 || bits === 2048 ? testRsaKeyPair(bits) : generateKeyPairSync("rsa", { modulusLength: bits });
  return pair.publicKey.export({ type: "spki", format: "der" }).toString("base64");
}

describe("DKIM key records", () => {
  const ed25519 = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "der" }).subarray(12).toString("base64");
  const pkcs1 = testRsaKeyPair(2048).publicKey.export({ type: "pkcs1", format: "der" }).toString("base64");
  const key = MAIL_CONNECT.dkimPublicKey;
  const pair = testRsaKeyPair(1024);
  const privateDer = pair.privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
  const jwk = pair.publicKey.export({ format: "jwk" });
  const exponentOne = createPublicKey({ key: { kty: "RSA", n: jwk.n!, e: "AQ" }, format: "jwk" }).export({ format: "der", type: "spki" }).toString("base64");
  // y = 2 has no x on the curve (the planner's dkim-keys test explains it); little-endian, 32 bytes.
  const offCurve = Buffer.concat([Buffer.from([2]), Buffer.alloc(31)]).toString("base64");

  test.each([
    ["mail-connect's published key", `v=DKIM1; k=rsa; p=${key}`, "RSA 1024-bit"],
    ["a 2048-bit key without v= and k=", `p=${spki(2048)}`, "RSA 2048-bit"],
    ["an RSA key in PKCS#1 form", `v=DKIM1; p=${pkcs1}`, "RSA 2048-bit"],
    ["a key with white space inside p=", `v=DKIM1; k=rsa; p=${key.slice(0, 100)} ${key.slice(100)}`, "RSA 1024-bit"],
    ["an Ed25519 key as its raw 32 bytes", `v=DKIM1; k=ed25519; p=${ed25519}`, "Ed25519"],
  ])("accepts %s", (_what, text, described) => {
    expect(checkDkimKey(text)).toEqual({ ok: true, key: described });
  });

  test.each([
    ["a key cut to a multiple of 4", `v=DKIM1; k=rsa; p=${key.slice(0, 204)}`, "p= does not decode to a public key (153 bytes of DER: truncated or damaged?)"],
    ["a key cut anywhere", `v=DKIM1; k=rsa; p=${key.slice(0, 206)}`, "p= is not valid base64 (206 characters, not a multiple of 4: truncated?)"],
    ["a 512-bit RSA key", `v=DKIM1; k=rsa; p=${spki(512)}`, "p= is a 512-bit RSA key; DKIM needs at least 1024 bits (RFC 8301)"],
    ["an empty p= (revoked)", "v=DKIM1; k=rsa; p=", "p= is empty: the key is revoked (RFC 6376 §3.6.1)"],
    ["no p= at all", "v=DKIM1; k=rsa", "no p= tag: the record holds no key"],
    ["v= after another tag", `k=rsa; v=DKIM1; p=${key}`, 'v= must be the first tag and be DKIM1 (RFC 6376 §3.6.1), got "v=DKIM1" later in the record'],
    ["a repeated tag", `v=DKIM1; p=${key}; p=${key}`, 'the record is not a valid tag list: the tag "p" appears twice'],
    ["an Ed25519 key in SPKI form", `v=DKIM1; k=ed25519; p=${generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "der" }).toString("base64")}`, "k=ed25519 needs the raw 32-byte key in p= (RFC 8463 §4.2), got 44 bytes"],
    ["an unknown key type", `v=DKIM1; k=dsa; p=${key}`, "k=dsa is not a DKIM key type (rsa, ed25519)"],
    // The construct's own key checks (lib/plan/dkim-key.ts), shared with verify:
    ["a private key published in p=", `v=DKIM1; k=rsa; p=${privateDer}`, "p= holds a PRIVATE key: the secret is published in DNS for anyone to read; have the key pair rotated now"],
    ["RSA with exponent 1", `v=DKIM1; k=rsa; p=${exponentOne}`, expect.stringContaining("p= has the public exponent 1; an RSA exponent must be odd and at least 3")],
    ["an Ed25519 value that is not a curve point", `v=DKIM1; k=ed25519; p=${offCurve}`, expect.stringMatching(/^p= .*curve/)],
  ])("rejects %s", (_what, text, problem) => {
    expect(checkDkimKey(text)).toEqual({ ok: false, problem });
  });
});

describe("DMARC records", () => {
  test.each([
    [["v=DMARC1; p=quarantine; ruf=mailto:postmaster@firma.de;"], "p=quarantine"],
    [["v=DMARC1; p=reject; sp=none; rua=mailto:a@firma.de,mailto:b@reports.example!10m"], "p=reject sp=none"],
    [["v=DMARC1;p=none", "google-site-verification=x"], "p=none"],
    [["v = DMARC1 ; p = Reject ; rua = mailto:a@firma.de!10m"], "p=reject"],
    [["v=DMARC1; rua=mailto:a@firma.de"], "p=none (no p=, rua given: RFC 9989 §4.7)"],
    [["v=DMARC1; p=quarantine; pct=50; future=yes"], "p=quarantine"],
  ])("accepts %j (RFC 9989 grammar)", (texts, policy) => {
    expect(checkDmarcRecords(texts)).toEqual({ ok: true, policy });
  });

  test.each([
    [["p=quarantine; v=DMARC1"], '"p=quarantine; v=DMARC1" does not start with v=DMARC1; receivers ignore a record whose first tag is not exactly v=DMARC1 (RFC 9989 §4.7)'],
    [["v=dmarc1; p=none"], '"v=dmarc1; p=none" does not start with v=DMARC1; receivers ignore a record whose first tag is not exactly v=DMARC1 (RFC 9989 §4.7)'],
    [["v=DMARC1; p=none", "v=DMARC1; p=reject"], "2 DMARC records: receivers apply none of them (RFC 9989 §4.10.1); keep one"],
    [["v=DMARC1; sp=reject"], "no p= tag and no valid rua=: the record is unusable (RFC 9989 §4.7); add p="],
    [["v=DMARC1; p=block; adkim=x"], "p=block is not none, quarantine or reject; adkim=x is not r or s"],
    [["v=DMARC1; p=none; rua=dmarc@firma.de"], 'rua entry "dmarc@firma.de" is not a mailto: address'],
    [["hello"], "no TXT record starting with v=DMARC1"],
  ])("rejects %j", (texts, problem) => {
    expect(checkDmarcRecords(texts)).toEqual({ ok: false, problem });
  });
});

describe("the command line", () => {
  function problems(argv: string[]): readonly string[] {
    try {
      parseCliArgs(argv);
    } catch (error) {
      expect(error).toBeInstanceOf(VerifyInputError);
      return (error as VerifyInputError).problems;
    }
    throw new Error("expected VerifyInputError");
  }

  test("record flags become the planner's options; repeatable flags become lists; only given ones are set", () => {
    const command = parseCliArgs([
      "verify", "--domain", "firma.de", "--product", "team", "--spf-include", "spf.shop.example", "--spf-include", "mail.crm.example",
      "--spf-ip4", "203.0.113.5", "--spf-all", "fail", "--dmarc-policy", "reject", "--dmarc-rua", "dmarc@firma.de", "--server-incoming", "imap", "--resolver", "127.0.0.1:5353",
    ]);
    expect(command).toEqual({
      kind: "verify",
      source: {
        mode: "options",
        list: [
          {
            source: "--domain",
            options: {
              domain: "firma.de",
              product: "team",
              serverNames: { incoming: "imap" },
              spf: { include: ["spf.shop.example", "mail.crm.example"], ip4: ["203.0.113.5"], all: "fail" },
              dmarc: { policy: "reject", rua: ["dmarc@firma.de"] },
            },
          },
        ],
      },
      resolver: "127.0.0.1:5353",
      timeoutMs: 5000,
      retries: 2,
      json: false,
    });
  });

  test("--spf-all takes the qualifier itself too; --synth takes repeated --stack", () => {
    const spf = parseCliArgs(["verify", "--domain", "firma.de", "--spf-all=~all"]);
    expect(spf.kind === "verify" && spf.source.mode === "options" && spf.source.list[0].options.spf).toEqual({ all: "softfail" });
    expect(parseCliArgs(["verify", "--synth", "cdktf.out", "--stack", "a", "--stack", "b", "--json", "--timeout", "800", "--retries", "0"])).toEqual({
      kind: "verify",
      source: { mode: "synth", dir: "cdktf.out", stacks: ["a", "b"] },
      timeoutMs: 800,
      retries: 0,
      json: true,
    });
  });

  test("the server flags, --junit, --wide and --all-checks are read; --version is a command of its own", () => {
    const command = parseCliArgs(["verify", "--domain", "a.de", "--authoritative", "--recursive-resolver", "127.0.0.1:5353", "--nameserver", "NS1.a.de.=127.0.0.1:5300", "--junit", "r.xml", "--wide", "--all-checks"]);
    expect(command).toMatchObject({ authoritative: true, recursiveResolver: "127.0.0.1:5353", nameServers: { "ns1.a.de": "127.0.0.1:5300" }, junit: "r.xml", wide: true, allChecks: true });
    expect(parseCliArgs(["verify", "--version"])).toEqual({ kind: "version" });
  });

  test("--help and help print the usage", () => {
    expect(parseCliArgs(["verify", "--help"])).toEqual({ kind: "help" });
    expect(parseCliArgs(["help"])).toEqual({ kind: "help" });
  });

  test.each([
    [[], ["no command given; the command is verify."]],
    [["check", "--domain", "firma.de"], ['unknown command "check"; the command is verify.']],
    [["verify"], ["say what to expect: --domain NAME (with record flags), --config FILE or --synth DIR."]],
    [["verify", "--domain", "a.de", "--synth", "out"], ["--domain and --synth cannot be combined; give one of them."]],
    [["verify", "--config", "c.json", "--spf-all", "fail"], ["--spf-all belongs to --domain; with --config put the options in the file, with --synth they come from the stacks."]],
    [["verify", "--domain", "a.de", "--stack", "x"], ["--stack needs --synth DIR."]],
    [["verify", "--domain", "a.de", "--timeout", "5s", "--retries=-1"], ['--timeout: got "5s"; it must be a whole number from 1 to 600000.', '--retries: got "-1"; it must be a whole number from 0 to 10.']],
    [["verify", "--domain", "a.de", "--spf-all", "strict"], ['--spf-all: got "strict"; it must be neutral (?all), softfail (~all) or fail (-all).']],
    [["verify", "--domain", "a.de", "--colour"], ["Unknown option '--colour'."]],
    [["verify", "--domain"], ["Option '--domain <value>' argument missing"]],
    [["verify", "firma.de"], ['unexpected argument "firma.de"; flags start with --.', "say what to expect: --domain NAME (with record flags), --config FILE or --synth DIR."]],
    [["verify", "--domain", "a.de", "--authoritative", "--resolver", "192.0.2.53"], ["--authoritative and --resolver cannot be combined: --authoritative asks the zone's own name servers; give one of them."]],
    [["verify", "--domain", "a.de", "--nameserver", "ns1.a.de=192.0.2.1"], ["--nameserver needs --authoritative (it gives a name server's address)."]],
    [["verify", "--domain", "a.de", "--authoritative", "--nameserver", "192.0.2.1"], ['--nameserver: got "192.0.2.1"; write it as NAME=IP[:PORT], e.g. ns1.firma.de=192.0.2.1 or ns1.firma.de=127.0.0.1:5353.']],
  ])("refuses %j", (argv, expected) => {
    expect(problems(argv as string[])).toEqual(expected);
  });
});

describe("--resolver addresses", () => {
  test.each([
    ["192.0.2.53", { host: "192.0.2.53", port: 53 }],
    ["127.0.0.1:5353", { host: "127.0.0.1", port: 5353 }],
    ["[::1]:53", { host: "::1", port: 53 }],
    ["2001:db8::53", { host: "2001:db8::53", port: 53 }],
    ["ns1.example.net:5300", { host: "ns1.example.net", port: 5300 }],
  ])("reads %s", (spec, expected) => {
    expect(parseResolverSpec(spec)).toEqual(expected);
  });

  test.each([
    ["127.0.0.1:99999", "the port must be 1-65535"],
    ["[ns1.example.net]:53", "only an IPv6 address goes in brackets"],
    ["2001:db8::53:x", "an IPv6 address with a port needs brackets"],
    ["dns_server!", "the host is neither an IP address nor a host name"],
    [":53", "the host is empty"],
  ])("refuses %s", (spec, rule) => {
    expect(() => parseResolverSpec(spec)).toThrow(`--resolver: got "${spec}"; ${rule}. Write it as 192.0.2.53, 192.0.2.53:5353, [2001:db8::53]:5353 or a host name.`);
  });
});

test("synthesized RRsets group into domains: each MX owner, others to the longest domain they lie in", () => {
  const set = (name: string, type: string) => ({ name, type, ttl: 300, rdata: ["x"] });
  const groups = groupRrsetsByDomain([
    set("my-company.com", "MX"),
    set("_dmarc.news.my-company.com", "TXT"),
    set("news.my-company.com", "MX"),
    set("_dmarc.my-company.com", "TXT"),
    set("www.elsewhere.example", "CNAME"),
  ]);
  expect(groups.map((g) => [g.domain, g.rrsets.map((s) => s.name)])).toEqual([
    ["my-company.com", ["my-company.com", "_dmarc.my-company.com"]],
    ["news.my-company.com", ["_dmarc.news.my-company.com", "news.my-company.com"]],
  ]);
});

describe("output", () => {
  const report: VerifyReport = {
    resolver: "127.0.0.1:5353",
    recursiveResolver: "127.0.0.1:5353",
    exitCode: 1,
    summary: { domains: 1, ok: 0, mismatch: 1, error: 0, failedChecks: 1, errorChecks: 0 },
    domains: [
      {
        domain: "firma.de",
        source: "--domain",
        status: "mismatch",
        checks: [
          { check: "mx", label: "MX firma.de", name: "firma.de", type: "MX", status: "mismatch", expected: ["10 mx.mail-connect.net."], found: ["10 mx.mail-connect.net.", "20 backup.firma.de."], hint: "Remove 20 backup.firma.de." },
          { check: "spf-lookups", label: "SPF lookups firma.de", name: "firma.de", type: "TXT", status: "ok", expected: ["at most 10"], found: ["1"] },
        ],
      },
    ],
  };

  test("a failing domain: heading, its failing checks expanded (expected, found, hint), passing ones left out, the summary last", () => {
    expect(formatReportTable(report)).toBe(
      [
        "✘ firma.de (--domain): 1 of 2 checks failed",
        "  ✘ MX firma.de",
        "      expected  10 mx.mail-connect.net.",
        "      found     10 mx.mail-connect.net.",
        "                20 backup.firma.de.",
        "      Remove 20 backup.firma.de.",
        "",
        "✘ 1 domain checked against 127.0.0.1:5353: 0 ok, 1 with mismatches (1 failed check).",
        "",
      ].join("\n"),
    );
  });

  test("--all-checks shows passing rows too, one line each", () => {
    expect(formatReportTable(report, { allChecks: true }).split("\n")).toContain("  ✔ SPF lookups firma.de  1");
  });

  test("long values are shortened keeping both ends, and around the first difference when it lies in the middle", () => {
    expect(elide("v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQ", 20)).toBe("v=DKIM1; k…DCBiQKBgQ");
    expect(elide("short", 20)).toBe("short");
    const expected = '"v=spf1 include:_spf.mail-connect.net include:spf.protection.outlook.com ?all"';
    const found = '"v=spf1 include:_spf.mail-connect.org include:spf.protection.outlook.com ?all"';
    const focus = firstDifference(expected, found);
    const shown = elide(found, 40, focus);
    expect(shown).toBe('"v=spf1 i…nnect.org include:sp…com ?all"');
    expect([...shown].length).toBe(40);
    expect(elide(found, 40)).not.toContain("connect.org");
  });

  test("DNS data cannot reach the terminal raw: controls, C1 and bidi characters are escaped", () => {
    expect(printable("\u001b[2J\u001b[1;31mALL CHECKS PASSED\u009b\u202e")).toBe("\\x1b[2J\\x1b[1;31mALL CHECKS PASSED\\x9b\\u{202e}");
    expect(printable("müller.de ✔")).toBe("müller.de ✔");
  });

  test("JSON: schema id, every key present, null for no hint or source", () => {
    const json = reportToJson(report);
    expect(json.schema).toBe(VERIFY_JSON_SCHEMA);
    expect(VERIFY_JSON_SCHEMA).toBe("cdktf-mail-connect/verify@2");
    expect(Object.keys(json)).toEqual(["schema", "exitCode", "resolver", "recursiveResolver", "summary", "domains"]);
    expect(Object.keys(json.domains[0])).toEqual(["domain", "unicode", "source", "nameServers", "status", "checks"]);
    expect(json.domains[0].checks[1]).toEqual({
      check: "spf-lookups",
      label: "SPF lookups firma.de",
      name: "firma.de",
      type: "TXT",
      status: "ok",
      expected: ["at most 10"],
      found: ["1"],
      hint: null,
      note: null,
      servers: null,
    });
  });
});
