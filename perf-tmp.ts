import { Testing, TerraformStack } from "cdktf";
import { CloudflareProvider } from "@cdktf/provider-cloudflare/lib/provider";
import { DnsZone, MailConnectDomain } from "./lib";
const zone = DnsZone.cloudflare({ zoneId: "0123456789abcdef0123456789abcdef" });
const app = Testing.app();
const stack = new TerraformStack(app, "s"); new CloudflareProvider(stack, "cf");
let t = Date.now();
for (let i = 0; i < 2000; i++) new MailConnectDomain(stack, `d${i}`, { domain: `k${i}.de`, zone });
console.log("construct 2000", Date.now() - t);
