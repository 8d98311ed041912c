/**
 * Stack-wide DNS safety, as a cdktf validation (runs at `cdktf synth`, and in tests with
 * `Testing.synth(stack, true)`). It looks at every record resource in the stack, also the
 * ones written without `MailConnectDomain`, and fails on:
 * - two `aws_route53_record`s for one zone + name + type (+ set identifier): on Route53 a
 *   resource is the whole record set, so the second overwrites the first or the apply fails
 *   with "Tried to create resource record set ... but it already exists";
 * - two SPF records at one name, in either provider: RFC 7208 §4.5 makes that a permerror,
 *   and receivers then treat the domain as having no valid SPF at all.
 */
import type { DnsRecord } from "@cdktf/provider-cloudflare/lib/dns-record";
import type { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { TerraformResource, TerraformStack } from "cdktf";
import { IConstruct, IValidation } from "constructs";
import { isInsideClaimedDomain } from "./domain-ownership";
import { isSpfText } from "./plan/txt-strings";
import { parseQuotedStrings } from "./published/character-strings";
import { resolveText, resolveValue } from "./resolve-text";

/** One TXT/record-set resource as the checks see it. */
interface SeenRecord {
  readonly path: string;
  readonly provider: "cloudflare" | "route53";
  readonly zone: string;
  readonly name: string;
  readonly type: string;
  readonly setIdentifier: string;
  /** The TXT texts the resource publishes (chunks concatenated). */
  readonly texts: readonly string[];
  /** Whether a MailConnectDomain made the resource. */
  readonly ownedByDomain: boolean;
}

export { isSpfText };

/** Cloudflare TXT content: quoted character-strings are concatenated; unquoted content is the text. */
function cloudflareText(content: string): string {
  const trimmed = content.trim();
  if (!trimmed.startsWith('"')) return trimmed;
  const parsed = parseQuotedStrings(trimmed);
  return "strings" in parsed ? parsed.strings.join("") : trimmed;
}

/** Route53 TXT value: `chunk1""chunk2` (optionally in outer quotes) is the text `chunk1chunk2`. */
function route53Text(value: string): string {
  const inner = value.startsWith('"') && value.endsWith('"') && value.length >= 2 ? value.slice(1, -1) : value;
  return inner.split('""').join("");
}

function normaliseName(name: string): string {
  return name.toLowerCase().replace(/\.$/, "");
}

const asString = resolveText;

function seenRecords(stack: TerraformStack): SeenRecord[] {
  const seen: SeenRecord[] = [];
  for (const construct of stack.node.findAll()) {
    if (!TerraformResource.isTerraformResource(construct)) continue;
    const resource = construct as TerraformResource;
    if (resource.forEach !== undefined || resource.count !== undefined) continue; // not knowable at synth
    if (resource.terraformResourceType === "aws_route53_record") {
      const record = resource as Route53Record;
      const type = asString(stack, record.typeInput).toUpperCase();
      const values = resolveValue(stack, record.recordsInput);
      seen.push({
        path: resource.node.path,
        provider: "route53",
        zone: asString(stack, record.zoneIdInput).replace(/^\/hostedzone\//, ""),
        name: normaliseName(asString(stack, record.nameInput)),
        type,
        setIdentifier: record.setIdentifierInput === undefined ? "" : asString(stack, record.setIdentifierInput),
        texts: type === "TXT" && Array.isArray(values) ? values.filter((v): v is string => typeof v === "string").map(route53Text) : [],
        ownedByDomain: isInsideClaimedDomain(resource),
      });
    } else if (resource.terraformResourceType === "cloudflare_dns_record") {
      const record = resource as DnsRecord;
      const type = asString(stack, record.typeInput).toUpperCase();
      const content = resolveValue(stack, record.contentInput);
      seen.push({
        path: resource.node.path,
        provider: "cloudflare",
        zone: asString(stack, record.zoneIdInput),
        name: normaliseName(asString(stack, record.nameInput)),
        type,
        setIdentifier: "",
        texts: type === "TXT" && typeof content === "string" ? [cloudflareText(content)] : [],
        ownedByDomain: isInsideClaimedDomain(resource),
      });
    }
  }
  return seen;
}

/** Finds the conflicts; each message names both construct paths and the fix. */
export function findDnsConflicts(stack: TerraformStack): string[] {
  const records = seenRecords(stack);
  const errors: string[] = [];
  const sets = new Map<string, SeenRecord>();
  for (const record of records.filter((r) => r.provider === "route53")) {
    const key = JSON.stringify([record.zone, record.name, record.type, record.setIdentifier]);
    const first = sets.get(key);
    if (first === undefined) {
      sets.set(key, record);
      continue;
    }
    if (record.ownedByDomain && first.ownedByDomain) continue; // the ownership check reports those
    errors.push(
      `Two aws_route53_record resources publish the record set "${record.name}" ${record.type} in zone ${record.zone}: ` +
        `${first.path} and ${record.path}. On Route53 one resource is the whole record set, so one would overwrite the other ` +
        `or the apply fails with "Tried to create resource record set ... but it already exists". ` +
        `Put all values in one resource and remove the other (for TXT values at a MailConnectDomain's domain, use its extraTxt option).`,
    );
  }
  // SPF: keyed by provider and name, not zone: the same name in two zones of one provider is
  // the same mistake (one domain managed twice), whatever way the zone id was written.
  const spf = new Map<string, SeenRecord>();
  for (const record of records) {
    const spfTexts = record.texts.filter(isSpfText);
    if (spfTexts.length > 1) {
      errors.push(
        `${record.path} publishes ${spfTexts.length} SPF records at "${record.name}"; a name may have only one (RFC 7208 §4.5: more is a permerror). ` +
          `Merge them into one v=spf1 record (MailConnectDomain: list other senders in spf.include / spf.ip4 / spf.ip6).`,
      );
    }
    if (spfTexts.length === 0) continue;
    const key = `${record.provider} ${record.name}`;
    const first = spf.get(key);
    if (first === undefined) {
      spf.set(key, record);
      continue;
    }
    // Two MailConnectDomains for one domain are the app-wide ownership check's to report (with
    // the `movingFrom` exception for a move between zones); here only records written otherwise.
    if (record.ownedByDomain && first.ownedByDomain) continue;
    const owner = first.ownedByDomain ? first : record.ownedByDomain ? record : undefined;
    const advice =
      owner !== undefined
        ? `Keep the one from the MailConnectDomain (${owner.path}), move the other's senders into its spf options (include, ip4, ip6, a, mx), and remove the other record.`
        : "Merge them into one v=spf1 record and remove the other.";
    errors.push(
      `Two SPF records at "${record.name}": ${first.path} and ${record.path}. A name may have only one SPF record ` +
        `(RFC 7208 §4.5: two are a permerror and receivers treat the domain as having no valid SPF). ${advice}`,
    );
  }
  return errors;
}

/** The validation object registered on a stack. */
export class DnsConflictValidation implements IValidation {
  constructor(private readonly stack: TerraformStack) {}

  public validate(): string[] {
    return findDnsConflicts(this.stack);
  }
}

const registered = new WeakSet<TerraformStack>();

/**
 * Registers the stack-wide DNS conflict checks on `scope`'s stack, once per stack however
 * many times it is called. `MailConnectDomain` calls it; call it yourself for stacks that
 * publish records without it.
 */
export function addDnsConflictValidation(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  if (registered.has(stack)) return;
  registered.add(stack);
  stack.node.addValidation(new DnsConflictValidation(stack));
}
