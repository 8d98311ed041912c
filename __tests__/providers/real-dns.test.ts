/**
 * The published records, proven in a real DNS server with real mail-authentication code.
 * Every scenario is served three times, each time by its own BIND named on 127.0.0.1 (with a
 * stand-in mail-connect.net zone): from the plan's zone-file export, and from what Cloudflare
 * and Route53 publish for the synthesized Terraform resources of a real MailConnectDomain
 * (the provider round-trip, lib/providers). Each is then asked — by Node's resolver, by dig
 * and by mailauth's SPF/DKIM/DMARC — of that server only. Nothing leaves loopback. The
 * expectations always come from the plan, so a renderer that publishes anything else fails.
 */
import { isWithinDomain } from "../../lib/plan/host-names";
import { bindResolver, digAnswers, dnsOutcome } from "../support/bind-query";
import { BindServer, startBindServer } from "../support/bind-server";
import { authenticateMessage, bindMailauthResolver, buildMessage, RecordingResolver, signMessage } from "../support/mail-auth";
import { MAIL_CONNECT_SENDER_IP, mailConnectZone } from "../support/mail-connect-zone";
import { generateScenarioKeys, mailScenarios } from "../support/mail-scenarios";
import { answeredValues, expectedRrsets } from "../support/plan-answers";
import { planScenarios, scenarioZones, ZoneSource, zoneFromPlan } from "../support/scenario-zones";
import { cloudflareZoneSource, route53ZoneSource } from "../support/terraform-zone-sources";

/** mail-connect's published DKIM key, copied from the article (reference/mail-connect-facts.md). */
const ARTICLE_KEY =
  "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDCdG1MYcrYYxCb3fcCSfgs6GyprlkaKNJ1qCsru1B0/ndQD7iLFECzU2UPGXlSsevM56HxvAQNodjA0zvyrPbAKKdStEeLj1IbySxUoqRjCQOviLS4SI8duVtTd53kum1ugvQtGd7byj6THGkIvJEpI22QzhF2uMfh9ijCiesjAQIDAQAB";

/** An address outside mail-connect's network (TEST-NET-3, RFC 5737). */
const OUTSIDE_IP = "203.0.113.77";
const MAIL_CONNECT_HELO = "postausgang.mail-connect.net";

const keys = generateScenarioKeys();
const planned = planScenarios(mailScenarios(keys));
const servedZones = ["mail-connect.net", ...planned.map((p) => p.scenario.origin)];

const SOURCES: readonly (readonly [string, ZoneSource])[] = [
  ["the plan's zone file", zoneFromPlan],
  ["the synthesized Cloudflare records", cloudflareZoneSource],
  ["the synthesized Route53 records", route53ZoneSource],
];

