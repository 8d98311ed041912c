/**
 * `planMailConnectRecords`: the provider-neutral record plan for one domain. Pure: no cdktf,
 * no I/O. Every renderer (each DNS provider's adapter, the zone file) and the live verifier start here.
 */
import { MAIL_CONNECT } from "../mail-connect/mail-connect";
import { MailConnectProduct, MailConnectRecordOptions } from "../mail-connect/options";
import { MailConnectRecordPlan, PlannedRecord, TxtValue } from "./record-plan";
import { buildDkim } from "./dkim-record";
import { buildDmarcText } from "./dmarc-record";
import { MAX_DNS_NAME_LENGTH, normaliseHostName } from "./host-names";
import { ownOptions } from "./own-options";
import { PlanContext, arrayOption, booleanOption, checkKnownKeys, choiceOption } from "./plan-context";
import { buildServerNames } from "./server-names";
import { buildSpfText } from "./spf-record";
import { MAX_TXT_RRSET_CONTENT_LENGTH, isSpfText, splitCharacterStrings, txtContentLength, txtTextProblem } from "./txt-strings";

/** The option keys the planner reads (a `MailConnectDomain` passes exactly these). */
export const RECORD_OPTION_KEYS = ["domain", "product", "autoSetup", "serverNames", "spf", "dkim", "dmarc", "extraTxt", "ttl"] as const;

const PRODUCTS: readonly MailConnectProduct[] = ["pro", "team", "secgate", "mailing"];
/** Used in place of an invalid domain, so the other options are still checked. */
const PLACEHOLDER_DOMAIN = "domain.invalid";
const MIN_TTL = 60;
const MAX_TTL = 86400;

const AUTO_SETUP_REFUSAL: Record<Exclude<MailConnectProduct, "pro">, string> = {
  team: 'auto-setup records are for mail-connect PRO only and must not be set for TEAM mailboxes (article: "Bitte setzen Sie diese Einträge nicht für mail-connect TEAM Postfächer")',
  secgate: 'auto-setup records must not be set when mail-connect is only the filtering gateway (article: "dürfen Sie diese Einträge nicht setzen!"); your own mail server\'s auto-setup records apply instead',
  mailing: 'auto-setup records are for mail-connect PRO mailboxes only (article: "für mail-connect PRO optional benötigt"); a mailing domain has no mailboxes to set up',
};

/** Builds a TXT value from text that the builders already checked. */
export function txtValue(text: string): TxtValue {
  return { text, strings: splitCharacterStrings(text) };
}

function checkTtl(ctx: PlanContext, value: unknown): number {
  if (value === undefined) return MAIL_CONNECT.defaultTtl;
  if (typeof value === "number" && Number.isInteger(value) && value >= MIN_TTL && value <= MAX_TTL) return value;
  ctx.fail("ttl", value, `must be a whole number of seconds from ${MIN_TTL} to ${MAX_TTL}`, `Set ttl to e.g. ${MAIL_CONNECT.defaultTtl} or leave it out.`);
  return MAIL_CONNECT.defaultTtl;
}

function extraTexts(ctx: PlanContext, raw: unknown): string[] {
  const texts: string[] = [];
  arrayOption(ctx, "extraTxt", raw, 'Pass a list such as extraTxt: ["google-site-verification=..."].').forEach((entry, index) => {
    const path = `extraTxt[${index}]`;
    const problem = txtTextProblem(entry);
    if (problem !== undefined) {
      ctx.fail(path, entry, `must be publishable as TXT: it ${problem}`, "Use the value exactly as the service gave it, in printable ASCII.");
    } else if (isSpfText((entry as string).trim())) {
      ctx.fail(path, entry, "is an SPF record, and a domain may have only one (RFC 7208 §3.2: two make SPF fail with permerror)", "Put its senders into spf.include / spf.ip4 / spf.ip6 instead.");
    } else if (texts.includes(entry as string)) {
      ctx.fail(path, entry, `duplicates extraTxt[${texts.indexOf(entry as string)}]`, "Remove one of the two entries.");
    } else {
      texts.push(entry as string);
    }
  });
  return texts;
}

/**
 * Reports every owner name the plan derives from the domain (`_autodiscover._tcp.<domain>`,
 * `<selector>._domainkey.<domain>`, ...) that is longer than a DNS name may be: the domain
 * alone can fit while a derived name does not, and no zone would load it.
 */
function checkDerivedNameLengths(ctx: PlanContext, input: Record<string, unknown>, derived: readonly { readonly name: string; readonly record: string; readonly path: string }[]): void {
  const domain = ctx.domain;
  const reported = new Set<string>();
  // The longest name first: one reason per option, with the room that fits every record.
  for (const { name, record, path } of [...derived].sort((a, b) => b.name.length - a.name.length)) {
    if (name.length <= MAX_DNS_NAME_LENGTH || reported.has(path)) continue;
    reported.add(path);
    const room = MAX_DNS_NAME_LENGTH - (name.length - domain.length);
    ctx.fail(
      path,
      path === "domain" ? input.domain : (input.dkim as Record<string, unknown>).selector,
      `makes the ${record} record's name ${name.length} characters long ("${name.slice(0, 40)}..."); a DNS name has at most ${MAX_DNS_NAME_LENGTH} (RFC 1035 §2.3.4)`,
      path === "domain"
        ? `Use a domain of at most ${room} characters, or publish the records for a shorter (parent) domain.`
        : `Use a shorter selector (this domain leaves room for ${MAX_DNS_NAME_LENGTH - domain.length - "._domainkey.".length} characters).`,
    );
  }
}

/**
 * Plans the records mail-connect needs for one domain.
 * @throws MailConnectValidationError listing every problem in `options`
 */
