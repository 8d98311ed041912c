/**
 * The example app (`npx cdktf synth` writes both stacks; no credentials needed to synthesize):
 * - `beispieldomain-eu`: mail-connect PRO for beispieldomain.eu in a Cloudflare zone given by id;
 * - `news-my-company-com`: mail-connect MAILING for the subdomain news.my-company.com in the
 *   Route53 hosted zone my-company.com, looked up by name.
 * Each stack outputs the record names and the mail client settings.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { CloudflareProvider } from "@cdktf/provider-cloudflare/lib/provider";
import { App, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { DnsZone } from "./lib/dns-zone";
import { MailConnectDomain } from "./lib/mail-connect-domain";

/** Outputs a domain's record names and mail client settings. */
function outputDomain(stack: TerraformStack, domain: MailConnectDomain): void {
  new TerraformOutput(stack, "fqdns", { value: domain.fqdns, staticId: true, description: `DNS names published for ${domain.domain}` });
  new TerraformOutput(stack, "mail_client_settings", {
    value: domain.clientSettings,
    staticId: true,
    description: `Mail client servers, ports and security for ${domain.domain}`,
  });
}

/** PRO mailboxes for beispieldomain.eu, on Cloudflare. */
class CloudflareExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // The API token comes from CLOUDFLARE_API_TOKEN at plan/apply time; synth needs none.
    new CloudflareProvider(this, "cloudflare");
    const domain = new MailConnectDomain(this, "beispieldomain", {
      domain: "beispieldomain.eu",
      product: "pro",
      // Placeholder: the zone id from the Cloudflare dashboard (32 hex digits).
      zone: DnsZone.cloudflare({ zoneId: "0123456789abcdef0123456789abcdef", zoneName: "beispieldomain.eu" }),
    });
    outputDomain(this, domain);
  }
}

/** Newsletter mailings from news.my-company.com, in the Route53 zone my-company.com. */
class Route53ExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Credentials come from the usual AWS environment variables at plan/apply time.
    new AwsProvider(this, "aws", { region: "eu-central-1" });
    const domain = new MailConnectDomain(this, "news", {
      domain: "news.my-company.com",
      product: "mailing",
      zone: DnsZone.route53({ zoneName: "my-company.com" }),
    });
    outputDomain(this, domain);
  }
}

const app = new App();
new CloudflareExampleStack(app, "beispieldomain-eu");
new Route53ExampleStack(app, "news-my-company-com");
// The SECGATE example with a firewall for the customer's own mail server goes here.
app.synth();
