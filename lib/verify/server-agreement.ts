/**
 * `--authoritative` checks every row once per name server of the zone; this merges the
 * per-server rows into one: the same answer everywhere gives one row, a disagreement gives
 * the worst status with each server's view (`ns2.firma.de serves "v=spf1 ... -all"`), so a
 * stale secondary or a provider still propagating is named.
 */
import { VerifyCheck, VerifyServerView, VerifyStatus } from "./verify-report";

/** The rows one server gave (every server's list has the same rows in the same order). */
export interface ServerRows {
  readonly server: string;
  readonly checks: readonly VerifyCheck[];
}

const SEVERITY: Record<VerifyStatus, number> = { ok: 0, skipped: 0, mismatch: 1, error: 2 };

function view(server: string, check: VerifyCheck): VerifyServerView {
  return { server, status: check.status, found: check.found, ...(check.hint !== undefined ? { hint: check.hint } : {}), ...(check.note !== undefined ? { note: check.note } : {}) };
}

function sameAnswer(a: VerifyCheck, b: VerifyCheck): boolean {
  return a.status === b.status && JSON.stringify(a.found) === JSON.stringify(b.found) && a.hint === b.hint;
}

/** What a group of servers serves, with the verb for one or several servers. */
function what(check: VerifyCheck, several: boolean): string {
  const serve = several ? "serve" : "serves";
  if (check.status === "ok") return `${serve} the expected record`;
  if (check.status === "error") return `could not be asked (${check.hint?.replace(/^Could not check: /, "").replace(/\.$/, "") ?? "error"})`;
  return check.found.length > 0 ? `${serve} ${check.found.join(", ")}` : `${serve} nothing here`;
}

/** Why servers may disagree, with their SOA serials when they are known and differ. */
function likelyCause(serials: ReadonlyMap<string, number>): string {
  const known = [...serials];
  const serialText = known.length > 1 && new Set(known.map(([, n]) => n)).size > 1 ? `SOA serials: ${known.map(([server, n]) => `${server} ${n}`).join(", ")}` : "compare the SOA serials";
  return `A secondary that missed the last change (${serialText}), or a provider still propagating.`;
}

/** One row per check from every server's rows; `serials` are the zone's SOA serials by server, where known. */
export function mergeServerRows(perServer: readonly ServerRows[], serials: ReadonlyMap<string, number> = new Map()): VerifyCheck[] {
  if (perServer.length === 1) return [...perServer[0].checks];
  return perServer[0].checks.map((first, index) => {
    const rows = perServer.map((s) => ({ server: s.server, check: s.checks[index] }));
    if (rows.every((r) => sameAnswer(r.check, first))) {
      const notes = [...new Set(rows.map((r) => r.check.note).filter((n): n is string => n !== undefined))];
      if (notes.length <= 1) return first;
      const note = rows.filter((r) => r.check.note !== undefined).map((r) => `${r.server}: ${r.check.note}`).join("; ");
      return { ...first, note, servers: rows.map((r) => view(r.server, r.check)) };
    }
    const worst = rows.reduce((w, r) => (SEVERITY[r.check.status] > SEVERITY[w.check.status] ? r : w), rows[0]);
    const groups = new Map<string, { servers: string[]; check: VerifyCheck }>();
    for (const r of rows) {
      const key = JSON.stringify([r.check.status, r.check.found]);
      const group = groups.get(key) ?? { servers: [], check: r.check };
      group.servers.push(r.server);
      groups.set(key, group);
    }
    const views = [...groups.values()].map((g) => `${g.servers.join(" and ")} ${what(g.check, g.servers.length > 1)}`);
    const disagreement = `The zone's name servers disagree: ${views.join("; ")}. ${likelyCause(serials)}`;
    const status: VerifyStatus = worst.check.status === "ok" || worst.check.status === "skipped" ? "mismatch" : worst.check.status;
    // A check one server could not answer keeps that reason as its hint (the run's problem list groups by it).
    const hint = worst.check.status === "error" ? worst.check.hint : worst.check.hint !== undefined && worst.check.status !== "ok" ? `${disagreement} ${worst.server}: ${worst.check.hint}` : disagreement;
    return { ...worst.check, status, ...(hint !== undefined ? { hint } : {}), servers: rows.map((r) => view(r.server, r.check)) };
  });
}
