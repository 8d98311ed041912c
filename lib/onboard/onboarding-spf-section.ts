/**
 * The apex TXT set: the SPF record (every sender kept, mail-connect's include added, lookups
 * counted through the includes the reader followed) and the other TXT values (kept as
 * `extraTxt`).
 */
import { MAIL_CONNECT } from "../mail-connect/mail-connect";
import { PlannedRecord } from "../plan/record-plan";
import { isSpfText } from "../plan/txt-strings";
import { SPF_LOOKUP_LIMIT, SPF_VOID_LOOKUP_LIMIT, countSpfLookupsFrom } from "../verify/spf-lookups";
import { belongsToOldHost } from "./old-mail-host";
import { listText } from "./onboarding-builder";
import { OnboardingContext, actionFor, plannedRecord, presentValues, unreadNote } from "./onboarding-context";
import { RemovedOption } from "./onboarding-options";
import { OnboardingSpf } from "./onboarding-plan";

/** How many of the most expensive terms a lookup-limit risk names. */
const COSTLIEST = 3;

/** The SPF record now and after, its risks, and its lookup count. */
export function spfSection(ctx: OnboardingContext, records: readonly PlannedRecord[], removed: readonly RemovedOption[]): OnboardingSpf {
  const { domain, answers, b, spf, old } = ctx;
  const rec = plannedRecord(records, "spf")!;
  const planned = presentValues(rec);
  const current = answers.values(domain, "TXT").filter(isSpfText);
  const action = actionFor("TXT", current, planned);
  const oldTerms = spf.kept.filter((t) => t.target !== undefined && belongsToOldHost(old, t.target, "spf"));
  const others = spf.kept.filter((t) => !oldTerms.includes(t));
  const termOf = (entry: string): string => entry.split(" (")[0];
  const noAll = current.length > 0 && !current.some((text) => /\s(?:[+?~-]?all|redirect=\S+)(?:\s|$)/i.test(text));
  const parts = [
    ...(others.length > 0 ? [`kept: ${others.map((t) => t.term).join(" ")}`] : []),
    ...(oldTerms.length > 0 ? [`kept until the old host stops sending: ${oldTerms.map((t) => t.term).join(" ")}`] : []),
    ...(spf.hasMailConnect ? [] : [`added: include:${MAIL_CONNECT.spfInclude}`]),
    ...(noAll ? ['no "all" term today: ?all is written, which gives the same neutral result'] : []),
    ...(spf.plusAll ? ["+all becomes ?all, see the risks"] : []),
    ...(spf.refused.length > 0 ? [`cannot be kept, see the risks: ${spf.refused.map((r) => r.term).join(" ")}`] : []),
    ...(spf.dropped.length > 0 ? [`left out, they change no result: ${spf.dropped.map(termOf).join(" ")}`] : []),
    ...spf.notes,
  ];
  const note = parts.length > 0 ? parts.join("; ") : action === "replace" ? "the same terms, written in the library's order and form" : "";
  b.change({ purpose: "spf", name: domain, type: "TXT", current, planned, action, ...(note !== "" && action !== "unchanged" ? { note } : {}), ...unreadNote(ctx, domain, "TXT") });

  for (const r of spf.refused) {
    b.risk("spf-term-not-kept", "blocking", `The SPF term "${r.term}" cannot be kept: it ${r.why}. Mail from that sender would stop passing SPF.`, `Before the switch, change or remove "${r.term}" in the live SPF record of ${domain}. ${r.fix} Then run onboard again: once the term is gone the plan is ready.`);
  }
  if (spf.dropped.length > 0) {
    b.risk("spf-term-dropped", "info", `SPF terms left out (they change no SPF result): ${listText(spf.dropped)}.`, "Nothing to do.");
  }
  if (spf.plusAll) {
    b.risk("spf-plus-all", "blocking", `The SPF record of ${domain} ends in +all today: every server on the internet may send as ${domain}. The plan never publishes +all and writes ?all instead, so servers that are not listed stop passing SPF.`, "Before the switch, list every server that really sends as the domain in the live SPF record and change its +all to ~all or -all, then run onboard again: once the record no longer ends in +all the plan is ready.");
  }
  if (spf.records > 1) {
    b.risk("multiple-spf", "warning", `${domain} has ${spf.records} SPF records today, which makes SPF fail (permerror) for every message (RFC 7208 §3.2). The plan merges their terms into one record, with the most lenient "all" of them.`, "Check the merged SPF record.");
  }
  if (oldTerms.length > 0 || (spf.kept.some((t) => t.option === "mx") && old !== undefined)) {
    const mxTerm = spf.kept.some((t) => t.option === "mx") && old !== undefined;
    const terms = oldTerms.map((t) => t.term);
    b.risk("old-host-spf", "warning",
      `${terms.length > 0 ? `${listText(terms)} belong${terms.length === 1 ? "s" : ""} to the old host (${old!.host.name}) and ${terms.length === 1 ? "is" : "are"} kept at the switch, so that mail still leaving through it during the move passes SPF.` : ""}${mxTerm ? `${terms.length > 0 ? " " : ""}The "mx" term authorises the domain's MX hosts: today ${listText(old!.mxHosts)}, after the switch ${MAIL_CONNECT.mx.exchange}; a server that sends through the old MX hosts no longer passes SPF through it.` : ""}`,
      `${terms.length > 0 ? `After the switch, once no mail leaves through ${old!.host.name} (mailboxes moved, devices, scanners and apps reconfigured), remove ${listText(terms)} from spf.include and deploy again.` : ""}${mxTerm ? `${terms.length > 0 ? " " : ""}If a server still sends through the old MX hosts, list its addresses in spf.ip4 / spf.ip6 before the switch.` : ""}`);
    if (terms.length > 0) b.step("after", "after the switch", `Once no mail leaves through ${old!.host.name}: remove ${listText(terms)} from the SPF options and deploy again.`);
  }
  return countLookups(ctx, planned[0], removed);
}

