import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { App, TerraformStack, Testing } from "cdktf";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DnsZone } from "../../lib/dns-zone";
import { MailConnectValidationError } from "../../lib/errors";
import { MailConnectFirewall } from "../../lib/firewall";
import { MailConnectDomain, MailConnectDomainProps } from "../../lib/construct/mail-connect-domain";
import { CF_ZONE_ID, cloudflareStack, route53Stack } from "../support/domain-stack";
import { awsStack } from "../support/firewall-stack";
import { synthErrorOf, validationErrorOf } from "../support/validation-error";

const zone = DnsZone.cloudflare({ zoneId: CF_ZONE_ID });

/** Five customers of which three are invalid, as an agency's loop would create them. */
const CUSTOMERS: ReadonlyArray<Partial<MailConnectDomainProps> & { id: string }> = [
  { id: "kunde-a", domain: "kunde-a.de" },
  { id: "kunde-b", domain: "kunde b.de" },
  { id: "kunde-c", domain: "kunde-c.de", ttl: 5 },
  { id: "kunde-d", domain: "kunde-d.de", dmarc: { rua: ["mailto:a@kunde-d.de,mailto:b@kunde-d.de"] } },
  { id: "kunde-e", domain: "kunde-e.de" },
];

function portfolio(app: App = Testing.app()): TerraformStack {
  const stack = cloudflareStack(app);
  for (const { id, ...props } of CUSTOMERS) new MailConnectDomain(stack, id, { zone, ...props } as MailConnectDomainProps);
  return stack;
}

describe("every problem of the app at synth, once", () => {
  test("a loop over five customers with three invalid ones constructs without throwing", () => {
    expect(() => portfolio()).not.toThrow();
  });

  test("Testing.synth(stack, true) reports all three invalid customers in one error, grouped by construct path", () => {
    const error = synthErrorOf(() => portfolio());
    expect(error.constructs.map((c) => c.path)).toEqual(["test/kunde-b", "test/kunde-c", "test/kunde-d"]);
    expect(error.message).toBe(
      [
        "Invalid mail-connect configuration: 3 problems in 3 constructs.",
        "",
        'MailConnectDomain "test/kunde-b" (1 problem):',
        '  - domain: got "kunde b.de"; must be a domain name: it contains a space, which no host name holds. Use the mail domain itself, e.g. "firma.de" or "news.my-company.com".',
        "",
        'MailConnectDomain "test/kunde-c" (1 problem):',
        "  - ttl: got 5; must be a whole number of seconds from 60 to 86400. Set ttl to e.g. 3600 or leave it out.",
        "",
        'MailConnectDomain "test/kunde-d" (1 problem):',
        '  - dmarc.rua[0]: got "mailto:a@kunde-d.de,mailto:b@kunde-d.de"; must be one address per entry: it holds 2 addresses. Write each as its own entry: dmarc.rua: ["mailto:a@kunde-d.de", "mailto:b@kunde-d.de"].',
      ].join("\n"),
    );
    expect(error.reasons.map((r) => r.path)).toEqual(["domain", "ttl", "dmarc.rua[0]"]);
  });

  test("app.synth() throws the same error, and an uncaught one prints no object dump and no stack frames", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "mc-app-"));
    try {
      const app = new App({ outdir });
      portfolio(app);
      const error = validationErrorOf(() => app.synth());
      expect(error.constructs).toHaveLength(3);
      expect(Object.keys(error)).not.toContain("reasons"); // Node prints own enumerable properties of an uncaught error
      expect(error.stack).toBe(`MailConnectValidationError: ${error.message}`);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test("problems of constructs in several stacks come in one error, from the first stack synthesized", () => {
    const app = Testing.app();
    const one = cloudflareStack(app);
    const two = new TerraformStack(app, "two");
    new MailConnectDomain(one, "good", { domain: "good.de", zone });
    new MailConnectDomain(two, "bad", { domain: "bad.de", ttl: 1, zone });
    new MailConnectFirewall(two, "fw", { securityGroupId: "sg-1" });
    const error = validationErrorOf(() => Testing.synth(one, true));
    expect(error.constructs.map((c) => c.subject)).toEqual(['MailConnectDomain "two/bad"', 'MailConnectFirewall "two/fw"']);
  });

  test("under the cdktf CLI every invalid construct gets one error annotation (the CLI prints each once) instead of a thrown error", () => {
    const saved = process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
    process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = "true";
    try {
      const stack = portfolio();
      expect(() => stack.runAllValidations()).not.toThrow();
      stack.runAllValidations(); // a second stack's validation adds nothing twice
      const errors = stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === "@cdktf/error").map((m) => [c.node.path, m.data, m.trace]));
      expect(errors.map(([p]) => p)).toEqual(["test/kunde-b", "test/kunde-c", "test/kunde-d"]);
      expect(errors[1][1]).toBe("invalid mail-connect options (1 problem):\n  - ttl: got 5; must be a whole number of seconds from 60 to 86400. Set ttl to e.g. 3600 or leave it out.");
      expect(errors.every(([, , trace]) => trace === undefined)).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
      else process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = saved;
    }
  });

  test("a valid app synthesizes with validations", () => {
    const stack = cloudflareStack();
    new MailConnectDomain(stack, "a", { domain: "a.de", zone });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});

