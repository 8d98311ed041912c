/**
 * The construct side of the benchmark: every domain of the portfolio as a `MailConnectDomain`,
 * imported from the package root as an app would.
 */
import { TerraformStack } from "cdktf";
import { DnsZone, MailConnectDomain } from "../lib";
import { BenchDomain } from "./domain-fixtures";

/** Adds one `MailConnectDomain` per portfolio domain to `stack`. */
export function addConstructDomains(stack: TerraformStack, domains: readonly BenchDomain[]): void {
  for (const d of domains) {
    const zoneOptions = d.zoneId === undefined ? { zoneName: d.zoneName } : { zoneId: d.zoneId, zoneName: d.zoneName };
    new MailConnectDomain(stack, d.id, {
      domain: d.domain,
      product: d.product,
      zone: d.provider === "cloudflare" ? DnsZone.cloudflare(zoneOptions) : DnsZone.route53(zoneOptions),
      ...(d.extraTxt ? { extraTxt: d.extraTxt } : {}),
      ...(d.serverNames ? { serverNames: d.serverNames } : {}),
      ...(d.spfIp4 || d.spfInclude ? { spf: { ...(d.spfIp4 ? { ip4: d.spfIp4 } : {}), ...(d.spfInclude ? { include: d.spfInclude } : {}) } } : {}),
      ...(d.dmarcRua ? { dmarc: { rua: d.dmarcRua } } : {}),
      ...(d.dkimPublicKey ? { dkim: { publicKey: d.dkimPublicKey } } : {}),
      ...(d.ttl !== undefined ? { ttl: d.ttl } : {}),
      ...(d.securityGroupId ? { firewall: { securityGroupId: d.securityGroupId, ...(d.clientEgress ? { clientEgress: d.clientEgress } : {}) } } : {}),
    });
  }
}
