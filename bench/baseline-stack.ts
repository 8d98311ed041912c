/**
 * The baseline side of the benchmark: the same Terraform resources as `construct-stack.ts`,
 * written directly with the provider classes (deep imports), plain `Construct` scopes with the
 * same ids (so addresses match), literal strings, and no planner, validation, annotation or
 * stack-wide check. The benchmark checks once per N that both stacks synthesize to the same
 * JSON, so the ratio measures the construct's own cost and nothing else.
 */
import { createHash } from "crypto";
import { DataAwsRoute53Zone } from "@cdktf/provider-aws/lib/data-aws-route53-zone";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { DataCloudflareZone } from "@cdktf/provider-cloudflare/lib/data-cloudflare-zone";
import { DnsRecord } from "@cdktf/provider-cloudflare/lib/dns-record";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { BenchDomain } from "./domain-fixtures";

const DEFAULT_DKIM_KEY =
  "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDCdG1MYcrYYxCb3fcCSfgs6GyprlkaKNJ1qCsru1B0/ndQD7iLFECzU2UPGXlSsevM56HxvAQNodjA0zvyrPbAKKdStEeLj1IbySxUoqRjCQOviLS4SI8duVtTd53kum1ugvQtGd7byj6THGkIvJEpI22QzhF2uMfh9ijCiesjAQIDAQAB";
const NETWORK = "80.254.138.128/26";
const NETWORK_SLUG = "80_254_138_128-26";

/** One record before rendering: name, type, TTL and its TXT texts or literal value. */
interface Txt {
  readonly id: string;
  readonly name: string;
  readonly texts: readonly string[];
}

/** 255-character chunks (the texts here are ASCII). */
function chunks(text: string): string[] {
  const parts: string[] = [];
  for (let start = 0; start < text.length; start += 255) parts.push(text.slice(start, start + 255));
  return parts;
}

function spfText(d: BenchDomain): string {
  const ip4 = (d.spfIp4 ?? []).map((address) => `ip4:${address} `).join("");
  const include = (d.spfInclude ?? []).map((domain) => ` include:${domain}`).join("");
  return `v=spf1 ${ip4}include:_spf.mail-connect.net${include} ?all`;
}

function dmarcText(d: BenchDomain): string {
  const rua = d.dmarcRua === undefined ? "" : ` rua=${d.dmarcRua.map((address) => `mailto:${address}`).join(",")};`;
  return `v=DMARC1; p=quarantine;${rua} ruf=mailto:postmaster@${d.domain};`;
}

/** The stack-level helpers the construct shares between domains: zone lookups and firewalls. */
class Shared {
  private readonly zones = new Map<string, string>();
  private readonly firewalls = new Map<string, { scope: Construct; rules: Set<string> }>();

  constructor(private readonly stack: TerraformStack) {}

  public zoneId(d: BenchDomain): string {
    if (d.zoneId !== undefined) return d.zoneId;
    const id = `mail-connect-zone_${d.provider}_${d.zoneName.replace(/\./g, "_")}`;
    let zoneId = this.zones.get(id);
    if (zoneId === undefined) {
      zoneId =
        d.provider === "cloudflare"
          ? new DataCloudflareZone(this.stack, id, { filter: { name: d.zoneName } }).zoneId
          : new DataAwsRoute53Zone(this.stack, id, { name: d.zoneName }).zoneId;
      this.zones.set(id, zoneId);
    }
    return zoneId;
  }

  public firewall(securityGroupId: string, ingress: boolean, egress: readonly ("imaps" | "submission")[]): void {
    let firewall = this.firewalls.get(securityGroupId);
    if (firewall === undefined) {
      firewall = { scope: new Construct(this.stack, `mail-connect-firewall-${securityGroupId}`), rules: new Set() };
      this.firewalls.set(securityGroupId, firewall);
    }
    const rules: [string, "in" | "out", number, string][] = [];
    if (ingress) rules.push(["smtp", "in", 25, "SMTP"]);
    for (const service of egress) rules.push(service === "imaps" ? ["imaps", "out", 993, "IMAPS"] : ["submission", "out", 587, "SMTP submission"]);
    for (const [service, direction, port, label] of rules) {
      const id = `${service}-${direction}-${port}-${NETWORK_SLUG}`;
      if (firewall.rules.has(id)) continue;
      firewall.rules.add(id);
      const config = {
        securityGroupId,
        ipProtocol: "tcp",
        fromPort: port,
        toPort: port,
        cidrIpv4: NETWORK,
        description: `Allow ${label} ${port}/tcp ${direction === "in" ? "from" : "to"} mail-connect ${NETWORK}`,
      };
      if (direction === "in") new VpcSecurityGroupIngressRule(firewall.scope, id, config);
      else new VpcSecurityGroupEgressRule(firewall.scope, id, config);
    }
  }
}

