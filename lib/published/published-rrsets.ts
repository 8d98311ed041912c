/**
 * The provider round-trip, kept at its original path: see ../providers/provider-rrsets.ts.
 */
export { publishedRrsetsFromTerraform, type PublishedRrset, type PublishedRrsetOptions, type TerraformJson } from "../providers/provider-rrsets";
