/**
 * Stack-wide DNS safety, as a cdktf validation (runs at `cdktf synth`, and in tests with
 * `Testing.synth(stack, true)`). It looks at every record resource of every DNS provider in
 * the stack, also the ones written without `MailConnectDomain`, read through the provider's
 * adapter (`readResource` on the resolved attributes), and fails on:
 * - two resources for one zone + name + type where one resource is the whole record set
 *   (adapter `recordModel: "rrset"`): the second overwrites the first or the apply fails;
 * - two SPF records at one name, in any provider: RFC 7208 §4.5 makes that a permerror,
 *   and receivers then treat the domain as having no valid SPF at all.
 */
import { TerraformResource, TerraformStack, Token } from "cdktf";
import { IConstruct, IValidation } from "constructs";
import { isInsideClaimedDomain } from "./domain-ownership";
import { isSpfText } from "../plan/txt-strings";
import { parseQuotedStrings } from "../providers/published/character-strings";
import { ReadRrset } from "../providers/dns-provider-adapter";
import { AnyDnsProviderAdapter, adapterForResourceType } from "../providers/provider-registry";
import { resolveValue } from "../providers/resolve-text";

/** One record resource as the checks see it. */
interface SeenRecord {
  readonly path: string;
  readonly adapter: AnyDnsProviderAdapter;
  readonly resourceType: string;
  readonly zone: string;
  readonly qualifier: string;
  readonly name: string;
  readonly type: string;
  /** The TXT texts the resource publishes (chunks concatenated). */
  readonly texts: readonly string[];
  /** Whether a MailConnectDomain made the resource. */
  readonly ownedByDomain: boolean;
}

export { isSpfText };

/** The text of one TXT rdata in presentation form. */
function textOf(rdata: string): string {
  const parsed = parseQuotedStrings(rdata);
  return "strings" in parsed ? parsed.strings.join("") : rdata;
}

/** `value` with every token leaf replaced by its Terraform expression; literals are not copied. */
function resolvedLeaves(stack: TerraformStack, value: unknown): unknown {
  if (typeof value === "string" || typeof value === "number") return Token.isUnresolved(value) ? resolveValue(stack, value) : value;
  if (Array.isArray(value)) return Token.isUnresolved(value) ? resolveValue(stack, value) : value.map((item) => resolvedLeaves(stack, item));
  if (value !== null && typeof value === "object") {
    if (Token.isUnresolved(value)) return resolveValue(stack, value);
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolvedLeaves(stack, item)]));
  }
  return value;
}

/**
 * The resource's attributes as synthesized (snake_case), tokens as the expressions they
 * resolve to. Only token leaves go through the resolver: the whole-resource resolve that
 * synth does costs about a millisecond per domain (bench/).
 */
function attributesOf(stack: TerraformStack, resource: TerraformResource): Record<string, unknown> | undefined {
  const attributes = (resource as unknown as { synthesizeAttributes(): Record<string, unknown> }).synthesizeAttributes();
  const resolved = resolvedLeaves(stack, attributes);
  return resolved !== null && typeof resolved === "object" && !Array.isArray(resolved) ? (resolved as Record<string, unknown>) : undefined;
}

/**
 * The RRset a resource publishes; a name in another spelling than the provider keeps (a
 * trailing dot, upper case: a drift the round-trip reports) still names the same set here.
 */
function readLeniently(adapter: AnyDnsProviderAdapter, resourceType: string, attributes: Record<string, unknown>): ReadRrset | undefined {
  const name = attributes.name;
  const spellings = typeof name === "string" ? [name, name.toLowerCase().replace(/\.$/, ""), `${name.toLowerCase().replace(/\.$/, "")}.`] : [name];
  for (const spelling of spellings) {
    const read = adapter.readResource(resourceType, { ...attributes, name: spelling }, { skipUnknown: true });
    if ("rrset" in read) return read.rrset;
  }
  return undefined;
}

function seenRecords(stack: TerraformStack): SeenRecord[] {
  const seen: SeenRecord[] = [];
  for (const construct of stack.node.findAll()) {
    if (!TerraformResource.isTerraformResource(construct)) continue;
    const resource = construct as TerraformResource;
    if (resource.forEach !== undefined || resource.count !== undefined) continue; // not knowable at synth
    const adapter = adapterForResourceType(resource.terraformResourceType);
    if (adapter === undefined) continue;
    const attributes = attributesOf(stack, resource);
    if (attributes === undefined) continue;
    const read = readLeniently(adapter, resource.terraformResourceType, attributes);
    if (read === undefined) continue; // what cannot be read is the round-trip's and the provider's to report
    const { zone, name, type, rdata } = read;
    seen.push({
      path: resource.node.path,
      adapter,
      resourceType: resource.terraformResourceType,
      zone,
      qualifier: read.qualifier ?? "",
      name,
      type,
      texts: type === "TXT" ? rdata.map(textOf) : [],
      ownedByDomain: isInsideClaimedDomain(resource),
    });
  }
  return seen;
}

/** Finds the conflicts; each message names both construct paths and the fix. */
export function findDnsConflicts(stack: TerraformStack): string[] {
  const records = seenRecords(stack);
  const errors: string[] = [];
  const sets = new Map<string, SeenRecord>();
  for (const record of records.filter((r) => r.adapter.recordModel === "rrset")) {
    const key = JSON.stringify([record.adapter.kind, record.zone, record.name, record.type, record.qualifier]);
    const first = sets.get(key);
    if (first === undefined) {
      sets.set(key, record);
      continue;
    }
    if (record.ownedByDomain && first.ownedByDomain) continue; // the ownership check reports those
    errors.push(
      `Two ${record.resourceType} resources publish the record set "${record.name}" ${record.type} in zone ${record.zone}: ` +
        `${first.path} and ${record.path}. ${record.adapter.duplicateSetEffect} ` +
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
    const key = `${record.adapter.kind} ${record.name}`;
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