describe("an invalid construct between construction and synth", () => {
  test("an invalid domain lists its problems, creates no records, and reading its results throws its own error", () => {
    const stack = cloudflareStack();
    const domain = new MailConnectDomain(stack, "bad", { domain: "firma.de", ttl: 5, zone });
    expect(domain.problems.map((p) => p.path)).toEqual(["ttl"]);
    expect(domain.node.children).toEqual([]);
    for (const read of [() => domain.fqdns, () => domain.plan, () => domain.domain, () => domain.resources, () => domain.clientSettings, () => domain.warnings, () => domain.firewall]) {
      const error = validationErrorOf(read);
      expect(error.message).toBe(
        'Invalid mail-connect options for MailConnectDomain "test/bad" (1 problem):\n  - ttl: got 5; must be a whole number of seconds from 60 to 86400. Set ttl to e.g. 3600 or leave it out.',
      );
    }
  });

  test("a valid domain has no problems and its results", () => {
    const domain = new MailConnectDomain(cloudflareStack(), "ok", { domain: "firma.de", zone });
    expect(domain.problems).toEqual([]);
    expect(domain.fqdns.dmarc).toBe("_dmarc.firma.de");
  });

  test.each<[string, unknown]>([
    ["null", null],
    ["undefined", undefined],
    ["a string", "firma.de"],
  ])("props that are %s are a problem, not a TypeError", (_case, props) => {
    const stack = cloudflareStack();
    expect(() => new MailConnectDomain(stack, "x", props as MailConnectDomainProps)).not.toThrow();
    const error = validationErrorOf(() => Testing.synth(stack, true));
    expect(error.reasons).toEqual([expect.objectContaining({ path: "props", value: props, rule: "must be an object" })]);
  });

  test("firewall: null is a problem of the domain, not a TypeError", () => {
    const stack = route53Stack();
    new MailConnectDomain(stack, "x", { domain: "firma.de", product: "secgate", zone: DnsZone.route53({ zoneName: "firma.de" }), firewall: null as never });
    expect(synthErrorOf(() => stack).messages).toEqual(['firewall: got null; must be an object. Pass firewall: { securityGroupId: "sg-..." } or leave it out.']);
  });
});

describe("messages describe values as the user knows them", () => {
  test("a security-group token is named by its construct path, not ${TfToken[...]}", () => {
    const stack = awsStack();
    const group = new SecurityGroup(stack, "mail-server", { name: "mail" });
    new MailConnectFirewall(stack, "fw", { securityGroupId: group.id });
    new MailConnectFirewall(stack, "fw2", { securityGroupId: group.id });
    const error = synthErrorOf(() => stack);
    expect(error.messages).toEqual([
      'securityGroupId: got the id of aws_security_group "test/mail-server" (known only at apply time); already has the MailConnectFirewall "test/fw" in this stack, and a second set of identical rules fails with InvalidPermission.Duplicate. Call allow() on that firewall, or get it with mailConnectFirewallFor().',
    ]);
    expect(error.message).not.toContain("TfToken");
  });

  test("a domain's firewall that would make no rules names the group by its construct path", () => {
    const stack = route53Stack();
    const group = new SecurityGroup(stack, "mail-server", { name: "mail" });
    new MailConnectDomain(stack, "x", { domain: "firma.de", zone: DnsZone.route53({ zoneName: "firma.de" }), firewall: { securityGroupId: group.id, name: "mail-server" } });
    const [message] = synthErrorOf(() => stack).messages;
    expect(message).toContain('firewall: got {"securityGroupId":"the id of aws_security_group \\"test/mail-server\\" (known only at apply time)"}; would make no rules');
  });

  test("an invalid domain never shows a placeholder domain in the other messages", () => {
    const stack = cloudflareStack();
    new MailConnectDomain(stack, "x", {
      domain: "not a domain",
      zone,
      serverNames: { incoming: "imap.other.example", outgoing: "autoconfig" },
      dmarc: { rua: ["nobody"] },
    });
    const error = synthErrorOf(() => stack);
    expect(error.message).not.toMatch(/\.invalid/);
    expect(error.messages).toContain('dmarc.rua[0]: got "nobody"; must be a mail address with a valid local part before the @. Write a mail address such as "dmarc-reports@firma.de" (with or without "mailto:").');
    expect(error.messages).toContain('serverNames.outgoing: got "autoconfig"; names "autoconfig", which is already used by the autoconfig record. Choose another name, e.g. "imap" for incoming and "smtp" for outgoing.');
  });
});

test("MailConnectValidationError keeps reasons for programs", () => {
  const error = new MailConnectValidationError("x", [{ path: "ttl", value: 1, rule: "r", fix: "f" }]);
  expect(error.reasons).toEqual([{ path: "ttl", value: 1, rule: "r", fix: "f" }]);
  expect(error.constructs).toEqual([]);
  expect(error).toBeInstanceOf(MailConnectValidationError);
});
