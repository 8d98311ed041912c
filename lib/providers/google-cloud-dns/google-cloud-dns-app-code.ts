/**
 * A user's app on Google Cloud DNS: the managed zone by its resource name and project as
 * constants, the zone's DNS name given (so synth checks the domain), computed import ids.
 * No cdktf import: the CLI loads it.
 */
import { ProviderAppCode } from "../provider-app-code";

export const GOOGLE_CLOUD_DNS_APP_CODE: ProviderAppCode = {
  kind: "google-cloud-dns",
  title: "Google Cloud DNS",
  providerClass: "GoogleProvider",
  providerModule: "@cdktf/provider-google/lib/provider",
  providerStatement: 'new GoogleProvider(this, "google", { project: GOOGLE_PROJECT });',
  credentials: "Credentials come from gcloud auth application-default login or GOOGLE_CREDENTIALS at plan/apply (synth needs none).",
  constants: [
    { name: "GOOGLE_PROJECT", comment: (zone) => `The project id that holds the managed zone for ${zone}`, checkedAtSynth: true },
    {
      name: "GOOGLE_MANAGED_ZONE",
      comment: (zone) => `The managed zone's resource name, not its DNS name (often "${zone.replace(/\./g, "-")}"): gcloud dns managed-zones list`,
      checkedAtSynth: true,
    },
  ],
  zoneFactory: "DnsZone.googleCloudDns",
  zoneOptions: [
    ["managedZone", { constant: "GOOGLE_MANAGED_ZONE" }],
    ["zoneName", { zoneName: true }],
    ["project", { constant: "GOOGLE_PROJECT" }],
  ],
  adoption: { importIds: "computed", factory: "RecordAdoption.recordSets" },
};