function addCloudflareDomain(scope: Construct, d: BenchDomain, zoneId: string, ttl: number, txt: readonly Txt[]): void {
  const base = { zoneId, ttl, proxied: false };
  new DnsRecord(scope, "mx", { ...base, name: d.domain, type: "MX", content: "mx.mail-connect.net", priority: 10 });
  if (d.product === "pro") {
    new DnsRecord(scope, "autoconfig", { ...base, name: `autoconfig.${d.domain}`, type: "CNAME", content: "autoconfig.mail-connect.net" });
    new DnsRecord(scope, "autodiscover", {
      ...base,
      name: `_autodiscover._tcp.${d.domain}`,
      type: "SRV",
      data: { priority: 1, weight: 100, port: 443, target: "autodiscover.mail-connect.net" },
      priority: 1,
    });
  }
  for (const record of txt) {
    for (const text of record.texts) {
      const id = record.id === "text" ? `text-${createHash("sha256").update(text, "utf8").digest("hex").slice(0, 8)}` : record.id;
      new DnsRecord(scope, id, { ...base, name: record.name, type: "TXT", content: chunks(text).map((chunk) => `"${chunk}"`).join(" ") });
    }
  }
  if (d.serverNames) {
    new DnsRecord(scope, "incoming", { ...base, name: `${d.serverNames.incoming}.${d.domain}`, type: "CNAME", content: "posteingang.mail-connect.net" });
    new DnsRecord(scope, "outgoing", { ...base, name: `${d.serverNames.outgoing}.${d.domain}`, type: "CNAME", content: "postausgang.mail-connect.net" });
  }
}

function addRoute53Domain(scope: Construct, d: BenchDomain, zoneId: string, ttl: number, txt: readonly Txt[]): void {
  const base = { zoneId, ttl };
  new Route53Record(scope, "mx", { ...base, name: d.domain, type: "MX", records: ["10 mx.mail-connect.net."] });
  if (d.product === "pro") {
    new Route53Record(scope, "autoconfig", { ...base, name: `autoconfig.${d.domain}`, type: "CNAME", records: ["autoconfig.mail-connect.net."] });
    new Route53Record(scope, "autodiscover", { ...base, name: `_autodiscover._tcp.${d.domain}`, type: "SRV", records: ["1 100 443 autodiscover.mail-connect.net."] });
  }
  // SPF and the extra TXT values share the apex TXT set, named `spf`.
  const apex = txt.filter((record) => record.name === d.domain).flatMap((record) => record.texts);
  new Route53Record(scope, "spf", { ...base, name: d.domain, type: "TXT", records: apex.map((text) => chunks(text).join('""')) });
  for (const record of txt.filter((r) => r.name !== d.domain)) {
    new Route53Record(scope, record.id, { ...base, name: record.name, type: "TXT", records: record.texts.map((text) => chunks(text).join('""')) });
  }
  if (d.serverNames) {
    new Route53Record(scope, "incoming", { ...base, name: `${d.serverNames.incoming}.${d.domain}`, type: "CNAME", records: ["posteingang.mail-connect.net."] });
    new Route53Record(scope, "outgoing", { ...base, name: `${d.serverNames.outgoing}.${d.domain}`, type: "CNAME", records: ["postausgang.mail-connect.net."] });
  }
}

/** Adds the portfolio's resources to `stack` directly, as the construct would. */
export function addBaselineDomains(stack: TerraformStack, domains: readonly BenchDomain[]): void {
  const shared = new Shared(stack);
  for (const d of domains) {
    const scope = new Construct(stack, d.id);
    const zoneId = shared.zoneId(d);
    const ttl = d.ttl ?? 3600;
    const txt: Txt[] = [
      { id: "spf", name: d.domain, texts: [spfText(d)] },
      ...(d.extraTxt ? [{ id: "text", name: d.domain, texts: d.extraTxt }] : []),
      { id: "dkim", name: `mail-connect._domainkey.${d.domain}`, texts: [`v=DKIM1; k=rsa; p=${d.dkimPublicKey ?? DEFAULT_DKIM_KEY}`] },
      { id: "dmarc", name: `_dmarc.${d.domain}`, texts: [dmarcText(d)] },
    ];
    if (d.provider === "cloudflare") addCloudflareDomain(scope, d, zoneId, ttl, txt);
    else addRoute53Domain(scope, d, zoneId, ttl, txt);
    if (d.securityGroupId !== undefined) shared.firewall(d.securityGroupId, d.product === "secgate", d.clientEgress ?? []);
  }
}
