/**
 * Azure DNS in real DNS: every scenario's records are synthesized as azurerm record sets (the
 * real binding classes, the real cdktf synth), read back into what Azure serves (the
 * adapter's emulation: TXT split into 254-byte strings by the provider) and served by BIND,
 * then checked with Node's resolver, dig and mailauth.
 */
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { azureDnsAdapter } from "../../../lib/providers/azure-dns/azure-dns-adapter";
import { AzureDnsZoneOptions } from "../../../lib/providers/azure-dns/azure-dns-zone";
import { generateScenarioKeys, mailScenarios } from "../../support/mail-scenarios";
import { AdapterCase, serveThroughAdapter } from "../../support/provider-round-trip";
import { planScenarios } from "../../support/scenario-zones";
import { bindResolver } from "../../support/bind-query";
import { describeServedScenarios } from "../../support/served-checks";

const AZURE: AdapterCase<AzureDnsZoneOptions> = {
  adapter: azureDnsAdapter,
  addProvider: (stack) => new AzurermProvider(stack, "azurerm", { features: [{}], subscriptionId: "00000000-0000-0000-0000-000000000000", resourceProviderRegistrations: "none" }),
  zoneFor: (origin) => ({ zoneName: origin, resourceGroupName: "rg-dns" }),
};

const keys = generateScenarioKeys();
const planned = planScenarios(mailScenarios(keys));
const server = serveThroughAdapter(AZURE, planned);

describe("azurerm record sets, as Azure DNS serves them", () => {
  describeServedScenarios(planned, server, 254);

  test("a 2048-bit DKIM key is served as one record of 254-byte strings, which receivers join to the planned text", async () => {
    const text = `v=DKIM1; k=rsa; p=${keys.rsa2048.publicKeyBase64}`;
    const answer = await bindResolver(server()).resolveTxt("mail-connect._domainkey.langer-schluessel.de");
    expect(answer).toEqual([[text.slice(0, 254), text.slice(254)]]);
  });
});
