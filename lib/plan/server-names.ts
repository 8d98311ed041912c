/**
 * Own host names for mail clients (article: "Verwenden Sie stattdessen CNAME Einträge"):
 * CNAMEs inside the domain to mail-connect's certified server names, never address records.
 */
import * as net from "net";
import { MAIL_CONNECT } from "../mail-connect/mail-connect";
import { isWithinDomain, normaliseHostName } from "./host-names";
import { PlanContext, checkKnownKeys, objectOption } from "./plan-context";

/** The owner names each server name is checked against. */
export interface ReservedNames {
  readonly [name: string]: string;
}

/** A server name that passed: its FQDN and the mail-connect host it points to. */
export interface ServerNameParts {
  readonly purpose: "incoming" | "outgoing";
  readonly name: string;
  readonly target: string;
}

const TARGETS = { incoming: MAIL_CONNECT.incomingServer, outgoing: MAIL_CONNECT.outgoingServer } as const;

function resolveName(ctx: PlanContext, path: string, value: unknown): string | undefined {
  const fix = `Use a label such as "imap" or a host name that ends in ".${ctx.exampleDomain}".`;
  if (typeof value !== "string" || value.trim() === "") {
    ctx.fail(path, value, "must be a non-empty label or host name", fix);
    return undefined;
  }
  const bare = value.endsWith(".") ? value.slice(0, -1) : value;
  if (net.isIP(bare) !== 0 || net.isIP(bare.replace(/^\[|\]$/g, "")) !== 0) {
    ctx.fail(path, value, "must be a host name, not an IP address: mail-connect's IP addresses change without notice during maintenance or faults (article: \"auf keinen Fall unsere IP-Adressen verwenden\")", `${fix} It becomes a CNAME to ${TARGETS[path.endsWith("incoming") ? "incoming" : "outgoing"]}.`);
    return undefined;
  }
  // Compared in punycode, like the reserved names (`autoconfig.bücher.de` is `autoconfig.xn--bcher-kva.de`);
  // a name that conversion would alter (`imap?x`) is refused, never shortened.
  const checked = normaliseHostName(value, 1, true);
  if (!checked.ok) {
    ctx.fail(path, value, `must be a valid host name: it ${checked.rule}`, fix);
    return undefined;
  }
  return checked.ascii.includes(".") ? checked.ascii : `${checked.ascii}.${ctx.domain}`;
}

/** Checks `serverNames` and returns the CNAMEs to publish. */
export function buildServerNames(ctx: PlanContext, raw: unknown, reserved: ReservedNames): ServerNameParts[] {
  const options = objectOption(ctx, "serverNames", raw);
  checkKnownKeys(ctx, "serverNames", options, ["incoming", "outgoing"]);
  const result: ServerNameParts[] = [];
  for (const purpose of ["incoming", "outgoing"] as const) {
    const value = options[purpose];
    if (value === undefined) continue;
    const path = `serverNames.${purpose}`;
    const candidate = resolveName(ctx, path, value);
    if (candidate === undefined) continue;
    const clash = reserved[candidate] ?? result.find((r) => r.name === candidate)?.purpose;
    if (clash !== undefined) {
      const other = clash === "incoming" || clash === "outgoing" ? `serverNames.${clash}` : `the ${clash} record`;
      ctx.fail(path, value, `names ${ctx.domainKnown ? candidate : `"${String(value)}"`}, which is already used by ${other}`, "Choose another name, e.g. \"imap\" for incoming and \"smtp\" for outgoing.");
      continue;
    }
    const checked = normaliseHostName(candidate);
    if (!checked.ok) {
      ctx.fail(path, value, `must be a valid host name: it ${checked.rule}`, `Use a label such as "imap" or a host name that ends in ".${ctx.exampleDomain}".`);
      continue;
    }
    if (ctx.domainKnown && (!isWithinDomain(checked.ascii, ctx.domain) || checked.ascii === ctx.domain)) {
      ctx.fail(path, value, `must lie inside ${ctx.domain} (below it, not the domain itself)`, `Use a label such as "imap" or a host name that ends in ".${ctx.exampleDomain}".`);
      continue;
    }
    result.push({ purpose, name: checked.ascii, target: TARGETS[purpose] });
    ctx.warn("server-name-certificate", path, `${checked.ascii} is a CNAME to ${TARGETS[purpose]}, but mail clients will warn that its TLS certificate does not match ${checked.ascii}. The article recommends configuring clients with ${TARGETS[purpose]} directly.`);
  }
  return result;
}
