/** The help text of `cdktf-mail-connect onboard` (the providers and their name servers from `PROVIDER_NAME_SERVERS`). */
import { PROVIDER_NAME_SERVERS, SELF_HOSTED_DNS_PROVIDER } from "../providers/provider-name-servers";
import { ONBOARD_JSON_SCHEMA } from "./onboard-json";

const KINDS = PROVIDER_NAME_SERVERS.map((p) => p.kind);
const GUESSES = PROVIDER_NAME_SERVERS.filter((p) => p.pattern !== undefined)
  .map((p) => `      ${p.example.padEnd(30)} → ${p.kind}\n`)
  .join("");
const EXAMPLE_PROVIDER = PROVIDER_NAME_SERVERS[0].kind;

/** The help text of `onboard` (at most 80 columns). */
export const ONBOARD_USAGE = `Usage: cdktf-mail-connect onboard --domain NAME [--product PRODUCT]
                                  [--provider PROVIDER] [options]

Reads the domain's mail records from live DNS (MX, SPF and every include it
names, DKIM selectors, DMARC, auto-setup and mail client host names, the other
TXT values at the domain) and plans its move to mail-connect: what changes per
record and what is kept (other senders' SPF terms, site verifications, DMARC
report addresses), the risks of the switch and what to do about each, the steps
in order, and a MailConnectDomain for your cdktf app that adopts the existing
records. Nothing is changed in DNS.

What to plan:
  --domain NAME
      the mail domain: firma.de, news.my-company.com, müller.de (Unicode or
      punycode)
  --product pro|team|secgate|mailing
      the mail-connect product booked; default pro
  --provider ${KINDS.join("|")}
      where the zone is hosted: picks the DnsZone factory, how existing records
      are adopted, and the provider binding the app imports. Default: guessed
      from the zone's NS records (the report says which and why):
${GUESSES}      ${"any other name".padEnd(30)} → ${SELF_HOSTED_DNS_PROVIDER.kind}
      (your own servers that take ${SELF_HOSTED_DNS_PROVIDER.title} dynamic updates: BIND,
      Knot, PowerDNS)

Which DNS servers are asked (two roles, as verify asks them): the domain's
records from --resolver, or with --authoritative from the zone's own name
servers; every other name (SPF includes, _spf.mail-connect.net, CNAME targets,
the zone's NS records) from --recursive-resolver. Default: the system resolver.
  --resolver HOST[:PORT]
      read the domain's records from this server; an authoritative server that
      does not recurse is fine ([::1]:53 for IPv6)
  --authoritative
      ask the zone's own name servers directly (no recursion; answers must be
      authoritative): what the zone holds now, not what resolvers still cache.
      The first server that answers is read (verify --authoritative compares
      them all)
  --nameserver NAME=IP[:PORT]
      with --authoritative: this address for a name server instead of looking
      it up (repeatable)
  --recursive-resolver HOST[:PORT]
      the resolver for every other name (without it, with --resolver: the
      --resolver first, the system resolver where it declines)
  --timeout MS        wait per query try, default 5000
  --retries N         retries per query, default 2

Output:
  (default)   a report: the domain, its zone, the mail host today, the DNS
              provider; the changes (record, type, now → after, action); SPF
              lookups n of 10 with the terms that cost them; the risks with
              what to do; the steps; then the TypeScript to paste. A one-line
              verdict on stderr. Fits the terminal (80 columns in a pipe, or
              COLUMNS)
  --wide      whole values instead of fitting the width
  --json      one JSON document instead, schema ${ONBOARD_JSON_SCHEMA}:
              { schema, domain, zone, product, provider, providerGuessed,
                providerReason, source, status (ready|blocked|unreadable),
                exitCode, unread: [{ name, type, message }],
                plan: the OnboardingPlan (options, adopt, changes, spf,
                  oldMailHost, risks, steps),
                typescript: the app's source }
              plan and typescript are null when DNS could not be read
  -h, --help  show this help

Examples:
  cdktf-mail-connect onboard --domain firma.de
  cdktf-mail-connect onboard --domain firma.de --product team \\
      --provider ${EXAMPLE_PROVIDER}
  cdktf-mail-connect onboard --domain firma.de --authoritative --json \\
      > firma-de.json
  cdktf-mail-connect onboard --domain firma.de --authoritative \\
      --nameserver ns1.firma.de=192.0.2.1 --recursive-resolver 192.0.2.53
  cdktf-mail-connect onboard --domain news.my-company.com --resolver 192.0.2.53

Exit codes: 0 ready (no blocking risk), 1 blocking risks (see Risks), 2 could
not read the domain's MX, TXT, SOA or DMARC record (server unreachable,
timeouts, SERVFAIL), or bad arguments.
`;
