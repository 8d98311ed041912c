/**
 * The sections of `planOnboarding`, one per kind of record: each compares the live values with
 * the planned ones, adds the change, and names the risks and steps of the switch.
 */
import { MAIL_CONNECT } from "../mail-connect/mail-connect";
import { ServerNamesOptions } from "../mail-connect/options";
import { PlannedRecord } from "../plan/record-plan";
import { dmarcChangeNote } from "./dmarc-change-note";
import { isDmarcText, policyRank } from "./dmarc-merge";
import { LiveAnswers } from "./live-answers";
import { FoundSelector, belongsToOldHost, isOldHostSelector, mxHostsOf } from "./old-mail-host";
import { durationText, listText } from "./onboarding-builder";
import { OLD_SELECTOR_DAYS, OnboardingContext, SWITCH_TTL, actionFor, plannedRecord as record, presentValues, unreadNote } from "./onboarding-context";
import { RemovedOption } from "./onboarding-options";
import { OnboardingAction } from "./onboarding-plan";
import { CLIENT_HOST_LABELS, KNOWN_DKIM_SELECTORS } from "./onboarding-questions";

/** DKIM selectors found besides mail-connect's (the common senders' selectors, asked by name). */
export function findSelectors(answers: LiveAnswers, domain: string): FoundSelector[] {
  const found: FoundSelector[] = [];
  for (const selector of KNOWN_DKIM_SELECTORS.filter((s) => s !== MAIL_CONNECT.dkimSelector)) {
    const name = `${selector}._domainkey.${domain}`;
    const cname = answers.values(name, "CNAME")[0]?.replace(/\.$/, "");
    const txt = answers.values(name, "TXT");
    if (cname !== undefined || txt.length > 0) found.push({ selector, name, ...(cname !== undefined ? { cname } : {}), txt });
  }
  return found;
}

/** MX: the old hosts go, `10 mx.mail-connect.net.` comes; the switch reroutes all incoming mail. */
export function mxSection(ctx: OnboardingContext, records: readonly PlannedRecord[]): void {
  const { domain, answers, b, old } = ctx;
  const mx = record(records, "mx")!;
  const current = answers.values(domain, "MX");
  const planned = presentValues(mx);
  const action = actionFor("MX", current, planned);
  const others = mxHostsOf(current).filter((h) => h !== MAIL_CONNECT.mx.exchange);
  const note = old !== undefined ? `old host: ${old.host.name}` : action === "replace" ? `already mail-connect's host, written with the article's preference: ${planned.join(", ")}` : undefined;
  b.change({ purpose: "mx", name: domain, type: "MX", current, planned, action, ...(note !== undefined ? { note } : {}), ...unreadNote(ctx, domain, "MX") });
  if (action !== "replace" || others.length === 0) return;
  const ttl = answers.ttl(domain, "MX");
  b.risk("mx-switch", "warning",
    `From the moment of apply, all incoming mail for ${domain} goes to ${MAIL_CONNECT.mx.exchange} instead of ${listText(others)}${old?.host.recognised ? ` (${old.host.name})` : ""}; resolvers that cached the old MX record (TTL ${ttl === undefined ? "unknown" : `${ttl} s`}) keep delivering there until it expires.`,
    `Create the mailboxes at mail-connect before the switch. ${leadTime(ttl)}`);
  if (ttl === undefined || ttl > SWITCH_TTL) {
    const when = ttl !== undefined && ttl > 86400 ? `${Math.ceil(ttl / 86400)} days before` : "1 day before";
    b.step("before", when, `Lower the TTL of the MX record of ${domain} from ${ttl === undefined ? "its current value" : `${ttl} s`} to ${SWITCH_TTL} s at the DNS provider (the deploy sets the planned TTL again).`);
  }
}

/** When to lower the MX record's TTL, as the steps plan it: at least one TTL ahead; "a day ahead is safe" only when the TTL is under a day. */
function leadTime(ttl: number | undefined): string {
  if (ttl === undefined) return `Lower the MX record's TTL to ${SWITCH_TTL} s at least one TTL before the switch (its TTL could not be read: check it at the DNS provider), so that the switch takes effect within minutes.`;
  if (ttl <= SWITCH_TTL) return `The MX record's TTL is ${ttl} s already, so the switch takes effect within minutes.`;
  return `Lower the MX record's TTL to ${SWITCH_TTL} s at least ${durationText(ttl)} before the switch, so that the switch takes effect within minutes${ttl < 86400 ? "; a day ahead is safe" : ""}.`;
}

