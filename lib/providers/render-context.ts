/**
 * What the Cloudflare and Route53 renderers take and return. A renderer turns planned records into provider
 * resources; it is the only place where provider strings (quotes, trailing dots, chunk
 * joins) are made.
 */
import { TerraformProvider, TerraformResource } from "cdktf";
import { PlannedRecord, RecordPurpose } from "../plan/record-plan";

/** Where the rendered resources go. */
export interface RenderContext {
  /** The zone id: a literal or a token. */
  readonly zoneId: string;
  /** The provider instance every resource uses. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/** One resource a renderer made. */
export interface RenderedResource {
  /** The construct id (public API: it decides the Terraform address). */
  readonly id: string;
  /** The purpose the resource is named after (the apex TXT set on Route53 is `spf`). */
  readonly purpose: RecordPurpose;
  /** The planned records this resource publishes (Route53: all records of one name+type). */
  readonly records: readonly PlannedRecord[];
  /** Cloudflare only: the one TXT text this resource publishes (one resource per value). */
  readonly text?: string;
  /** The Terraform resource. */
  readonly resource: TerraformResource;
}

/**
 * One resource a renderer planned, before it is created: its construct id and the provider
 * class's config. `MailConnectDomain` creates the resources from these in a plain loop: every
 * provider resource captures the whole call stack several times while it is built (cdktf
 * tokens), so each frame between the app and `new DnsRecord` costs time at synth (bench/,
 * README "Performance").
 */
export interface PlannedResource<Config> {
  /** The construct id (public API: it decides the Terraform address). */
  readonly id: string;
  /** The Terraform resource type, e.g. `cloudflare_dns_record`. */
  readonly resourceType: string;
  /** The purpose the resource is named after. */
  readonly purpose: RecordPurpose;
  /** The planned records this resource publishes. */
  readonly records: readonly PlannedRecord[];
  /** Cloudflare only: the one TXT text this resource publishes. */
  readonly text?: string;
  /** The config for the provider class's constructor. */
  readonly config: Config;
}
