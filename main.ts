/**
 * The example app (`npx cdktf synth` writes both stacks; no credentials needed to synthesize):
 * - `beispieldomain-eu`: mail-connect PRO for beispieldomain.eu in a Cloudflare zone given by id;
 * - `news-my-company-com`: mail-connect MAILING for the subdomain news.my-company.com in the
 *   Route53 hosted zone my-company.com, looked up by name;
 * - `firma-de-secgate`: mail-connect SECGATE (spam and virus filter) in front of the company's
 *   own mail server: the records in the Route53 zone firma.de, and the security group of that
 *   server with SMTP (25/tcp) allowed in from mail-connect's network 80.254.138.128/26 only.
 * Each stack outputs the record names and the mail client settings.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { CloudflareProvider } from "@cdktf/provider-cloudflare/lib/provider";
import { App, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { DnsZone } from "./lib/dns-zone";
import { MailConnectDomain } from "./lib/construct/mail-connect-domain";

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

/** SECGATE for firma.de: mail-connect filters, then delivers to the company's own server. */
class SecgateExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "eu-central-1" });
    // The own mail server's security group (in the account's default VPC here). Manage its
    // rules only through separate rule resources: inline ingress/egress blocks would
    // overwrite them (hashicorp/terraform-provider-aws#32379).
    const mailServer = new SecurityGroup(this, "mail-server", {
      name: "mail-server",
      description: "Own mail server behind mail-connect SECGATE",
    });
    const domain = new MailConnectDomain(this, "firma", {
      domain: "firma.de",
      product: "secgate",
      zone: DnsZone.route53({ zoneName: "firma.de" }),
      // Creates exactly one rule: TCP 25 in from 80.254.138.128/26. The name keeps the rule's
      // Terraform address when the security group's construct is renamed or moved.
      firewall: { securityGroupId: mailServer.id, name: "mail-server" },
    });
    outputDomain(this, domain);
    new TerraformOutput(this, "firewall_rules", {
      value: domain.firewall?.rules.map((rule) => rule.description) ?? [],
      staticId: true,
      description: "Security-group rules created for mail-connect",
    });
  }
}

const app = new App();
new CloudflareExampleStack(app, "beispieldomain-eu");
new Route53ExampleStack(app, "news-my-company-com");
new SecgateExampleStack(app, "firma-de-secgate");
app.synth();
