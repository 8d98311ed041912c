/**
 * Google Cloud DNS in real DNS: every scenario's records are synthesized as
 * `google_dns_record_set`s (the real binding class, the real cdktf synth), read back into what
 * Cloud DNS serves (the adapter's emulation) and served by BIND, then checked with Node's
 * resolver, dig and mailauth.
 */
import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { googleCloudDnsAdapter } from "../../../lib/providers/google-cloud-dns/google-cloud-dns-adapter";
import { GoogleCloudDnsZoneOptions } from "../../../lib/providers/google-cloud-dns/google-cloud-dns-zone";
import { bindResolver } from "../../support/bind-query";
import { generateScenarioKeys, mailScenarios } from "../../support/mail-scenarios";
import { AdapterCase, serveThroughAdapter } from "../../support/provider-round-trip";
import { planScenarios } from "../../support/scenario-zones";
import { describeServedScenarios } from "../../support/served-checks";

const GOOGLE: AdapterCase<GoogleCloudDnsZoneOptions> = {
  adapter: googleCloudDnsAdapter,
  addProvider: (stack) => new GoogleProvider(stack, "google", { project: "mail-dns-prod" }),
  zoneFor: (origin) => ({ managedZone: origin.replace(/\./g, "-"), zoneName: origin }),
};

const keys = generateScenarioKeys();
const planned = planScenarios(mailScenarios(keys));
const server = serveThroughAdapter(GOOGLE, planned);

describe("google_dns_record_sets, as Cloud DNS serves them", () => {
  describeServedScenarios(planned, server, 255);

  test("a 2048-bit DKIM key is served as one record of two strings: 255 bytes, then the rest", async () => {
    const text = `v=DKIM1; k=rsa; p=${keys.rsa2048.publicKeyBase64}`;
    const answer = await bindResolver(server()).resolveTxt("mail-connect._domainkey.langer-schluessel.de");
    expect(answer).toEqual([[text.slice(0, 255), text.slice(255)]]);
  });
});