describe.each(SOURCES)("served from %s", (_source, source) => {
  let server: BindServer;

  beforeAll(async () => {
    server = await startBindServer([mailConnectZone(), ...scenarioZones(planned, source)]);
  });

  afterAll(async () => {
    await server?.stop();
  });

  /** Checks that mailauth asked only about names the test server is authoritative for. */
  function expectOnlyServedNames(resolver: RecordingResolver): void {
    const outside = resolver.queries.filter((q) => !servedZones.some((zone) => isWithinDomain(q.split(" ")[0].toLowerCase(), zone)));
    expect(outside).toEqual([]);
    expect(resolver.queries.length).toBeGreaterThan(0);
  }

  describe.each(planned.map((p) => [p.scenario.id, p] as const))("%s", (_id, { scenario, plan }) => {
    const domain = scenario.domain;
    const sender = `news@${domain}`;

    test("the DNS answers every planned RRset with exactly the planned values (TXT: the same character-strings)", async () => {
      const resolver = bindResolver(server);
      const expected = expectedRrsets(plan);
      const answered = await Promise.all(expected.map(async (set) => ({ ...set, values: await answeredValues(resolver, set.name, set.type) })));
      expect(answered).toEqual(expected);
      expect(plan.domain).toBe(domain);
    });

    test("every record carries the planned TTL", () => {
      const sets = expectedRrsets(plan);
      const answered = digAnswers(server, sets).map((record) => `${record.name} ${record.type} ${record.ttl}`);
      const planned = sets.flatMap((set) => set.values.map(() => `${set.name} ${set.type} ${set.ttl}`));
      expect(answered.sort()).toEqual(planned.sort());
    });

    if (scenario.autoSetup) {
      test("the auto-setup records point mail clients at mail-connect (PRO)", async () => {
        const resolver = bindResolver(server);
        expect(await resolver.resolveCname(`autoconfig.${domain}`)).toEqual(["autoconfig.mail-connect.net"]);
        expect(await resolver.resolveSrv(`_autodiscover._tcp.${domain}`)).toEqual([
          { priority: 1, weight: 100, port: 443, name: "autodiscover.mail-connect.net" },
        ]);
      });
    } else {
      test("there are no auto-setup records (NXDOMAIN/NODATA for autoconfig and _autodiscover._tcp)", async () => {
        const resolver = bindResolver(server);
        expect(["ENOTFOUND", "ENODATA"]).toContain(await dnsOutcome(resolver.resolveCname(`autoconfig.${domain}`)));
        expect(["ENOTFOUND", "ENODATA"]).toContain(await dnsOutcome(resolver.resolveSrv(`_autodiscover._tcp.${domain}`)));
      });
    }

    test(`SPF passes for mail from mail-connect's network (${MAIL_CONNECT_SENDER_IP})`, async () => {
      const resolver = bindMailauthResolver(server);
      const verdict = await authenticateMessage(buildMessage(sender, "spf pass"), { ip: MAIL_CONNECT_SENDER_IP, sender, helo: MAIL_CONNECT_HELO }, resolver);
      expect(verdict.spf).toBe("pass");
      expect(resolver.queries).toEqual(expect.arrayContaining([`${domain} TXT`, "_spf.mail-connect.net TXT"]));
      expectOnlyServedNames(resolver);
    });

    for (const ip of scenario.extraSenderIps) {
      test(`SPF passes for the other sender ${ip} listed in spf.ip4`, async () => {
        const resolver = bindMailauthResolver(server);
        const verdict = await authenticateMessage(buildMessage(sender, "shop"), { ip, sender, helo: "shop.invalid" }, resolver);
        expect(verdict.spf).toBe("pass");
        expectOnlyServedNames(resolver);
      });
    }

    test(`SPF gives "${scenario.spfOutside}" for mail from an outside address`, async () => {
      const resolver = bindMailauthResolver(server);
      const verdict = await authenticateMessage(buildMessage(sender, "spf outside"), { ip: OUTSIDE_IP, sender, helo: "mail.forger.invalid" }, resolver);
      expect(verdict.spf).toBe(scenario.spfOutside);
      expectOnlyServedNames(resolver);
    });

    test(`a forged unsigned message from an outside address fails DMARC, and the receiver applies p=${scenario.dmarcPolicy}`, async () => {
      const resolver = bindMailauthResolver(server);
      const verdict = await authenticateMessage(buildMessage(sender, "forged"), { ip: OUTSIDE_IP, sender, helo: "mail.forger.invalid" }, resolver);
      expect({ dkim: verdict.dkim, dmarc: verdict.dmarc, policy: verdict.dmarcPolicy }).toEqual({
        dkim: ["none (message not signed)"],
        dmarc: "fail",
        policy: scenario.dmarcPolicy,
      });
      expect(resolver.queries).toContain(`_dmarc.${domain} TXT`);
      expectOnlyServedNames(resolver);
    });

    const key = scenario.signingKey;
    if (key !== undefined) {
      test("a message signed with the published test key passes DKIM and DMARC", async () => {
        const resolver = bindMailauthResolver(server);
        const message = await signMessage(buildMessage(sender, "signed"), domain, "mail-connect", key);
        const verdict = await authenticateMessage(message, { ip: MAIL_CONNECT_SENDER_IP, sender, helo: MAIL_CONNECT_HELO }, resolver);
        // On a failure the receiver's Authentication-Results header and the signed message are shown too.
        const shown = verdict.dkim[0]?.endsWith("pass") ? {} : { header: verdict.header, message, queries: resolver.queries };
        expect({ spf: verdict.spf, dkim: verdict.dkim, dmarc: verdict.dmarc, ...shown }).toEqual({
          spf: "pass",
          dkim: [`d=${domain} s=mail-connect: pass`],
          dmarc: "pass",
        });
        expect(resolver.queries).toContain(`mail-connect._domainkey.${domain} TXT`);
        expectOnlyServedNames(resolver);
      });

      test("the DKIM signature alone carries DMARC for mail from an outside address (forwarding)", async () => {
        const resolver = bindMailauthResolver(server);
        const message = await signMessage(buildMessage(sender, "forwarded"), domain, "mail-connect", key);
        const verdict = await authenticateMessage(message, { ip: OUTSIDE_IP, sender, helo: "forwarder.invalid" }, resolver);
        expect({ spf: verdict.spf, dkim: verdict.dkim, dmarc: verdict.dmarc }).toEqual({
          spf: scenario.spfOutside,
          dkim: [`d=${domain} s=mail-connect: pass`],
          dmarc: "pass",
        });
      });
    } else {
      test("mail-connect's published key is served, so a signature by any other key fails DKIM; SPF still carries DMARC", async () => {
        const resolver = bindMailauthResolver(server);
        const message = await signMessage(buildMessage(sender, "wrong key"), domain, "mail-connect", keys.rsa1024);
        const verdict = await authenticateMessage(message, { ip: MAIL_CONNECT_SENDER_IP, sender, helo: MAIL_CONNECT_HELO }, resolver);
        expect({ spf: verdict.spf, dkim: verdict.dkim, dmarc: verdict.dmarc }).toEqual({
          spf: "pass",
          dkim: [`d=${domain} s=mail-connect: fail`],
          dmarc: "pass",
        });
      });
    }
  });

  describe("what the article's example domain gets, as served", () => {
    test("MX, SPF, DKIM and DMARC read exactly as the article writes them", async () => {
      const resolver = bindResolver(server);
      expect(await resolver.resolveMx("beispieldomain.eu")).toEqual([{ priority: 10, exchange: "mx.mail-connect.net" }]);
      expect(await resolver.resolveTxt("beispieldomain.eu")).toEqual([["v=spf1 include:_spf.mail-connect.net ?all"]]);
      expect(await resolver.resolveTxt("mail-connect._domainkey.beispieldomain.eu")).toEqual([[`v=DKIM1; k=rsa; p=${ARTICLE_KEY}`]]);
      expect(await resolver.resolveTxt("_dmarc.beispieldomain.eu")).toEqual([["v=DMARC1; p=quarantine; ruf=mailto:postmaster@beispieldomain.eu;"]]);
    });
  });

  describe("a 2048-bit DKIM key, as served", () => {
    test("comes back as one record of two character-strings: 255 bytes, then the rest", async () => {
      const text = `v=DKIM1; k=rsa; p=${keys.rsa2048.publicKeyBase64}`;
      const answer = await bindResolver(server).resolveTxt("mail-connect._domainkey.langer-schluessel.de");
      expect(answer).toEqual([[text.slice(0, 255), text.slice(255)]]);
    });
  });

  describe("the IDN domain bücher.de, as served", () => {
    test("is published under its punycode name, with the own server names as CNAMEs to mail-connect's", async () => {
      const resolver = bindResolver(server);
      expect(await resolver.resolveMx("xn--bcher-kva.de")).toEqual([{ priority: 10, exchange: "mx.mail-connect.net" }]);
      expect(await resolver.resolveCname("imap.xn--bcher-kva.de")).toEqual(["posteingang.mail-connect.net"]);
      expect(await resolver.resolveCname("smtp.xn--bcher-kva.de")).toEqual(["postausgang.mail-connect.net"]);
    });
  });
});
