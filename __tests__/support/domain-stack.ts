/// <reference types="cdktf/lib/testing/adapters/jest" />
/**
 * Test stacks for the MailConnectDomain tests: a stack with the Cloudflare or AWS provider
 * construct, placeholder zone ids, and small readers for the synthesized JSON.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { CloudflareProvider } from "@cdktf/provider-cloudflare/lib/provider";
import { App, TerraformStack, Testing } from "cdktf";
import { IConstruct } from "constructs";
import { MailConnectRecordOptions } from "../../lib/mail-connect/options";

/** A Cloudflare zone id placeholder: 32 lowercase hex digits. */
export const CF_ZONE_ID = "0123456789abcdef0123456789abcdef";
/** A Route53 hosted zone id placeholder. */
export const R53_ZONE_ID = "Z0123456789ABCDEFGHIJ";

/** A stack named `test` with the default Cloudflare provider. */
export function cloudflareStack(app: App = Testing.app()): TerraformStack {
  const stack = new TerraformStack(app, "test");
  new CloudflareProvider(stack, "cloudflare");
  return stack;
}

/** A stack named `test` with the default AWS provider (eu-central-1). */
export function route53Stack(app: App = Testing.app()): TerraformStack {
  const stack = new TerraformStack(app, "test");
  new AwsProvider(stack, "aws", { region: "eu-central-1" });
  return stack;
}

/** The synthesized stack as an object (validations not run). */
export interface SynthesizedStack {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly import?: ReadonlyArray<{ readonly id: string; readonly to: string; readonly provider?: string }>;
}

export function synthJson(stack: TerraformStack, runValidations = false): SynthesizedStack {
  return JSON.parse(Testing.synth(stack, runValidations)) as SynthesizedStack;
}

/** The synthesized resources of one type, by Terraform resource name. */
export function resourcesOf(stack: TerraformStack, type: string): Record<string, Record<string, unknown>> {
  return synthJson(stack).resource?.[type] ?? {};
}

/** The one synthesized resource of `type` whose `name` is `name` and (if given) whose type is `recordType`. */
export function recordNamed(stack: TerraformStack, type: string, name: string, recordType?: string): Record<string, unknown>[] {
  return Object.values(resourcesOf(stack, type)).filter((r) => r.name === name && (recordType === undefined || r.type === recordType));
}

/** Terraform addresses (`type.name`) of all resources of the given types, sorted. */
export function addressesOf(stack: TerraformStack, ...types: string[]): string[] {
  return types.flatMap((type) => Object.keys(resourcesOf(stack, type)).map((name) => `${type}.${name}`)).sort();
}

/** The warning annotations on a construct (texts). */
export function warningsOf(construct: IConstruct): string[] {
  return construct.node.metadata.filter((entry) => entry.type === "@cdktf/warn").map((entry) => String(entry.data));
}

/**
 * A fixed 2048-bit RSA public key (SubjectPublicKeyInfo, base64; generated once with
 * openssl for these tests, private half discarded): its DKIM text is 410 bytes, two
 * character-strings.
 */
export const RSA_2048_PUBLIC_KEY =
  "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAs1mLgKpuQaHeE8lxc4xX/SkKkkzAxR7aJO7ADmo32BaeUFDz9gdtutp6w/DMWaNryHH7fkUIaxMpeMq+IlfG0JbwaD843L/o6Rnh52O//tJY6w9sDroxmwjTy4DLZSU3jZZNaIkWpFc9IuvpMEocp/I08cQIDMx8KLYGVVM06/Ug3xE+f5Ho5tMHSYdPiLTbzQWTh/ASB7S2WHznpCY9r+bQ0kHVFe1eOApkvJ/G4IAp5uQS0grB9HeWWfmyIpjxKNitDHIrDoTWcCqw2YKSsq7FobdjRt/T/qccAwXvfi8UBBdAhZzCJVYphHmYeN5aYuu63Z9DFg1nelB3VN9zYQIDAQAB";

/** The "everything on" record options of the maximal snapshots, the same for both providers. */
export const MAXIMAL_RECORD_OPTIONS = {
  domain: "firma.de",
  serverNames: { incoming: "imap", outgoing: "smtp" },
  spf: { include: ["spf.shop.example"], ip4: ["203.0.113.0/24"], all: "fail" },
  dkim: { publicKey: RSA_2048_PUBLIC_KEY },
  dmarc: { policy: "reject", rua: ["dmarc@firma.de"] },
  extraTxt: ["google-site-verification=abc123", "MS=ms12345678"],
  ttl: 600,
} as const satisfies MailConnectRecordOptions;