/** Auto-setup records: PRO adopts them; TEAM must not have them; SECGATE keeps the own server's. */
export function autoSetupSection(ctx: OnboardingContext, records: readonly PlannedRecord[]): void {
  const { domain, answers, b, product } = ctx;
  const configName = `${MAIL_CONNECT.autoconfig.label}.${domain}`;
  const srvName = `${MAIL_CONNECT.autodiscover.label}.${domain}`;
  const configCname = answers.values(configName, "CNAME");
  const configA = answers.values(configName, "A");
  const srv = answers.values(srvName, "SRV");
  const autoconfig = record(records, "autoconfig");
  const autodiscover = record(records, "autodiscover");
  if (autoconfig !== undefined) {
    if (configCname.length === 0 && configA.length > 0) {
      b.change({ purpose: "autoconfig", name: configName, type: "A", current: configA, planned: presentValues(autoconfig), action: "conflict", note: "an A record where the plan writes a CNAME" });
      b.risk("auto-setup-conflict", "blocking", `${configName} has an A record (${listText(configA)}) where the plan writes the CNAME to ${MAIL_CONNECT.autoconfig.target}; a name with a CNAME can hold no other record, so the deploy would fail.`, `Before the switch, delete the A record of ${configName} by hand, then run onboard again: once it is gone the plan is ready, and the deploy writes the CNAME. Deploy soon after: until then mail clients find no settings there.`);
      b.step("resolve", "first", `Delete the A record of ${configName} by hand.`);
    } else {
      const action = actionFor("CNAME", configCname, presentValues(autoconfig));
      b.change({ purpose: "autoconfig", name: configName, type: "CNAME", current: configCname, planned: presentValues(autoconfig), action, ...(action === "replace" ? { note: `adopted: it pointed at ${configCname.join(", ")}` } : {}) });
    }
  }
  if (autodiscover !== undefined) {
    const action = actionFor("SRV", srv, presentValues(autodiscover));
    const sameHost = srv.every((v) => v.trim().split(/\s+/)[3]?.toLowerCase().replace(/\.$/, "") === MAIL_CONNECT.autodiscover.target);
    const note = sameHost ? "already mail-connect's host, written with the article's priority, weight and port" : `adopted: it pointed at ${srv.join(", ")}`;
    b.change({ purpose: "autodiscover", name: srvName, type: "SRV", current: srv, planned: presentValues(autodiscover), action, ...(action === "replace" ? { note } : {}) });
  }
  if (product !== "pro") {
    const found = [
      ...(configCname.length > 0 ? [{ name: configName, type: "CNAME" as const, values: configCname }] : configA.length > 0 ? [{ name: configName, type: "A" as const, values: configA }] : []),
      ...(srv.length > 0 ? [{ name: srvName, type: "SRV" as const, values: srv }] : []),
    ];
    const what = listText(found.map((f) => `${f.name} ${f.type} ${f.values.join(", ")}`));
    const action: OnboardingAction = product === "team" ? "remove-by-hand" : "keep";
    for (const f of found) b.change({ purpose: "other", name: f.name, type: f.type, current: f.values, planned: [], action, note: `auto-setup record, not written for ${product.toUpperCase()}` });
    if (found.length > 0 && product === "team") {
      b.risk("auto-setup-conflict", "blocking", `TEAM mailboxes must not have auto-setup records (the article: "Bitte setzen Sie diese Einträge nicht für mail-connect TEAM Postfächer"), but ${what} exist.`, "Before the switch, delete them by hand, since the library does not manage auto-setup records for TEAM; then run onboard again: once they are gone the plan is ready.");
      b.step("resolve", "first", `Delete the auto-setup records by hand: ${listText(found.map((f) => `${f.name} ${f.type}`))}.`);
    } else if (found.length > 0 && product === "secgate") {
      b.risk("auto-setup-kept", "info", `With SECGATE your own mail server's auto-setup records are used; ${what} stay as they are.`, "Nothing to do, if they point at your own mail server.");
    } else if (found.length > 0) {
      b.risk("auto-setup-mailing", "warning", `A MAILING domain has no mail-connect mailboxes, and the plan writes no auto-setup records; ${what} stay and keep sending mail clients there.`, "Delete them by hand if no mailboxes of this domain are left there.");
    }
  }
  autodiscoverHost(ctx);
}

