/**
 * The benchmark's domains: a deterministic, mixed agency portfolio. Half Cloudflare, half
 * Route53; all four products; some zones given by id, some looked up by name; some domains
 * with extra TXT values, own server names, SPF senders, DMARC reports, a TTL; SECGATE domains
 * and some PRO domains with firewall rules on shared security groups. Both the construct side
 * and the baseline side build their stacks from this one list, so they describe the same
 * records.
 */
import type { MailConnectProduct } from "../lib/mail-connect/options";

/** One domain of the portfolio, in provider-neutral terms. */
export interface BenchDomain {
  /** Construct id of the domain (and of the baseline's plain scope construct). */
  readonly id: string;
  readonly domain: string;
  readonly product: MailConnectProduct;
  readonly provider: "cloudflare" | "route53";
  /** Literal zone id; undefined when the zone is looked up by `zoneName`. */
  readonly zoneId?: string;
  /** The zone's apex name (always given: with a literal id it is only checked). */
  readonly zoneName: string;
  readonly extraTxt?: readonly string[];
  readonly serverNames?: { readonly incoming: string; readonly outgoing: string };
  readonly spfIp4?: readonly string[];
  readonly spfInclude?: readonly string[];
  readonly dmarcRua?: readonly string[];
  readonly ttl?: number;
  /** Firewall rules on this security group (SMTP ingress for SECGATE, client egress otherwise). */
  readonly securityGroupId?: string;
  /** A DKIM key of mail-connect's choosing (2048-bit RSA: its TXT text needs two character-strings). */
  readonly dkimPublicKey?: string;
  /** Client egress services for non-SECGATE domains with a firewall. */
  readonly clientEgress?: readonly ("imaps" | "submission")[];
}

/** A 2048-bit RSA public key (SubjectPublicKeyInfo, base64), made with openssl for this benchmark. */
export const BENCH_DKIM_2048 =
  "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1htgcUjG0Lrqx2MBRlZRcz2MxLHzvaloNFfnE29ydcFlJ/6qSCv0lRZdhu4xssLPy0gSY8+XQBI0jDgkGhZ/2g19br+a5Ip0X/exkcWtPLOFMSnhQwmue7a5/8fN4NpQWBanTpZP+moYuvhh9fB1SFadp1w3/tpZ1x4UYGrV+arP8AbD4BkcpiTw4SqhjJat1zFP1v+5ZMQxLMIh8DIr52TRuU1knrDWhzi+f3yN1MsR0PcJpczx9GwpyimZQA76OtVZIlnAlGB/9zu3ue7gpsb7r2YrZ0Z1TBcQ4pAaAfzvxzN2q0sdhPrJBBHl+3+51P80IeImwDafe3Fgo5MT0QIDAQAB";

const PRODUCTS: readonly MailConnectProduct[] = ["pro", "team", "secgate", "mailing"];

/** `digits` pseudo-random lowercase hex digits, a pure function of `value` (mulberry32). */
function hex(value: number, digits: number): string {
  let state = (value * 2654435761) >>> 0;
  let text = "";
  while (text.length < digits) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    text += (((t ^ (t >>> 14)) >>> 0) % 16).toString(16);
  }
  return text;
}

/** The portfolio of `count` domains; the same `count` always gives the same list. */
export function benchDomains(count: number): BenchDomain[] {
  const domains: BenchDomain[] = [];
  for (let i = 0; i < count; i += 1) {
    const provider = i % 2 === 0 ? "cloudflare" : "route53";
    const product = PRODUCTS[Math.floor(i / 2) % PRODUCTS.length];
    const apex = `kunde-${i}.de`;
    // MAILING on a subdomain of the customer's zone; every other one looked up by name.
    const domain = product === "mailing" ? `news.${apex}` : apex;
    const lookup = i % 5 === 1 || (product === "mailing" && i % 4 === 3);
    const zoneId = lookup ? undefined : provider === "cloudflare" ? hex(i, 32) : `Z${hex(i, 20).toUpperCase()}`;
    const withFirewall = product === "secgate" || (product === "pro" && i % 6 === 0);
    domains.push({
      id: `domain-${i}`,
      domain,
      product,
      provider,
      zoneId,
      zoneName: apex,
      ...(i % 3 === 0 ? { extraTxt: [`google-site-verification=${hex(i, 43)}`, ...(i % 9 === 0 ? [`ms=ms${hex(i + 7, 8)}`] : [])] } : {}),
      // Server names are for PRO and TEAM mailboxes; the planner refuses them for SECGATE and MAILING.
      ...((product === "pro" || product === "team") && i % 7 === 0 ? { serverNames: { incoming: "imap", outgoing: "smtp" } } : {}),
      ...(i % 4 === 2 ? { spfIp4: [`203.0.113.${i % 250}`] } : {}),
      ...(i % 10 === 3 ? { spfInclude: ["spf.protection.outlook.com"] } : {}),
      ...(i % 5 === 4 ? { dmarcRua: [`dmarc@${apex}`] } : {}),
      ...(i % 11 === 5 ? { ttl: 300 } : {}),
      ...(i % 13 === 4 ? { dkimPublicKey: BENCH_DKIM_2048 } : {}),
      // Several domains per security group: the firewall is shared per group.
      ...(withFirewall ? { securityGroupId: `sg-${hex(Math.floor(i / 8), 17)}` } : {}),
      ...(withFirewall && product === "pro" ? { clientEgress: ["imaps", "submission"] as const } : {}),
    });
  }
  return domains;
}
