/**
 * Applying synthesized hashicorp/dns record sets to a real server the way the provider does
 * it (hashicorp/terraform-provider-dns v3.4.3, `resource_dns_*_record_set.go` Create): one
 * TSIG-signed RFC 2136 UPDATE per resource, adding each value as `<fqdn> <ttl> <TYPE> <rdata>`,
 * sent with `nsupdate -y hmac-sha256:<name>:<secret>` (bind9-dnsutils). The provider builds
 * each TXT as `"<text>"` and miekg/dns splits it into 255-byte character-strings; nsupdate
 * does not split, so a long text is sent as `"c1" "c2"` — what the provider puts on the wire.
 * Written from the provider's source, independently of lib/providers.
 */
import { spawnSync } from "child_process";
import { DnsEndpoint } from "./bind-query";
import { TsigKey } from "./bind-server";

type Resources = Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined>>;

/** Terraform's template escapes undone: `$${` → `${`, `%%{` → `%{`. */
function untemplate(value: string): string {
  return value.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
}

/** `text` as the provider sends it: quoted 255-byte character-strings. */
function wireTxt(text: string): string {
  const chunks: string[] = [];
  for (let i = 0; i < text.length || chunks.length === 0; i += 255) chunks.push(text.slice(i, i + 255));
  return chunks.map((chunk) => `"${chunk}"`).join(" ");
}

/** The `update add` (or `update delete`) lines of one resource's values, as the provider's Create (Update) sends them. */
function addLines(type: string, r: Readonly<Record<string, unknown>>, verb: "add" | "delete" = "add"): string[] {
  const zone = String(r.zone);
  // resourceFQDN_framework: name + "." + zone, or the zone itself without a name.
  const fqdn = r.name === undefined ? zone : `${String(r.name)}.${zone}`;
  const ttl = r.ttl === undefined ? 3600 : Number(r.ttl);
  const add = (rrtype: string, rdata: string) => (verb === "add" ? `update add ${fqdn} ${ttl} ${rrtype} ${rdata}` : `update delete ${fqdn} ${rrtype} ${rdata}`);
  const rows = (key: string) => (r[key] as readonly Record<string, unknown>[]) ?? [];
  switch (type) {
    case "dns_mx_record_set":
      return rows("mx").map((mx) => add("MX", `${String(mx.preference)} ${String(mx.exchange)}`));
    case "dns_srv_record_set":
      return rows("srv").map((srv) => add("SRV", `${String(srv.priority)} ${String(srv.weight)} ${String(srv.port)} ${String(srv.target)}`));
    case "dns_cname_record":
      return [add("CNAME", String(r.cname))];
    case "dns_txt_record_set":
      return (r.txt as readonly string[]).map((text) => add("TXT", wireTxt(untemplate(text))));
    default:
      return [];
  }
}

/** The nsupdate script that creates every hashicorp/dns resource in `resources`: one UPDATE message per resource. */
export function createScript(resources: Resources, server: DnsEndpoint): string {
  const lines = [`server ${server.host} ${server.port}`];
  for (const [type, byName] of Object.entries(resources)) {
    for (const r of Object.values(byName ?? {})) {
      lines.push(`zone ${String(r.zone)}`, ...addLines(type, r), "send");
    }
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The nsupdate script that changes `before` into `after` for every resource whose values
 * changed, as the provider's Update does: in one message, every old value is removed by its
 * wire form and every new value added (`resource_dns_txt_record_set.go` Update; its loops
 * never skip a value both sides share, so all are removed and re-added).
 */
export function updateScript(before: Resources, after: Resources, server: DnsEndpoint): string {
  const lines = [`server ${server.host} ${server.port}`];
  for (const [type, byName] of Object.entries(after)) {
    for (const [id, r] of Object.entries(byName ?? {})) {
      const old = before[type]?.[id];
      if (old === undefined || JSON.stringify(old) === JSON.stringify(r)) continue;
      lines.push(`zone ${String(r.zone)}`, ...addLines(type, old, "delete"), ...addLines(type, r), "send");
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Runs `script` through nsupdate, TSIG-signed with `key`. */
export function runNsupdate(script: string, key: TsigKey): void {
  const run = spawnSync("nsupdate", ["-y", `hmac-sha256:${key.name}:${key.secret}`], { input: script, encoding: "utf8", timeout: 30000 });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`nsupdate failed (exit ${run.status}): ${run.stdout}${run.stderr}\n--- script ---\n${script}`);
}