/** `autodiscover.<domain>`: the plan does not write it, but Outlook asks it before the SRV record. */
function autodiscoverHost(ctx: OnboardingContext): void {
  const { domain, answers, b, product, old } = ctx;
  const name = `autodiscover.${domain}`;
  const cname = answers.values(name, "CNAME");
  const a = cname.length > 0 ? [] : answers.values(name, "A");
  const values = cname.length > 0 ? cname : a;
  if (values.length === 0) return;
  if (cname.some((t) => t.replace(/\.$/, "") === MAIL_CONNECT.autodiscover.target)) {
    b.change({ purpose: "other", name, type: "CNAME", current: cname, planned: [], action: "keep", note: "points at mail-connect's autodiscover host" });
    return;
  }
  const type = cname.length > 0 ? "CNAME" : "A";
  const whose = cname.length > 0 && old !== undefined && belongsToOldHost(old, cname[0].replace(/\.$/, ""), "auto-setup") ? `${old.host.name}, the old host` : listText(values);
  if (product === "pro" || product === "team") {
    b.change({ purpose: "other", name, type, current: values, planned: [], action: "remove-by-hand", note: "Outlook's autodiscover host name; the plan does not write it" });
    b.risk("autodiscover-host", "warning", `Outlook asks ${name} (${type} → ${whose}) before the ${MAIL_CONNECT.autodiscover.label} SRV record, so after the switch it keeps finding the old settings.`, `Delete ${name} by hand at the switch${product === "pro" ? "; Outlook then uses mail-connect's SRV record" : ""}.`);
    b.step("switch", "the switch", `Delete ${name} (${type}) by hand.`);
  } else {
    b.change({ purpose: "other", name, type, current: values, planned: [], action: "keep", note: `Outlook's autodiscover host name; kept for ${product.toUpperCase()}` });
  }
}

