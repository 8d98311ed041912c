/**
 * The DNS provider `onboard` assumes without `--provider`, from the zone's name servers as the
 * providers name them (real names from each provider's documentation and live zones).
 */
import { guessDnsProvider, zoneNameServers } from "../../lib/onboard/dns-provider-guess";
import { LiveMailZone } from "../../lib/onboard/onboarding-plan";
import { DNS_PROVIDER_ADAPTERS } from "../../lib/providers/provider-registry";
import { PROVIDER_NAME_SERVERS, SELF_HOSTED_DNS_PROVIDER } from "../../lib/providers/provider-name-servers";

test("the name-server table lists every adapter of the registry, by its kind and title, and the self-hosted one is RFC 2136", () => {
  expect(PROVIDER_NAME_SERVERS.map((p) => [p.kind, p.title])).toEqual(DNS_PROVIDER_ADAPTERS.map((a) => [a.kind, a.title]));
  expect(SELF_HOSTED_DNS_PROVIDER.kind).toBe("rfc2136");
  for (const p of PROVIDER_NAME_SERVERS) expect([p.kind, p.pattern === undefined || p.pattern.test(p.example)]).toEqual([p.kind, true]);
});

describe("guessDnsProvider", () => {
  test.each([
    [["ada.ns.cloudflare.com.", "BOB.NS.CLOUDFLARE.COM"], "cloudflare"],
    [["ns-1536.awsdns-00.co.uk.", "ns-0.awsdns-00.com.", "ns-1024.awsdns-00.org.", "ns-512.awsdns-00.net."], "route53"],
    [["ns1-01.azure-dns.com.", "ns2-01.azure-dns.net.", "ns3-01.azure-dns.org.", "ns4-01.azure-dns.info."], "azure-dns"],
    [["ns-cloud-a1.googledomains.com.", "ns-cloud-a2.googledomains.com."], "google-cloud-dns"],
  ])("%j → %s, recognised, naming the servers", (servers, provider) => {
    const guess = guessDnsProvider(servers);
    expect({ provider: guess.provider, recognised: guess.recognised }).toEqual({ provider, recognised: true });
    expect(guess.reason).toContain(servers[0].toLowerCase().replace(/\.$/, ""));
  });

  test("the reason says whose servers they are", () => {
    expect(guessDnsProvider(["ada.ns.cloudflare.com", "bob.ns.cloudflare.com"]).reason).toBe("the name servers (ada.ns.cloudflare.com, bob.ns.cloudflare.com) are Cloudflare's.");
  });

  test("name servers of no hosted provider fall back to RFC 2136, saying so and how to choose another", () => {
    expect(guessDnsProvider(["ns1.hosting-firma.de.", "ns2.hosting-firma.de."])).toEqual({
      provider: "rfc2136",
      recognised: false,
      reason:
        "the name servers (ns1.hosting-firma.de, ns2.hosting-firma.de) are none of Cloudflare's, Route53's, Azure DNS's or Google Cloud DNS's, so the zone is taken to be on servers that accept RFC 2136 dynamic updates (BIND, Knot, PowerDNS). Give --provider if it is elsewhere.",
    });
  });

  test("look-alike names are not taken for a provider's", () => {
    for (const name of ["ns.cloudflare.com.evil.example", "cloudflare.com", "awsdns.example", "ns1.azure-dns-like.example", "googledomains.com.example"]) {
      expect([name, guessDnsProvider([name]).provider]).toEqual([name, "rfc2136"]);
    }
  });

  test("no name servers read: the fallback, with the reason", () => {
    expect(guessDnsProvider([])).toEqual({
      provider: "rfc2136",
      recognised: false,
      reason: "no NS records could be read, so the provider is not known; RFC 2136 dynamic updates (BIND, Knot, PowerDNS) are assumed. Give --provider for a zone at Cloudflare, Route53, Azure DNS or Google Cloud DNS.",
    });
  });

  test("servers of two providers (a move under way): the one most servers belong to, the others named", () => {
    const guess = guessDnsProvider(["ns-1.awsdns-01.com", "ns-2.awsdns-02.net", "ada.ns.cloudflare.com"]);
    expect(guess).toEqual({
      provider: "route53",
      recognised: true,
      reason: "2 of 3 name servers (ns-1.awsdns-01.com, ns-2.awsdns-02.net) are Route53's; ada.ns.cloudflare.com is not (a move between providers?).",
    });
  });
});

describe("zoneNameServers", () => {
  const live = (zone: string | undefined, answers: LiveMailZone["answers"]): LiveMailZone => ({ domain: "news.firma.de", ...(zone ? { zone } : {}), source: "test", answers });
  const ns = (name: string, rdata: string[]) => ({ name, type: "NS" as const, result: { status: "found" as const, rdata } });

  test("reads the NS set of the zone that holds the domain", () => {
    expect(zoneNameServers(live("firma.de", [ns("news.firma.de", ["x.example."]), ns("firma.de", ["Ada.NS.Cloudflare.com."])]))).toEqual(["ada.ns.cloudflare.com"]);
  });

  test("without a zone, the domain's own NS set; nothing when it was not found", () => {
    expect(zoneNameServers(live(undefined, [ns("news.firma.de", ["x.example."])]))).toEqual(["x.example"]);
    expect(zoneNameServers(live(undefined, [{ name: "news.firma.de", type: "NS", result: { status: "error", code: "ETIMEOUT", message: "t" } }]))).toEqual([]);
  });
});
