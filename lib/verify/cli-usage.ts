/** The help text of `cdktf-mail-connect verify`. */
export const VERIFY_USAGE = `Usage: cdktf-mail-connect verify (--domain NAME [record flags] | --config FILE | --synth DIR [--stack NAME]...) [options]

Checks live DNS against the records mail-connect needs (the same planner MailConnectDomain
uses) or against what a synthesized cdktf app deploys.

What to expect (give one):
  --domain NAME               one domain, with the record flags below (MailConnectDomain's options)
  --config FILE               JSON: one options object or an array of them (every option, many domains)
  --synth DIR                 cdktf output directory (cdktf.out): every MailConnectDomain in its stacks
  --stack NAME                with --synth: only this stack (repeatable)

Record flags (with --domain; repeatable ones marked *):
  --product pro|team|secgate|mailing      default pro
  --no-auto-setup                         PRO without autoconfig/autodiscover records
  --server-incoming NAME                  e.g. imap (CNAME to posteingang.mail-connect.net)
  --server-outgoing NAME                  e.g. smtp (CNAME to postausgang.mail-connect.net)
  --spf-include DOMAIN *   --spf-ip4 ADDR *   --spf-ip6 ADDR *   --spf-a   --spf-mx
  --spf-all neutral|softfail|fail         default neutral (?all)
  --dkim-selector NAME                    default mail-connect
  --dkim-key BASE64                       default: mail-connect's published key
  --dmarc-policy none|quarantine|reject   default quarantine
  --dmarc-subdomain-policy POLICY
  --dmarc-rua ADDRESS *    --dmarc-ruf ADDRESS *    --dmarc-no-ruf
  --extra-txt TEXT *                      other TXT values expected at the domain

Options:
  --resolver HOST[:PORT]      ask this server instead of the system resolver ([::1]:53 for IPv6)
  --timeout MS                wait per query try, default 5000 (doubled on each retry)
  --retries N                 retries per query, default 2
  --json                      print the report as JSON (schema cdktf-mail-connect/verify@1)
  -h, --help                  show this help

Exit codes: 0 everything matches, 1 mismatches found, 2 could not check (bad arguments,
resolver unreachable, timeouts, SERVFAIL).
`;
