/**
 * `--authoritative`: the name servers of the zone that holds a domain, found through the
 * recursive resolver: the NS set of the domain or of its closest parent that has one (a
 * domain like `news.my-company.com` lives in `my-company.com`'s zone), each name server's
 * address (A, else AAAA) unless `--nameserver NAME=IP[:PORT]` gives it.
 */
import { DnsServer } from "./dns-query";
import { DnsLookup } from "./live-dns";
import { serverAddress } from "./resolver-address";

/** The zone and its name servers, or why they could not be found. */
export type ZoneServers =
  | { readonly ok: true; readonly zone: string; readonly servers: readonly DnsServer[]; readonly unreachable: readonly string[] }
  | { readonly ok: false; readonly problem: string };

/** Finds the zone's name servers; `overrides` maps a name server's name to its address. */
export async function findZoneServers(recursive: DnsLookup, domain: string, overrides: ReadonlyMap<string, { host: string; port: number }>): Promise<ZoneServers> {
  const labels = domain.split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    const zone = labels.slice(i).join(".");
    const ns = await recursive.lookup(zone, "NS");
    if (ns.status === "error") return { ok: false, problem: `could not find the name servers of ${domain}: ${zone} NS: ${ns.message}` };
    if (ns.status !== "found" || ns.via !== undefined) continue;
    const names = [...new Set(ns.rdata.map((n) => n.replace(/\.$/, "")))].sort();
    const servers: DnsServer[] = [];
    const unreachable: string[] = [];
    for (const name of names) {
      const given = overrides.get(name);
      if (given !== undefined) {
        servers.push({ ...given, label: `${name} (${serverAddress(given.host, given.port)})` });
        continue;
      }
      let address: string | undefined;
      for (const type of ["A", "AAAA"] as const) {
        const answer = await recursive.lookup(name, type);
        if (answer.status === "found") {
          address = answer.rdata[0];
          break;
        }
      }
      if (address === undefined) unreachable.push(name);
      else servers.push({ host: address, port: 53, label: `${name} (${address})` });
    }
    if (servers.length === 0) return { ok: false, problem: `the name servers of ${zone} (${names.join(", ")}) have no address the recursive resolver knows; give each one's address with --nameserver ${names[0]}=IP[:PORT]` };
    return { ok: true, zone, servers, unreachable };
  }
  return { ok: false, problem: `found no NS records for ${domain} or a parent zone through the recursive resolver` };
}
