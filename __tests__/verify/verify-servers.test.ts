/**
 * verify against the DNS servers a real set-up has, each a real BIND named on 127.0.0.1 that
 * this file starts: the zone's authoritative servers, which do not recurse (a primary, a
 * secondary that serves an old SPF record, and a server that does not serve the zone), and a
 * recursive-style server for everything else (mail-connect.net, SPF include targets, the name
 * servers' addresses and the zones' NS sets). The command runs as a child process, as users
 * and CI run it.
 */
import * as dgram from "dgram";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { VerifyJson, runCli } from "../../lib/verify";
import { DnsQueryClient } from "../../lib/verify/dns-query";
import { LiveDns } from "../../lib/verify/live-dns";
import { findZoneServers } from "../../lib/verify/zone-servers";
import { BindServer, startBindServer } from "../support/bind-server";
import { findBindProgram } from "../support/bind-binaries";
import { mailConnectRrsets } from "../support/mail-connect-zone";
import { testRsaKeyPair } from "../support/test-keys";
import { plannedRrsets, rdataOf, withRrset, withTtl, zoneServedBy } from "./support/live-zones";
import { BIN, runCliProcess } from "./support/run-cli";

const NS1 = "ns1.nameservers.test";
const NS2 = "ns2.nameservers.test";
const NS3 = "ns3.nameservers.test";
const BOTH = [NS1, NS2];

/** A 2048-bit key: its DKIM text (410 bytes) needs two character-strings. */
const KEY_2048 = testRsaKeyPair(2048).publicKey.export({ type: "spki", format: "der" }).toString("base64");
const DKIM_2048 = `v=DKIM1; k=rsa; p=${KEY_2048}`;
/** What a hostile TXT record holds: clear the screen, print in red. */
const ESCAPES = "\\027[2J\\027[1;31mALL-CHECKS-PASSED";

/** Third-party records, served by the recursive-style server. */
const SENDERS = [
  { name: "void.senders.example", type: "TXT", ttl: 3600, rdata: ['"v=spf1 a:gone1.senders.example mx:gone2.senders.example exists:gone3.senders.example -all"'] },
  { name: "bad-ip.senders.example", type: "TXT", ttl: 3600, rdata: ['"v=spf1 ip4:999.1.1.1 -all"'] },
  { name: "evil.senders.example", type: "TXT", ttl: 3600, rdata: [`"v=spf1 ${ESCAPES} -all"`] },
  { name: "dkim.senders.example", type: "A", ttl: 3600, rdata: ["192.0.2.10"] },
];

/** The customer zones with the drift each test is about (all served by the primary). */
const PRIMARY: Record<string, ReturnType<typeof plannedRrsets>> = {
  "firma.de": plannedRrsets({ domain: "firma.de" }),
  "stale.de": plannedRrsets({ domain: "stale.de" }),
  "lame.de": plannedRrsets({ domain: "lame.de" }),
  "noaddr.de": plannedRrsets({ domain: "noaddr.de" }),
  "resplit.de": withRrset(plannedRrsets({ domain: "resplit.de", dkim: { publicKey: KEY_2048 } }), "mail-connect._domainkey.resplit.de", "TXT", [`"${DKIM_2048.slice(0, 200)}" "${DKIM_2048.slice(200)}"`]),
  "ttl.de": withTtl(plannedRrsets({ domain: "ttl.de" }), 300),
  "loop.de": withRrset(withRrset(plannedRrsets({ domain: "loop.de" }), "mail-connect._domainkey.loop.de", "TXT", undefined), "mail-connect._domainkey.loop.de", "CNAME", ["a.loop.de."]).concat([
    { name: "a.loop.de", type: "CNAME", ttl: 3600, rdata: ["mail-connect._domainkey.loop.de."] },
  ]),
  "cname-dkim.de": withRrset(withRrset(plannedRrsets({ domain: "cname-dkim.de" }), "mail-connect._domainkey.cname-dkim.de", "TXT", undefined), "mail-connect._domainkey.cname-dkim.de", "CNAME", ["dkim.senders.example."]),
  "void.de": plannedRrsets({ domain: "void.de", spf: { include: ["void.senders.example"] } }),
  "bad-ip.de": plannedRrsets({ domain: "bad-ip.de", spf: { include: ["bad-ip.senders.example"] } }),
  "escape.de": withRrset(plannedRrsets({ domain: "escape.de", spf: { include: ["evil.senders.example"] } }), "_dmarc.escape.de", "TXT", [`"${ESCAPES}"`]),
  "xn--mller-kva.de": plannedRrsets({ domain: "müller.de" }),
};
const MANY = Array.from({ length: 25 }, (_, i) => `shop${i + 1}.de`);