/** Counts the planned record's lookups with the answers read (and the includes the planner had to leave out, which the user still needs). */
function countLookups(ctx: OnboardingContext, plannedText: string, removed: readonly RemovedOption[]): OnboardingSpf {
  const { domain, answers, b } = ctx;
  const over = removed.filter((r) => r.from === "spf.include" && r.path === "spf" && r.rule.includes("DNS lookups")).map((r) => `include:${String(r.removed)}`);
  const text = over.length > 0 ? plannedText.replace(/ (\S+)$/, ` ${over.join(" ")} $1`) : plannedText;
  const unread: string[] = [];
  const count = countSpfLookupsFrom(domain, text, (name, type) => {
    const result = answers.lookup(name, type);
    if (type === "TXT" && result.status === "error" && !unread.includes(name)) unread.push(name);
    return result;
  });
  const cost = (entry: string): number => Number(entry.slice(entry.lastIndexOf(" ") + 1));
  const breakdown = count.breakdown.map((entry, i) => ({ entry, i })).sort((x, y) => cost(y.entry) - cost(x.entry) || x.i - y.i).map(({ entry }) => entry);
  if (count.count > SPF_LOOKUP_LIMIT || count.truncated) {
    b.risk("spf-lookup-limit", "blocking",
      `The planned SPF record costs ${count.truncated ? "more than " : ""}${count.count} DNS lookups; receivers allow ${SPF_LOOKUP_LIMIT} and return permerror beyond (RFC 7208 §4.6.4), so SPF would fail for every sender. The most expensive terms: ${listText(breakdown.slice(0, COSTLIEST))}.${over.length > 0 ? ` The options leave out ${listText(over)} until it fits.` : ""}`,
      "Before the switch, in the live SPF record, replace the most expensive includes with the senders' ip4:/ip6: networks (ask each sender which addresses it uses), or drop senders that no longer send as the domain; then run onboard again.");
  }
  const permerrors = [...count.problems, ...(count.voidLookups > SPF_VOID_LOOKUP_LIMIT ? [`${count.voidLookups} lookups return no records (${listText(count.voidTerms)}); receivers allow ${SPF_VOID_LOOKUP_LIMIT}`] : [])];
  if (permerrors.length > 0) {
    b.risk("spf-permerror", "blocking", `The planned SPF record would fail with permerror for every message: ${listText(permerrors)}.`, "Before the switch, remove or fix the terms named in the live SPF record (an include of a domain without an SPF record, a loop), then run onboard again.");
  }
  if (unread.length > 0) {
    b.risk("spf-unread", "warning", `The SPF records of ${listText(unread)} could not be read, so the lookup count (${count.count}) is incomplete.`, "Run onboard again when they can be read, or check the count after the deploy with verify.");
  }
  return { text, lookups: count.count, limit: SPF_LOOKUP_LIMIT, breakdown, unread };
}

/** The other TXT values at the apex (site verifications): kept as extraTxt. */
export function textSection(ctx: OnboardingContext, records: readonly PlannedRecord[], wanted: readonly string[]): void {
  if (wanted.length === 0) return;
  const rec = plannedRecord(records, "text");
  const planned = rec !== undefined ? presentValues(rec) : [];
  const keptAll = planned.length === wanted.length;
  ctx.b.change({ purpose: "text", name: ctx.domain, type: "TXT", current: wanted, planned, action: keptAll ? "unchanged" : "replace", note: keptAll ? "kept: the other TXT values at the domain, such as site verifications" : "kept except the values named in the risks" });
}