/** DKIM: mail-connect's selector added or replaced; other senders' selectors kept. */
export function dkimSection(ctx: OnboardingContext, records: readonly PlannedRecord[]): void {
  const { answers, b, old, selectors } = ctx;
  const dkim = record(records, "dkim")!;
  const planned = presentValues(dkim);
  const cname = answers.values(dkim.name, "CNAME");
  if (cname.length > 0) {
    b.change({ purpose: "dkim", name: dkim.name, type: "CNAME", current: cname, planned, action: "conflict", note: "a CNAME where the plan writes mail-connect's key" });
    b.risk("dkim-cname", "blocking", `${dkim.name} is a CNAME (→ ${cname.join(", ")}) where the plan writes mail-connect's DKIM key as TXT; a name with a CNAME can hold no other record.`, `Before the switch, delete the CNAME by hand, then run onboard again: once it is gone the plan is ready, and the deploy writes mail-connect's key. If the key the CNAME leads to is the one mail-connect gave you for ${ctx.domain}, set dkim.publicKey to it in the generated code.`);
    b.step("resolve", "first", `Delete the CNAME ${dkim.name} by hand.`);
  } else {
    const current = answers.values(dkim.name, "TXT", true);
    const action = actionFor("TXT", current, planned);
    const key = (text: string): string | undefined => /(?:^|;)\s*p\s*=\s*([^;]*)/i.exec(text)?.[1].replace(/\s+/g, "");
    const sameKey = current.length === 1 && key(current[0]) === key(planned[0]);
    b.change({ purpose: "dkim", name: dkim.name, type: "TXT", current, planned, action, ...(action === "replace" ? { note: sameKey ? "the same key, rewritten in the library's form" : "another key: replaced with the key mail-connect signs with" } : {}) });
  }
  if (selectors.length === 0) return;
  const oldOnes = selectors.filter((s) => isOldHostSelector(old, s));
  const others = selectors.filter((s) => !oldOnes.includes(s));
  for (const s of selectors) {
    const mine = oldOnes.includes(s);
    b.change({ purpose: "other", name: s.name, type: s.cname !== undefined ? "CNAME" : "TXT", current: s.cname !== undefined ? [`${s.cname}.`] : s.txt, planned: [], action: "keep", note: mine ? `DKIM of the old host, ${old!.host.name}` : "DKIM of another sender" });
  }
  const names = (list: readonly FoundSelector[]): string => listText(list.map((s) => s.selector));
  b.risk("dkim-alignment", others.length > 0 ? "warning" : "info",
    `DKIM selectors besides mail-connect's: ${[...(oldOnes.length > 0 ? [`${names(oldOnes)} (${old!.host.name}, the old host)`] : []), ...(others.length > 0 ? [`${names(others)} (other senders)`] : [])].join("; ")}. Mail those senders sign passes DMARC through them (DKIM aligned with ${ctx.domain}); the plan keeps them.`,
    `${others.length > 0 ? `Do not delete ${names(others)}. ` : ""}${oldOnes.length > 0 ? `Delete the old host's selectors (${names(oldOnes)}) after the switch, once no mail is signed with them.` : ""}`.trim());
  if (oldOnes.length > 0) b.step("later", `after ${OLD_SELECTOR_DAYS} days`, `Delete the old host's DKIM records by hand: ${listText(oldOnes.map((s) => s.name))}.`);
}

/** DMARC: report addresses kept, the policy never weaker; stricter policies named with the senders they affect. */
export function dmarcSection(ctx: OnboardingContext, records: readonly PlannedRecord[]): void {
  const { domain, answers, b, dmarc, spf, selectors } = ctx;
  const rec = record(records, "dmarc")!;
  const planned = presentValues(rec);
  const name = rec.name;
  const cname = answers.values(name, "CNAME");
  const via = answers.via(name, "TXT");
  if (cname.length > 0 || via.length > 0) {
    const target = cname.length > 0 ? cname : [`${via[0]}.`];
    b.change({ purpose: "dmarc", name, type: "CNAME", current: target, planned, action: "conflict", note: "a CNAME where the plan writes the DMARC record" });
    const text = answers.values(name, "TXT").find(isDmarcText);
    if (text !== undefined) {
      b.risk("dmarc-cname", "blocking", `${name} is a CNAME (→ ${target.join(", ")}) where the plan writes the DMARC record as TXT; a name with a CNAME can hold no other record.`, `Before the switch, replace the CNAME by hand with a TXT record holding the text it leads to ("${text}"), then run onboard again: the plan then adopts that record and keeps its policy and report addresses.`);
      b.step("resolve", "first", `Replace the CNAME ${name} by hand with a TXT record holding "${text}".`);
    } else {
      b.risk("dmarc-cname", "blocking", `${name} is a CNAME (→ ${target.join(", ")}) where the plan writes the DMARC record as TXT; a name with a CNAME can hold no other record. No DMARC record could be read through it.`, `Before the switch, delete the CNAME by hand, then run onboard again: once it is gone the plan is ready, with the article's DMARC record.`);
      b.step("resolve", "first", `Delete the CNAME ${name} by hand.`);
    }
  } else {
    const current = answers.values(name, "TXT", true);
    const action = actionFor("TXT", current, planned);
    const note = action === "replace" ? dmarcChangeNote(current, planned[0], dmarc) : action === "add" ? dmarc.notes.join("; ") : "";
    b.change({ purpose: "dmarc", name, type: "TXT", current, planned, action, ...(note !== "" ? { note } : {}), ...unreadNote(ctx, name, "TXT") });
  }
  if (dmarc.notKept.length > 0) {
    b.risk("dmarc-tag-not-kept", "warning", `DMARC tags that cannot be kept: ${listText(dmarc.notKept)}.`, "Check that the planned record still does what you want; set the dmarc options by hand where it does not.");
  }
  if (dmarc.records > 1) {
    b.risk("multiple-dmarc", "warning", `${name} has ${dmarc.records} DMARC records today, so receivers apply none (RFC 9989: more than one record means no policy). The plan writes one, with the first record's tags and every report address.`, "Check the planned DMARC record.");
  }
  const planPolicy = /(?:^|;)\s*p=(\w+)/.exec(planned[0])?.[1] as "none" | "quarantine" | "reject";
  if (policyRank(planPolicy) > policyRank(dmarc.currentPolicy)) {
    const senders = [...spf.kept.map((t) => t.term), ...selectors.map((s) => `DKIM ${s.selector}`)];
    if (senders.length > 0) {
      b.risk("dmarc-stricter", "warning",
        `DMARC becomes stricter (${dmarc.found ? `p=${dmarc.currentPolicy}` : "no record"} → p=${planPolicy}) while other senders send as ${domain}: ${listText(senders)}. Their mail is ${planPolicy === "reject" ? "rejected" : "quarantined"} unless it is DKIM-signed with d=${domain} or passes SPF with an envelope sender at ${domain} (aligned).`,
        `${reportsFirst(dmarc.options.rua ?? [], domain)} Until they do, deploy with dmarc.testing: true (t=y: receivers apply the next weaker policy) or keep dmarc.policy: "none".`);
    }
  }
}

/** How to check the senders' alignment before a stricter policy: the aggregate reports, at the addresses kept or at one to set. */
function reportsFirst(rua: readonly string[], domain: string): string {
  if (rua.length === 0) {
    return `Set dmarc.rua to a mailbox for DMARC aggregate reports (such as dmarc-reports@${domain}) and read the reports for a week or two before the stricter policy applies: each of these senders must pass DKIM or SPF aligned with ${domain}.`;
  }
  const addresses = listText(rua.map((uri) => uri.replace(/^mailto:/i, "")));
  return `Read the DMARC aggregate reports sent to ${addresses} for a week or two before the stricter policy applies: each of these senders must pass DKIM or SPF aligned with ${domain}.`;
}

/** Mail client host names (imap, smtp, ...) that point at the old host: clients would keep using it. */
export function serverNamesSection(ctx: OnboardingContext): ServerNamesOptions | undefined {
  const { domain, answers, b, product, old } = ctx;
  if (product !== "pro" && product !== "team") return undefined;
  let incoming: string | undefined;
  let outgoing: string | undefined;
  const pending: { label: string; name: string; target: string }[] = [];
  for (const label of CLIENT_HOST_LABELS) {
    const name = `${label}.${domain}`;
    const target = answers.values(name, "CNAME")[0]?.replace(/\.$/, "").toLowerCase();
    const a = answers.values(name, "A");
    if (target === MAIL_CONNECT.incomingServer && incoming === undefined) incoming = label;
    else if (target === MAIL_CONNECT.outgoingServer && outgoing === undefined) outgoing = label;
    else if (target !== undefined && old !== undefined && belongsToOldHost(old, target, "host")) pending.push({ label, name, target });
    else if (target === undefined && a.length > 0 && old !== undefined && label !== "mail") {
      b.change({ purpose: "other", name, type: "A", current: a, planned: [], action: "keep", note: "a mail client host name with an address" });
      b.risk("server-name", "warning", `${name} has an A record (${listText(a)}): mail clients configured with it keep reaching that server after the switch.`, `If it is the old host's server, reconfigure the mail clients to ${label === "smtp" ? MAIL_CONNECT.outgoingServer : MAIL_CONNECT.incomingServer}. To keep the name instead, set serverNames.${label === "smtp" ? "outgoing" : "incoming"}: "${label}" and delete the A record by hand right before the deploy, which then points the name at mail-connect.`);
    }
  }
  for (const p of pending) {
    // imap/pop/pop3 and smtp are mail client names beyond doubt: the plan takes them over; "mail" may be webmail.
    const role = p.label === "smtp" ? "outgoing" : p.label === "mail" ? undefined : "incoming";
    const taken = role === "incoming" ? incoming === undefined && (p.label === "imap" || !pending.some((q) => q.label === "imap")) : role === "outgoing" ? outgoing === undefined : false;
    if (taken && role === "incoming") incoming = p.label;
    if (taken && role === "outgoing") outgoing = p.label;
    const server = role === "outgoing" ? MAIL_CONNECT.outgoingServer : MAIL_CONNECT.incomingServer;
    if (!taken) b.change({ purpose: "other", name: p.name, type: "CNAME", current: [`${p.target}.`], planned: [], action: "keep", note: `points at the old host: ${p.target}` });
    b.risk("server-name", "warning",
      `Mail clients configured with ${p.name} (→ ${p.target}, the old host) ${taken ? `reach mail-connect after the switch: the plan points it at ${server} (serverNames.${role}), and clients will warn that the certificate does not match ${p.name}` : "keep reaching the old host after the switch"}.`,
      taken ? `Reconfigure the mail clients to ${server}, whose certificate matches; then remove serverNames.${role} from the options and deploy again.` : `Reconfigure the mail clients to ${MAIL_CONNECT.incomingServer} and ${MAIL_CONNECT.outgoingServer}. If they must keep using ${p.name}, set serverNames.incoming or serverNames.outgoing to "${p.label}" instead: a CNAME to mail-connect, and the clients warn about the certificate.`);
  }
  return incoming !== undefined || outgoing !== undefined ? { ...(incoming ? { incoming } : {}), ...(outgoing ? { outgoing } : {}) } : undefined;
}

/** The planned client host name CNAMEs (serverNames), now and after. */
export function serverNameChanges(ctx: OnboardingContext, records: readonly PlannedRecord[]): void {
  for (const purpose of ["incoming", "outgoing"] as const) {
    const rec = record(records, purpose);
    if (rec === undefined) continue;
    const current = ctx.answers.values(rec.name, "CNAME");
    const planned = presentValues(rec);
    const action = actionFor("CNAME", current, planned);
    ctx.b.change({ purpose, name: rec.name, type: "CNAME", current, planned, action, ...(action === "replace" ? { note: `mail clients use this name; it pointed at ${current.join(", ")}` } : {}) });
  }
}

/** Reports what the planner refused and the options no longer hold. */
export function reportRemoved(ctx: OnboardingContext, removed: readonly RemovedOption[]): void {
  for (const r of removed) {
    const value = typeof r.removed === "string" ? r.removed : JSON.stringify(r.removed);
    if (r.from.startsWith("spf")) {
      if (r.path === "spf" && r.rule.includes("DNS lookups")) continue; // named by spf-lookup-limit
      ctx.b.risk("spf-term-not-kept", "blocking", `The SPF ${r.from} entry "${value}" cannot be kept: ${r.path} ${r.rule}.`, `Before the switch, change or remove "${value}" in the live SPF record of ${ctx.domain}. ${r.fix} Then run onboard again: once it is gone the plan is ready.`);
    } else if (r.from === "extraTxt") {
      ctx.b.risk("extra-txt-not-kept", "warning", `The TXT value "${value}" at ${ctx.domain} is not kept: ${r.path} ${r.rule}. The deploy removes it from the adopted TXT record set.`, `${r.fix} If a service still needs it, add it to extraTxt in a form the library accepts.`);
    } else {
      ctx.b.risk("option-not-kept", "warning", `${r.from} "${value}" is not kept: ${r.path} ${r.rule}.`, r.fix);
    }
  }
}

/** The steps every switch has: review, deploy, verify (added first: they lead their stage). */
export function coreSteps(ctx: OnboardingContext): void {
  const { domain, b } = ctx;
  b.step("review", "before the switch", "Review this plan and the generated MailConnectDomain; run `cdktf diff`: it must show the imports of the adopted records and the changes listed here, nothing else.");
  b.step("switch", "the switch", "Deploy: `cdktf deploy`.");
  b.step("after", "after the switch", `Check what is published: \`cdktf-mail-connect verify --synth cdktf.out --authoritative\` (or --domain ${domain} with the same options).`);
}

/** The first step of a blocked plan. */
export function blockedStep(ctx: OnboardingContext): void {
  if (ctx.b.blocked) ctx.b.step("resolve", "first", "Resolve the blocking risks as each says, then run onboard again: deploy only once the plan is ready.");
}
