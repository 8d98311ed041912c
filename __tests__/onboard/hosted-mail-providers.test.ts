/**
 * The hosted-mail providers table: each provider recognised from the records it has its
 * customers publish, its SPF include named as the old host's, and unknown hosts left
 * unrecognised.
 */
import { HOSTED_MAIL_PROVIDERS, providerByMx } from "../../lib/onboard/hosted-mail-providers";
import { planOnboarding } from "../../lib/onboard/plan-onboarding";
import { registrableDomain } from "../../lib/onboard/registrable-domain";
import { LiveZoneBuilder } from "./support/live-zone-builder";

test.each([
  ["Microsoft 365", "0 kunde-de.mail.protection.outlook.com.", "spf.protection.outlook.com"],
  ["Google Workspace", "1 smtp.google.com.", "_spf.google.com"],
  ["Google Workspace", "5 alt1.aspmx.l.google.com.", "_spf.google.com"],
  ["IONOS", "10 mx00.ionos.de.", "_spf-eu.ionos.com"],
  ["STRATO", "5 smtpin.rzone.de.", "strato.de"],
  ["Zoho Mail", "10 mx.zoho.eu.", "zoho.eu"],
  ["Fastmail", "10 in1-smtp.messagingengine.com.", "spf.messagingengine.com"],
  ["Proton Mail", "10 mail.protonmail.ch.", "_spf.protonmail.ch"],
  ["mailbox.org", "10 mxext1.mailbox.org.", "mailbox.org"],
  ["Hetzner", "10 www123.your-server.de.", "spf.your-server.de"],
  ["OVHcloud", "1 mx1.mail.ovh.net.", "mx.ovh.com"],
])("%s: recognised by %s; include:%s is the old host's", (name, mx, include) => {
  const plan = planOnboarding(new LiveZoneBuilder("kunde.de").mx([mx]).txt("@", `v=spf1 include:${include} ~all`).txt(`${include}.`, "v=spf1 ip4:192.0.2.0/24 -all").mailConnectInclude().build());
  expect(plan.oldMailHost).toEqual({ name, recognised: true, evidence: [`MX ${mx}`, `include:${include}`] });
  expect(plan.risks.find((r) => r.id === "old-host-spf")!.message).toContain(`include:${include} belongs to the old host (${name})`);
});

test("a host nobody knows is named by its MX hosts; a sender's include under another domain is not the old host's", () => {
  const plan = planOnboarding(new LiveZoneBuilder("kunde.de").mx(["10 mx1.small-hoster.example.", "20 mx2.small-hoster.example."]).txt("@", "v=spf1 include:spf.small-hoster.example include:spf.newsletter.example ~all").mailConnectInclude().build());
  expect(plan.oldMailHost).toEqual({ name: "mx1.small-hoster.example, mx2.small-hoster.example", recognised: false, evidence: ["MX 10 mx1.small-hoster.example.", "MX 20 mx2.small-hoster.example."] });
  const risk = plan.risks.find((r) => r.id === "old-host-spf")!;
  expect(risk.message).toContain("include:spf.small-hoster.example belongs to the old host");
  expect(risk.message).not.toContain("newsletter");
});

test("the MX match is by name boundaries, not by text: notoutlook.com is nobody's", () => {
  expect(providerByMx("mail.protection.notoutlook.com")).toBeUndefined();
  expect(providerByMx("firma-de.mail.protection.outlook.com")?.name).toBe("Microsoft 365");
});

test("registrable domains: two-label public suffixes kept together", () => {
  expect(registrableDomain("a.b.example.co.uk")).toBe("example.co.uk");
  expect(registrableDomain("firma-de.mail.protection.outlook.com.")).toBe("outlook.com");
});

test("every provider names at least an MX and an SPF include, in lower case", () => {
  for (const p of HOSTED_MAIL_PROVIDERS) {
    expect(p.mx.length).toBeGreaterThan(0);
    expect(p.spf.length).toBeGreaterThan(0);
    for (const name of [...p.mx, ...p.spf, ...p.dkimSelectors, ...p.dkimTargets, ...p.autoSetup]) expect(name).toBe(name.toLowerCase());
  }
});
