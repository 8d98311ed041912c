/**
 * The `network` prop: which peer networks the rules open, and how wide they may be.
 *
 * mail-connect's network is one IPv4 /26 (`80.254.138.128/26`); anything much wider opens
 * SMTP to strangers. Limits:
 * - IPv4: wider than /16 is refused, wider than /24 gives a warning.
 * - IPv6: wider than /32 is refused, wider than /48 gives a warning. A /48 is the smallest
 *   prefix routed on the internet and the usual size of one site (like an IPv4 /24); a /32 is
 *   the usual allocation of a whole provider (RIR minimum LIR allocation).
 * - `0.0.0.0/0` and `::/0` are refused with their own reason.
 */
import { Token } from "cdktf";
import { formatReason, ReasonCollector } from "../errors";
import { parseNetwork, ParsedNetwork } from "../plan/cidr";
import { MAIL_CONNECT } from "../mail-connect/mail-connect";

/** Networks wider than this prefix length (a smaller number) are refused. */
export const REFUSE_WIDER_THAN = { 4: 16, 6: 32 } as const;
/** Networks wider than this prefix length give a warning. */
export const WARN_WIDER_THAN = { 4: 24, 6: 48 } as const;

/** A checked, canonical peer network. */
export interface FirewallNetwork {
  /** The canonical CIDR, e.g. `80.254.138.128/26`. */
  readonly cidr: string;
  readonly family: 4 | 6;
  readonly prefix: number;
}

/** Advice that is not an error: a network that is allowed but wider than needed. */
export interface FirewallWarning {
  readonly path: string;
  /** The network the warning is about, canonical CIDR. */
  readonly cidr: string;
  /** The text of the cdktf warning annotation. */
  readonly message: string;
}

/** What `checkFirewallNetworks` accepted and what it advises. */
export interface CheckedNetworks {
  readonly networks: readonly FirewallNetwork[];
  readonly warnings: readonly FirewallWarning[];
}

const DEFAULT_TEXT = JSON.stringify(MAIL_CONNECT.network[0]);
const USE_DEFAULT = `Use mail-connect's network ${DEFAULT_TEXT}, or leave \`network\` out.`;

function checkOne(entry: unknown, path: string, reasons: ReasonCollector): ParsedNetwork | undefined {
  if (typeof entry === "string" && Token.isUnresolved(entry)) {
    reasons.add(path, entry, "must be a literal network, not a token (rule ids and checks need the value at synth)", `Write the network, e.g. ${DEFAULT_TEXT}.`);
    return undefined;
  }
  const parsed = typeof entry === "string" ? parseNetwork(entry) : undefined;
  if (parsed === undefined) {
    reasons.add(path, entry, "must be an IPv4 or IPv6 network in CIDR notation (address/prefix)", `Write e.g. ${DEFAULT_TEXT}.`);
    return undefined;
  }
  if (!parsed.hasPrefix) {
    const host = JSON.stringify(parsed.canonical);
    reasons.add(path, entry, "must have a prefix length (security-group rules take CIDR blocks)", `Write ${host} for this one host.`);
    return undefined;
  }
  if (parsed.prefix === 0) {
    reasons.add(path, entry, "must not be the whole internet (the rules exist to admit mail-connect only)", USE_DEFAULT);
    return undefined;
  }
  let ok = true;
  if (parsed.hostBitsSet) {
    reasons.add(path, entry, "must have its host bits zero (AWS wants the network address)", `Use ${JSON.stringify(parsed.canonical)}.`);
    ok = false;
  } else if (parsed.canonical !== entry) {
    reasons.add(path, entry, "must be written in canonical form (lowercase, compressed IPv6), so that equal networks compare equal", `Write ${JSON.stringify(parsed.canonical)}.`);
    ok = false;
  }
  const refusedBelow = REFUSE_WIDER_THAN[parsed.family];
  if (parsed.prefix < refusedBelow) {
    reasons.add(path, entry, `must not be wider than /${refusedBelow} for IPv${parsed.family}`, USE_DEFAULT);
    ok = false;
  }
  return ok ? parsed : undefined;
}

/**
 * Checks every entry of `network` (the path prefix) and returns the accepted networks in
 * the order given, plus a warning for each one wider than {@link WARN_WIDER_THAN}.
 */
export function checkFirewallNetworks(network: unknown, reasons: ReasonCollector, path = "network"): CheckedNetworks {
  if (!Array.isArray(network)) {
    reasons.add(path, network, "must be a list of networks", `Write e.g. [${DEFAULT_TEXT}], or leave \`network\` out.`);
    return { networks: [], warnings: [] };
  }
  if (network.length === 0) {
    reasons.add(path, network, "must list at least one network", `Leave \`network\` out to use mail-connect's network [${DEFAULT_TEXT}].`);
    return { networks: [], warnings: [] };
  }
  const networks: FirewallNetwork[] = [];
  const warnings: FirewallWarning[] = [];
  const firstIndex = new Map<string, number>();
  network.forEach((entry: unknown, index) => {
    const entryPath = `${path}[${index}]`;
    const earlier = typeof entry === "string" ? firstIndex.get(entry) : undefined;
    if (earlier !== undefined) {
      reasons.add(entryPath, entry, `duplicates ${path}[${earlier}] (AWS rejects a duplicate rule with InvalidPermission.Duplicate)`, "List each network once.");
      return;
    }
    if (typeof entry === "string") firstIndex.set(entry, index);
    const parsed = checkOne(entry, entryPath, reasons);
    if (parsed === undefined) return;
    networks.push({ cidr: parsed.canonical, family: parsed.family, prefix: parsed.prefix });
    const warnBelow = WARN_WIDER_THAN[parsed.family];
    if (parsed.prefix < warnBelow) {
      const message = formatReason({
        path: entryPath,
        value: entry,
        rule: `is wider than /${warnBelow} for IPv${parsed.family}, more than mail-connect needs`,
        fix: `mail-connect's network is ${DEFAULT_TEXT}; narrow it unless you know why you need more.`,
      });
      warnings.push({ path: entryPath, cidr: parsed.canonical, message });
    }
  });
  return { networks, warnings };
}
