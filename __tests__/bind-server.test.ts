import * as fs from "fs";
import { quoteCharacterString } from "../lib/plan/dns-rrset";
import { rrsetsToZoneFile } from "../lib/zone-file";
import { BIND_INSTALL_HINT, findBindProgram } from "./support/bind-binaries";
import { bindResolver, digAnswer, dnsOutcome } from "./support/bind-query";
import { BindServer, startBindServer } from "./support/bind-server";
import { MAIL_CONNECT_HOSTS, MAIL_CONNECT_SPF, TEST_NAME_SERVER, mailConnectZone } from "./support/mail-connect-zone";

/** 12 TXT records of 4 × 200 bytes: about 10 kB, far over any UDP answer size, so only TCP carries it. */
const BIG_TXT = Array.from({ length: 12 }, (_, i) => Array.from({ length: 4 }, (_, j) => `${i}-${j}-`.padEnd(200, "x")));

const harnessZone = {
  origin: "harness.test",
  zoneFileText: rrsetsToZoneFile(
    [
      { name: "big.harness.test", type: "TXT", ttl: 60, rdata: BIG_TXT.map((strings) => strings.map(quoteCharacterString).join(" ")) },
      { name: "a-only.harness.test", type: "A", ttl: 60, rdata: ["192.0.2.1"] },
    ],
    "harness.test",
    { soa: { nameServers: [TEST_NAME_SERVER] } },
  ),
};

describe("the test BIND server", () => {
  let server: BindServer;

  beforeAll(async () => {
    server = await startBindServer([mailConnectZone(), harnessZone]);
  });

  afterAll(async () => {
    await server?.stop();
  });

  test("answers for the stand-in mail-connect.net zone", async () => {
    const resolver = bindResolver(server);
    expect(await resolver.resolveTxt("_spf.mail-connect.net")).toEqual([[MAIL_CONNECT_SPF]]);
    expect(MAIL_CONNECT_SPF).toBe("v=spf1 ip4:80.254.138.128/26 -all");
    for (const [host, ip] of Object.entries(MAIL_CONNECT_HOSTS)) {
      expect(await resolver.resolve4(host)).toEqual([ip]);
    }
  });

  test("listens on 127.0.0.1 only, on a high port, for UDP and TCP", () => {
    const listening = server.log().match(/listening on .*/g);
    expect(listening).toEqual([`listening on IPv4 interface lo, 127.0.0.1#${server.port}`]);
    expect(server.port).toBeGreaterThan(1023);
    const expected = [{ name: "_spf.mail-connect.net", ttl: 3600, type: "TXT", rdata: `"${MAIL_CONNECT_SPF}"` }];
    expect(digAnswer(server, "_spf.mail-connect.net", "TXT", false)).toEqual(expected);
    expect(digAnswer(server, "_spf.mail-connect.net", "TXT", true)).toEqual(expected);
  });

  test("is authoritative only: a name outside its zones is refused, not looked up", async () => {
    expect(await dnsOutcome(bindResolver(server).resolveTxt("example.com"))).toBe("EREFUSED");
  });

  test("reports NXDOMAIN as ENOTFOUND and NODATA as ENODATA", async () => {
    const resolver = bindResolver(server);
    expect(await dnsOutcome(resolver.resolveTxt("missing.harness.test"))).toBe("ENOTFOUND");
    expect(await dnsOutcome(resolver.resolveTxt("a-only.harness.test"))).toBe("ENODATA");
  });

  test("delivers an RRset too big for UDP completely: Node's resolver falls back to TCP on the same port", async () => {
    const answer = await bindResolver(server).resolveTxt("big.harness.test");
    expect(answer.map((strings) => strings.join("|")).sort()).toEqual(BIG_TXT.map((strings) => strings.join("|")).sort());
  });
});

describe("startBindServer", () => {
  test("fails, not skips, with the install command when named is missing", async () => {
    await expect(startBindServer([mailConnectZone()], { namedPath: "/nonexistent/named" })).rejects.toThrow(
      'BIND program "named" not found (looked at /nonexistent/named). Install BIND to run these tests: apt-get install bind9 bind9-utils bind9-dnsutils',
    );
    expect(BIND_INSTALL_HINT).toContain("apt-get install bind9 bind9-utils bind9-dnsutils");
  });

  test("fails with named's own error when a zone does not load", async () => {
    const broken = { origin: "broken.test", zoneFileText: "$ORIGIN broken.test.\n$TTL 60\n@ IN MX 10\n" };
    await expect(startBindServer([mailConnectZone(), broken])).rejects.toThrow(/zone\(s\) not loaded: broken\.test[\s\S]*zone broken\.test\/IN: not loaded due to errors/);
  });

  test("stop() ends named, frees the port and removes the temporary directory", async () => {
    const server = await startBindServer([mailConnectZone()]);
    const dir = /the working directory is now '([^']+)'/.exec(server.log())?.[1];
    expect(dir).toMatch(/mail-connect-named-/);
    expect(fs.existsSync(dir!)).toBe(true);
    await server.stop();
    expect(fs.existsSync(dir!)).toBe(false);
    expect(await dnsOutcome(bindResolver(server).resolveTxt("_spf.mail-connect.net"))).toMatch(/^(ECONNREFUSED|ETIMEOUT)$/);
    await server.stop(); // a second stop is harmless
  });

  test("finds the BIND programs in the usual places", () => {
    expect(findBindProgram("named")).toMatch(/\/named$/);
    expect(findBindProgram("named-checkzone")).toMatch(/\/named-checkzone$/);
    expect(findBindProgram("dig")).toMatch(/\/dig$/);
  });
});