/** The secondary serves the SPF record from before the last change. */
const OLD_SPF = '"v=spf1 include:_spf.mail-connect.net -all"';

let recursive: BindServer;
let primary: BindServer;
let secondary: BindServer;
let other: BindServer;
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "verify-servers-"));
  [primary, secondary, other] = await Promise.all([
    startBindServer([
      ...Object.entries(PRIMARY).map(([origin, rrsets]) => zoneServedBy(origin, rrsets, BOTH, 2)),
      ...MANY.map((d) => zoneServedBy(d, plannedRrsets({ domain: d }), BOTH)),
    ]),
    startBindServer([
      zoneServedBy("firma.de", PRIMARY["firma.de"], BOTH, 2),
      zoneServedBy("stale.de", withRrset(PRIMARY["stale.de"], "stale.de", "TXT", [OLD_SPF]), BOTH, 1),
    ]),
    startBindServer([zoneServedBy("other.test", [], [NS3])]),
  ]);
  recursive = await startBindServer([
    zoneServedBy("mail-connect.net", mailConnectRrsets(), ["localhost"]),
    zoneServedBy("senders.example", SENDERS, ["localhost"]),
    zoneServedBy("nameservers.test", [NS1, NS2, NS3].map((name) => ({ name, type: "A", ttl: 3600, rdata: ["127.0.0.1"] })), ["localhost"]),
    // What a resolver answers for the zones' NS sets (the zones themselves are asked of their servers).
    zoneServedBy("firma.de", [], BOTH),
    zoneServedBy("stale.de", [], BOTH),
    zoneServedBy("lame.de", [], [NS1, NS3]),
    zoneServedBy("noaddr.de", [], [NS1, "ns9.nameservers.test"]),
    zoneServedBy("ttl.de", [], [NS1]),
  ]);
});