export function planMailConnectRecords(options: MailConnectRecordOptions): MailConnectRecordPlan {
  // Own properties only, tokens taken out: see own-options.ts.
  const { input, problems } = ownOptions(options);
  const domainCheck = normaliseHostName(input.domain);
  const ctx = new PlanContext(domainCheck.ok ? domainCheck.ascii : PLACEHOLDER_DOMAIN, domainCheck.ok);
  for (const problem of problems) ctx.settle(problem.path, problem.value, problem.rule, problem.fix);
  if (!domainCheck.ok) {
    ctx.fail("domain", input.domain, `must be a domain name: it ${domainCheck.rule}`, 'Use the mail domain itself, e.g. "firma.de" or "news.my-company.com".');
  }
  checkKnownKeys(ctx, "", input, RECORD_OPTION_KEYS);

  const product = choiceOption<MailConnectProduct>(ctx, "product", input.product, PRODUCTS, "pro");
  const autoSetup = booleanOption(ctx, "autoSetup", input.autoSetup, product === "pro");
  if (autoSetup && product !== "pro") {
    ctx.fail("autoSetup", input.autoSetup, `${AUTO_SETUP_REFUSAL[product]}`, `Remove autoSetup or set it to false for product "${product}".`);
  }
  const ttl = checkTtl(ctx, input.ttl);
  const spf = buildSpfText(ctx, input.spf);
  const dkim = buildDkim(ctx, input.dkim);
  const dmarc = buildDmarcText(ctx, input.dmarc);
  const extra = extraTexts(ctx, input.extraTxt);
  const apexContent = [spf ?? "", ...extra].reduce((sum, text) => sum + txtContentLength(text), 0);
  if (apexContent > MAX_TXT_RRSET_CONTENT_LENGTH) {
    ctx.fail("extraTxt", `${extra.length} values`, `with the SPF record make ${apexContent} characters of TXT content at the domain; the tightest provider accepts at most ${MAX_TXT_RRSET_CONTENT_LENGTH} for the records of one name and type (the library's limit on every provider)`,
      "Remove verification values that are no longer needed (most services need them only once).");
  }
  const domain = ctx.domain;
  // Only built when there are server names to check (most domains have none).
  const reserved = (): Record<string, string> => ({
    [domain]: "MX/SPF (domain apex)",
    [`${MAIL_CONNECT.autoconfig.label}.${domain}`]: "autoconfig",
    [`${MAIL_CONNECT.autodiscover.label}.${domain}`]: "autodiscover",
    [`_dmarc.${domain}`]: "DMARC",
    ...(dkim ? { [dkim.name]: "DKIM" } : {}),
  });
  let serverNames: ReturnType<typeof buildServerNames> = [];
  if (input.serverNames !== undefined && product === "secgate") {
    ctx.fail("serverNames", input.serverNames, "points mail clients at mail-connect's servers, but with SECGATE your clients use your own mail server (mail-connect only filters in front of it)", "Remove serverNames; publish your own server's names in your own records.");
  } else if (input.serverNames !== undefined) {
    serverNames = buildServerNames(ctx, input.serverNames, reserved());
  }
  if (domainCheck.ok) {
    checkDerivedNameLengths(ctx, input, [
      ...(autoSetup ? [{ name: `${MAIL_CONNECT.autodiscover.label}.${domain}`, record: "autodiscover", path: "domain" }, { name: `${MAIL_CONNECT.autoconfig.label}.${domain}`, record: "autoconfig", path: "domain" }] : []),
      { name: `_dmarc.${domain}`, record: "DMARC", path: "domain" },
      ...(dkim ? [{ name: dkim.name, record: "DKIM", path: dkim.name.startsWith(`${MAIL_CONNECT.dkimSelector}._domainkey.`) ? "domain" : "dkim.selector" }] : []),
    ]);
  }
  if (product === "secgate") {
    ctx.warn("secgate-smtp-ingress", "product", `With SECGATE, mail-connect delivers filtered mail to your own server: it must accept SMTP on TCP 25 from mail-connect's network ${MAIL_CONNECT.network.join(", ")} (MailConnectFirewall creates that rule on AWS).`);
  }
  ctx.reasons.throwIfAny(JSON.stringify(typeof input.domain === "string" ? input.domain : typeof input.domain === "object" && input.domain !== null ? "(an object)" : String(input.domain)));

  const records: PlannedRecord[] = [
    { purpose: "mx", name: domain, type: "MX", ttl, values: [{ ...MAIL_CONNECT.mx }] },
  ];
  if (autoSetup) {
    records.push({ purpose: "autoconfig", name: `${MAIL_CONNECT.autoconfig.label}.${domain}`, type: "CNAME", ttl, values: [{ target: MAIL_CONNECT.autoconfig.target }] });
    const { label, ...srv } = MAIL_CONNECT.autodiscover;
    records.push({ purpose: "autodiscover", name: `${label}.${domain}`, type: "SRV", ttl, values: [srv] });
  }
  records.push({ purpose: "spf", name: domain, type: "TXT", ttl, values: [txtValue(spf!)] });
  if (extra.length > 0) records.push({ purpose: "text", name: domain, type: "TXT", ttl, values: extra.map(txtValue) });
  records.push({ purpose: "dkim", name: dkim!.name, type: "TXT", ttl, values: [txtValue(dkim!.text)] });
  records.push({ purpose: "dmarc", name: `_dmarc.${domain}`, type: "TXT", ttl, values: [txtValue(dmarc!)] });
  for (const server of serverNames) {
    records.push({ purpose: server.purpose, name: server.name, type: "CNAME", ttl, values: [{ target: server.target }] });
  }
  return { domain, records, warnings: ctx.warnings };
}
