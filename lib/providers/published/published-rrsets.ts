/**
 * The provider round-trip, kept at its original path (see ../providers/provider-rrsets.ts).
 * The adapters are loaded on the first call, so `verify` starts without cdktf.
 */
import type { PublishedRrset, PublishedRrsetOptions, TerraformJson } from "../provider-rrsets";

export type { PublishedRrset, PublishedRrsetOptions, TerraformJson };

/**
 * The RRsets the synthesized records of every supported provider publish, merged by
 * provider, zone, name and type. Throws `UnpublishableRecordError` listing every resource
 * that would publish something else than it says, be refused by the provider, drift, or collide.
 */
export function publishedRrsetsFromTerraform(json: TerraformJson, options: PublishedRrsetOptions = {}): PublishedRrset[] {
  const roundTrip = require("../provider-rrsets") as typeof import("../provider-rrsets");
  return roundTrip.publishedRrsetsFromTerraform(json, options);
}