afterAll(async () => {
  await Promise.all([recursive, primary, secondary, other].map((s) => s?.stop()));
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The flags that make the primary the record server and the recursive-style server the other role. */
function viaPrimary(): string[] {
  return ["--resolver", primary.address, "--recursive-resolver", recursive.address, "--timeout", "2000", "--retries", "1"];
}

/** The flags for --authoritative: NS names map to the test servers' loopback ports. */
function authoritative(): string[] {
  return ["--authoritative", "--recursive-resolver", recursive.address, "--nameserver", `${NS1}=${primary.address}`, "--nameserver", `${NS2}=${secondary.address}`, "--nameserver", `${NS3}=${other.address}`, "--timeout", "2000", "--retries", "1"];
}

/** Runs the command in this process (the same code as the bin; a child process costs a second of start-up). */
async function verifyRun(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

function writeConfig(name: string, options: unknown[]): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, JSON.stringify(options));
  return file;
}

describe("two roles of DNS server", () => {
  test("an authoritative-only --resolver passes a correct zone: the SPF include is followed through the recursive resolver", async () => {
    const run = await runCliProcess(["verify", "--domain", "firma.de", ...viaPrimary()]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toBe(
      `✔ firma.de (--domain): all 9 checks passed\n\nOther names (SPF includes, mail-connect's hosts) asked through ${recursive.address}.\n✔ 1 domain checked against ${primary.address}: everything matches.\n`,
    );
  });

  test("the authoritative server really does not recurse: used for other names too, the include cannot be followed (exit 2)", async () => {
    const run = await verifyRun(["verify", "--domain", "firma.de", "--resolver", primary.address, "--recursive-resolver", primary.address, "--timeout", "2000"]);
    expect(run.code).toBe(2);
    expect(run.stderr.replace(/\n\s+/g, " ")).toContain(`${primary.address} refused to answer for _spf.mail-connect.net TXT`);
  });
});

describe("--authoritative", () => {
  test("asks each of the zone's name servers; when they agree the domain passes and the JSON names them", async () => {
    const run = await verifyRun(["verify", "--domain", "firma.de", ...authoritative(), "--json"]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as VerifyJson;
    expect(json.resolver).toBe("the zones' name servers");
    expect(json.domains[0].nameServers).toEqual({ zone: "firma.de", servers: [`${NS1} (${primary.address})`, `${NS2} (${secondary.address})`] });
    expect(json.domains[0].checks.every((c) => c.servers === null)).toBe(true);
  });

  test("names the server that serves the old SPF record: exit 1", async () => {
    const run = await verifyRun(["verify", "--domain", "stale.de", ...authoritative(), "--json"]);
    expect(run.code).toBe(1);
    const spf = (JSON.parse(run.stdout) as VerifyJson).domains[0].checks.find((c) => c.check === "spf")!;
    expect(spf.status).toBe("mismatch");
    expect(spf.hint).toBe(
      `The zone's name servers disagree: ${NS1} (${primary.address}) serves the expected record; ${NS2} (${secondary.address}) serves ${OLD_SPF}. ` +
        `A secondary that missed the last change (SOA serials: ${NS1} (${primary.address}) 2, ${NS2} (${secondary.address}) 1), or a provider still propagating. ${NS2} (${secondary.address}): Terms missing: ?all. Terms not expected: -all.`,
    );
    expect(spf.servers?.map((s) => [s.server, s.status, s.found])).toEqual([
      [`${NS1} (${primary.address})`, "ok", [rdataOf(PRIMARY["stale.de"], "stale.de", "TXT")[0]]],
      [`${NS2} (${secondary.address})`, "mismatch", [OLD_SPF]],
    ]);
    const text = await verifyRun(["verify", "--domain", "stale.de", ...authoritative()]);
    expect(text.stdout).toContain(`  ✘ TXT stale.de (SPF)\n`);
    expect(text.stdout).toContain(`${NS2} (${secondary.address}) serves`);
  });

  test("a listed name server that does not serve the zone is reported (exit 2), the others still checked", async () => {
    const run = await verifyRun(["verify", "--domain", "lame.de", ...authoritative(), "--json"]);
    expect(run.code).toBe(2);
    const mx = (JSON.parse(run.stdout) as VerifyJson).domains[0].checks.find((c) => c.check === "mx")!;
    expect(mx.servers?.map((s) => [s.server, s.status])).toEqual([
      [`${NS1} (${primary.address})`, "ok"],
      [`${NS3} (${other.address})`, "error"],
    ]);
    expect(run.stderr.replace(/\n\s+/g, " ")).toBe(
      `cdktf-mail-connect: could not check 9 of 10 checks: - ${NS3} (${other.address}) is a name server of lame.de but refuses to answer for it (lame delegation): fix the NS records or the server (9 checks, e.g. MX lame.de)\n`,
    );
  });

  test("without --nameserver, the name servers' addresses come from the recursive resolver", async () => {
    const client = new DnsQueryClient({ timeoutMs: 2000, retries: 1 });
    try {
      const dns = new LiveDns({ servers: [{ host: recursive.host, port: recursive.port, label: recursive.address }], client, recursionDesired: true });
      expect(await findZoneServers(dns, "mail.stale.de", new Map())).toEqual({
        ok: true,
        zone: "stale.de",
        servers: [
          { host: "127.0.0.1", port: 53, label: `${NS1} (127.0.0.1)` },
          { host: "127.0.0.1", port: 53, label: `${NS2} (127.0.0.1)` },
        ],
        unreachable: [],
      });
      expect(await findZoneServers(dns, "nowhere.example", new Map())).toEqual({
        ok: false,
        problem: `could not find the name servers of nowhere.example: nowhere.example NS: ${recursive.address} refused to answer for nowhere.example NS (it is not authoritative for it and does not recurse for us)`,
      });
    } finally {
      client.close();
    }
  });

  test("a name server without an address is a mismatch of the NS row; the others are still asked", async () => {
    const run = await verifyRun(["verify", "--domain", "noaddr.de", ...authoritative(), "--json"]);
    expect(run.code).toBe(1);
    const checks = (JSON.parse(run.stdout) as VerifyJson).domains[0].checks;
    expect(checks.filter((c) => c.status !== "ok" && c.status !== "skipped").map((c) => [c.check, c.found, c.hint])).toEqual([
      [
        "name-servers",
        [`${NS1} (${primary.address})`, "ns9.nameservers.test (no address)"],
        "ns9.nameservers.test has no A or AAAA record: resolvers that pick it fail and retry elsewhere. Fix the NS records of noaddr.de or the name server's address.",
      ],
    ]);
    expect(checks.find((c) => c.check === "mx")?.status).toBe("ok");
  });

  test("a TTL other than the planned one is noted, read from the authoritative answer", async () => {
    const run = await verifyRun(["verify", "--domain", "ttl.de", ...authoritative(), "--json"]);
    expect(run.code).toBe(0);
    const mx = (JSON.parse(run.stdout) as VerifyJson).domains[0].checks.find((c) => c.check === "mx")!;
    expect([mx.status, mx.note]).toEqual(["ok", "TTL 300 s, planned 3600 s"]);
  });
});

describe("text, not string boundaries", () => {
  test("a DKIM key split at other boundaries passes, with a note on the domain's one line and in the JSON", async () => {
    const run = await verifyRun(["verify", "--domain", "resplit.de", "--dkim-key", KEY_2048, ...viaPrimary()]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe("✔ resplit.de (--domain): all 9 checks passed · DKIM: split 200+210 bytes (planned 255+155), same te…");
    const json = JSON.parse((await verifyRun(["verify", "--domain", "resplit.de", "--dkim-key", KEY_2048, ...viaPrimary(), "--json"])).stdout) as VerifyJson;
    expect(json.domains[0].checks.find((c) => c.check === "dkim")?.note).toBe("split 200+210 bytes (planned 255+155), same text; receivers join the strings");
  });
});

describe("rules live DNS can break", () => {
  test("a CNAME loop at the DKIM name is a mismatch with a hint (exit 1), not 'could not check'", async () => {
    const run = await verifyRun(["verify", "--domain", "loop.de", ...viaPrimary(), "--json"]);
    expect(run.code).toBe(1);
    const dkim = (JSON.parse(run.stdout) as VerifyJson).domains[0].checks.find((c) => c.check === "dkim")!;
    expect([dkim.status, dkim.hint]).toEqual([
      "mismatch",
      "mail-connect._domainkey.loop.de is a CNAME loop (mail-connect._domainkey.loop.de → a.loop.de → mail-connect._domainkey.loop.de): resolvers answer SERVFAIL, so the record is missing for everyone. Replace the CNAMEs with the expected record. No DKIM key: receivers cannot verify mail-connect's signatures, and DMARC fails unless SPF aligns.",
    ]);
  });

  test("a DKIM name that is a CNAME into another zone is followed there, and the missing key names the CNAME", async () => {
    const run = await verifyRun(["verify", "--domain", "cname-dkim.de", ...viaPrimary(), "--json"]);
    expect(run.code).toBe(1);
    const dkim = (JSON.parse(run.stdout) as VerifyJson).domains[0].checks.find((c) => c.check === "dkim")!;
    expect(dkim.hint).toBe(
      "mail-connect._domainkey.cname-dkim.de is a CNAME (mail-connect._domainkey.cname-dkim.de → dkim.senders.example), and dkim.senders.example has no TXT record (NODATA). No DKIM key: receivers cannot verify mail-connect's signatures, and DMARC fails unless SPF aligns.",
    );
  });

  test("more than two void lookups in an include are a permerror (RFC 7208 §4.6.4)", async () => {
    const run = await verifyRun(["verify", "--domain", "void.de", "--spf-include", "void.senders.example", ...viaPrimary(), "--json"]);
    expect(run.code).toBe(1);
    const row = (JSON.parse(run.stdout) as VerifyJson).domains[0].checks.find((c) => c.check === "spf-lookups")!;
    expect([row.status, row.found]).toEqual(["mismatch", ["5, 3 void"]]);
    expect(row.hint).toMatch(/^3 lookups return no records \(void\.senders\.example: a:gone1\.senders\.example, void\.senders\.example: mx:gone2\.senders\.example, void\.senders\.example: exists:gone3\.senders\.example\); SPF allows 2 such void lookups \(RFC 7208 §4\.6\.4\)/);
  });

  test("an ip4 value that is not an address, in a third party's include, is flagged", async () => {
    const run = await verifyRun(["verify", "--domain", "bad-ip.de", "--spf-include", "bad-ip.senders.example", ...viaPrimary(), "--json"]);
    expect(run.code).toBe(1);
    const row = (JSON.parse(run.stdout) as VerifyJson).domains[0].checks.find((c) => c.check === "spf-lookups")!;
    expect(row.hint).toBe('bad-ip.senders.example: "ip4:999.1.1.1" is not an IPv4 address with an optional /0-32 prefix (permerror, RFC 7208 §5.6).');
    expect(row.found).toEqual(["2, 0 void"]);
  });

  test("terminal escapes in DNS data (a DMARC record, a third party's SPF include) reach no output raw", async () => {
    const junit = path.join(tmp, "escape.xml");
    const args = ["verify", "--domain", "escape.de", "--spf-include", "evil.senders.example", ...viaPrimary()];
    const runs = [await verifyRun([...args, "--all-checks", "--junit", junit]), await verifyRun([...args, "--wide"]), await verifyRun([...args, "--json"])];
    for (const run of runs) {
      expect(run.code).toBe(1);
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/[\u001b\u009b]/);
    }
    expect(runs[1].stdout).toContain('"\\x1b[2J\\x1b[1;31mALL-CHECKS-PASSED" is not an SPF mechanism or modifier');
    expect(fs.readFileSync(junit, "utf8")).not.toMatch(/[\u001b\u009b]/);
    expect(JSON.parse(runs[2].stdout).domains[0].checks.find((c: { check: string }) => c.check === "dmarc").found).toEqual(['"\\027[2J\\027[1;31mALL-CHECKS-PASSED"']);
  });

  test("--domain with a URL delimiter is refused like a bad option, not shortened to ok.test", async () => {
    const run = await verifyRun(["verify", "--domain", "ok.test/evil", ...viaPrimary()]);
    expect([run.code, run.stdout]).toEqual([2, ""]);
    expect(run.stderr).toContain('cdktf-mail-connect: --domain: domain: got "ok.test/evil"; must be a domain name: it contains "/", which no host name holds (did you mean "ok.test"?)');
  });

  test("a server that drops every query costs one query's timeouts, however many domains are checked", async () => {
    const silent = dgram.createSocket("udp4");
    await new Promise<void>((resolve) => silent.bind(0, "127.0.0.1", resolve));
    try {
      const config = writeConfig("silent.json", MANY.map((domain) => ({ domain })));
      const started = Date.now();
      const run = await verifyRun(["verify", "--config", config, "--resolver", `127.0.0.1:${silent.address().port}`, "--recursive-resolver", recursive.address, "--timeout", "500", "--retries", "1"]);
      const ms = Date.now() - started;
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`no answer from 127.0.0.1:${silent.address().port} within 500 ms (2 tries)`);
      // One query's two tries (1 s); asking every domain's questions until each timed out would take about 10 s.
      expect(ms).toBeLessThan(3000);
    } finally {
      silent.close();
    }
  });
});

describe("readable at scale", () => {
  test("passing domains take one line each; an IDN is shown in Unicode with its punycode", async () => {
    const config = writeConfig("many.json", [...MANY, "müller.de"].map((domain) => ({ domain })));
    const run = await verifyRun(["verify", "--config", config, ...viaPrimary()]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(MANY.length + 1 + 3);
    expect(lines[0]).toBe("✔ shop1.de (config[0]): all 9 checks passed");
    expect(lines[MANY.length]).toBe(`✔ müller.de (xn--mller-kva.de) (config[${MANY.length}]): all 9 checks passed`);
    expect(lines[lines.length - 1]).toBe(`✔ ${MANY.length + 1} domains checked against ${primary.address}: everything matches.`);
  });

  test("at 100 columns, on a terminal (under script) and in a pipe, no line is wider, the summary is last", async () => {
    const config = writeConfig("mixed.json", [{ domain: "firma.de" }, { domain: "resplit.de" }, { domain: "void.de", spf: { include: ["void.senders.example"] } }, { domain: "loop.de" }]);
    const args = ["verify", "--config", config, ...viaPrimary()];
    const quoted = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(" ");
    const tty = spawnSync("script", ["-qec", `stty cols 100; ${quoted}`, "/dev/null"], { encoding: "utf8", timeout: 60000, env: { ...process.env, COLUMNS: "" } });
    const pipe = await runCliProcess(args);
    for (const output of [tty.stdout.replace(/\r/g, "").replace(/\u001b\[K/g, ""), pipe.stdout]) {
      const lines = output.trimEnd().split("\n").filter((l) => !/^cdktf-mail-connect: /.test(l));
      expect(lines.filter((l) => [...l].length > 100)).toEqual([]);
      expect(lines[lines.length - 1]).toMatch(/^✘ 4 domains checked against .*: 1 ok, 3 with mismatches \(3 failed checks\)\.$/);
      expect(output).toContain("✘ TXT mail-connect._domainkey.resplit.de (DKIM)");
    }
    expect(tty.status).toBe(1);
  });

  test("--junit writes valid JUnit XML: one testsuite per domain, one testcase per check, failures with the hint", async () => {
    const junit = path.join(tmp, "report.xml");
    const config = writeConfig("junit.json", [{ domain: "firma.de" }, { domain: "loop.de" }]);
    const run = await verifyRun(["verify", "--config", config, ...viaPrimary(), "--junit", junit]);
    expect(run.code).toBe(1);
    const text = fs.readFileSync(junit, "utf8");
    expect(XMLValidator.validate(text)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["testsuite", "testcase"].includes(name) }).parse(text);
    const suites = parsed.testsuites.testsuite as { name: string; tests: string; failures: string; testcase: { name: string; classname: string; failure?: { message: string; "#text": string } }[] }[];
    expect(suites.map((s) => [s.name, s.tests, s.failures])).toEqual([
      ["firma.de", "9", "0"],
      ["loop.de", "9", "1"],
    ]);
    expect(parsed.testsuites.tests).toBe("18");
    const failure = suites[1].testcase.find((c) => c.failure !== undefined)!;
    expect(failure.name).toBe("TXT mail-connect._domainkey.loop.de (DKIM)");
    expect(failure.classname).toBe("loop.de");
    expect(failure.failure!.message).toMatch(/^mail-connect\._domainkey\.loop\.de is a CNAME loop/);
    expect(failure.failure!["#text"]).toContain("expected: ");
  });
});

test("dig agrees: the primary does not recurse (the premise of the two roles)", () => {
  const dig = spawnSync(findBindProgram("dig"), ["+norecurse", "+time=2", "+tries=1", "-p", String(primary.port), `@${primary.host}`, "_spf.mail-connect.net", "TXT"], { encoding: "utf8" });
  expect(dig.stdout).toContain("status: REFUSED");
});
