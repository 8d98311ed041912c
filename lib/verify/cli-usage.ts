/** The help text of `cdktf-mail-connect verify`. */
export const VERIFY_USAGE = `Usage: cdktf-mail-connect verify (--domain NAME [record flags] | --config FILE | --synth DIR [--stack NAME]...) [options]

Checks live DNS against the records mail-connect needs (the same planner MailConnectDomain
uses) or against what a synthesized cdktf app deploys.

What to expect (give one):
  --domain NAME               one domain, with the record flags below (MailConnectDomain's options)
  --config FILE               JSON: one options object or an array of them (many domains)
  --synth DIR                 cdktf output directory (cdktf.out): every MailConnectDomain in it
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

Which DNS servers are asked (two roles):
  records of the checked domains   --resolver, or --authoritative; default: the system resolver
  every other name (SPF includes,  --recursive-resolver; default: the system resolver
  _spf.mail-connect.net, CNAME targets outside the domain, the zone's NS records)
  --resolver HOST[:PORT]      read the domains' records from this server; an authoritative
                              server that does not recurse is fine ([::1]:53 for IPv6)
  --authoritative             ask every name server of each domain's zone directly (no
                              recursion): answers must be authoritative, servers must agree;
                              TTLs are compared with the planned ones
  --nameserver NAME=IP[:PORT] with --authoritative: use this address for a name server
                              instead of looking it up (repeatable)
  --recursive-resolver HOST[:PORT]  the resolver for every other name (without it and with
                              --resolver: the --resolver first, the system resolver where it
                              declines)

Options:
  --timeout MS                wait per query try, default 5000; a server that does not answer
                              its first query is not asked again
  --retries N                 retries per query, default 2
  --json                      print the report as JSON (schema cdktf-mail-connect/verify@2)
  --junit FILE                also write a JUnit XML report (one testsuite per domain)
  --all-checks                show every check, passing ones too (default: one line per
                              passing domain, failing checks expanded)
  --wide                      whole values instead of fitting the terminal (COLUMNS, else 100)
  --version                   print the version
  -h, --help                  show this help

Exit codes: 0 everything matches, 1 mismatches found, 2 could not check (bad arguments,
server unreachable, timeouts, SERVFAIL).
`;
