import { MailConnectRecordOptions, MailConnectValidationError, TxtValue, planMailConnectRecords } from "../../lib";

/** Runs the planner and returns the reason texts it threw (fails the test if it did not throw). */
function reasonsFor(options: unknown): string[] {
  try {
    planMailConnectRecords(options as MailConnectRecordOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(MailConnectValidationError);
    return (error as MailConnectValidationError).messages;
  }
  throw new Error("expected a MailConnectValidationError");
}

const D = { domain: "firma.de" };

describe("domain", () => {
  test.each([
    ["1.2.3.4", 'domain: got "1.2.3.4"; must be a domain name: it must be a host name, not an IP address. Use the mail domain itself, e.g. "firma.de" or "news.my-company.com".'],
    ["[2001:db8::1]", 'domain: got "[2001:db8::1]"; must be a domain name: it must be a host name, not an IP address. Use the mail domain itself, e.g. "firma.de" or "news.my-company.com".'],
    ["*.firma.de", 'domain: got "*.firma.de"; must be a domain name: it must not contain a wildcard (*). Use the mail domain itself, e.g. "firma.de" or "news.my-company.com".'],
    ["localhost", 'domain: got "localhost"; must be a domain name: it must have at least two labels (e.g. firma.de). Use the mail domain itself, e.g. "firma.de" or "news.my-company.com".'],
    ["", 'domain: got ""; must be a domain name: it must be a non-empty host name. Use the mail domain itself, e.g. "firma.de" or "news.my-company.com".'],
    ["firma..de", 'domain: got "firma..de"; must be a domain name: it must not contain an empty label (two dots in a row). Use the mail domain itself, e.g. "firma.de" or "news.my-company.com".'],
    ["-firma.de", 'domain: got "-firma.de"; must be a domain name: it label "-firma" may hold only letters, digits and inner hyphens (RFC 1123). Use the mail domain itself, e.g. "firma.de" or "news.my-company.com".'],
    ["fir_ma.de", 'domain: got "fir_ma.de"; must be a domain name: it label "fir_ma" may hold only letters, digits and inner hyphens (RFC 1123). Use the mail domain itself, e.g. "firma.de" or "news.my-company.com".'],
    [`${"a".repeat(64)}.de`, `domain: got "${"a".repeat(64)}.de"; must be a domain name: it labels must be 1-63 characters, "aaaaaaaaaaaaaaaaaaaa..." has 64. Use the mail domain itself, e.g. "firma.de" or "news.my-company.com".`],
    [" firma.de", 'domain: got " firma.de"; must be a domain name: it must not have leading or trailing white space. Use the mail domain itself, e.g. "firma.de" or "news.my-company.com".'],
  ])("refuses %j", (domain, reason) => {
    expect(reasonsFor({ domain })).toEqual([reason]);
  });

  test("refuses a name over 253 characters", () => {
    const domain = `${"abcdefghi.".repeat(25)}de`; // 25 labels of 9 + 25 dots + "de": 252
    expect(reasonsFor({ domain: `x.${domain}` })).toEqual([
      `domain: got "x.${domain.slice(0, 115)}..."; must be a domain name: it must be at most 253 characters in punycode, has 254. Use the mail domain itself, e.g. "firma.de" or "news.my-company.com".`,
    ]);
  });

  test("accepts the longest domain whose DKIM record name fits 253 characters, and refuses one character more", () => {
    const domain = `${"abcdefghi.".repeat(22)}${"x".repeat(6)}.de`; // 229 = 253 - "mail-connect._domainkey.".length
    expect(domain).toHaveLength(229);
    const plan = planMailConnectRecords({ domain });
    expect(Math.max(...plan.records.map((r) => r.name.length))).toBe(253);
    expect(reasonsFor({ domain: `y${domain}` })).toEqual([
      `domain: got "y${domain.slice(0, 116)}..."; makes the DKIM record's name 254 characters long ("mail-connect._domainkey.yabcdefghi.abcde..."); a DNS name has at most 253 (RFC 1035 §2.3.4). Use a domain of at most 229 characters, or publish the records for a shorter (parent) domain.`,
    ]);
  });

  test("refuses a DKIM selector that makes the record name too long for the domain", () => {
    const selector = `${"s".repeat(63)}.${"s".repeat(63)}.${"s".repeat(63)}.${"s".repeat(50)}`;
    expect(reasonsFor({ domain: "firma.de", dkim: { selector } })).toEqual([
      `dkim.selector: got "${selector.slice(0, 117)}..."; makes the DKIM record's name 262 characters long ("${selector.slice(0, 40)}..."); a DNS name has at most 253 (RFC 1035 §2.3.4). Use a shorter selector (this domain leaves room for 233 characters).`,
    ]);
  });

  test("accepts a 63-character label", () => {
    expect(planMailConnectRecords({ domain: `${"a".repeat(63)}.de` }).domain).toBe(`${"a".repeat(63)}.de`);
  });
});

describe("auto-setup", () => {
  test.each([
    ["team", 'autoSetup: got true; auto-setup records are for mail-connect PRO only and must not be set for TEAM mailboxes (article: "Bitte setzen Sie diese Einträge nicht für mail-connect TEAM Postfächer"). Remove autoSetup or set it to false for product "team".'],
    ["secgate", 'autoSetup: got true; auto-setup records must not be set when mail-connect is only the filtering gateway (article: "dürfen Sie diese Einträge nicht setzen!"); your own mail server\'s auto-setup records apply instead. Remove autoSetup or set it to false for product "secgate".'],
    ["mailing", 'autoSetup: got true; auto-setup records are for mail-connect PRO mailboxes only (article: "für mail-connect PRO optional benötigt"); a mailing domain has no mailboxes to set up. Remove autoSetup or set it to false for product "mailing".'],
  ])("rejects autoconfig for %s", (product, reason) => {
    expect(reasonsFor({ ...D, product, autoSetup: true })).toEqual([reason]);
  });

  test("rejects an unknown product", () => {
    expect(reasonsFor({ ...D, product: "PRO" })).toEqual([
      'product: got "PRO"; must be one of "pro", "team", "secgate", "mailing". Set product to one of those or leave it out (default "pro").',
    ]);
  });
});

describe("server names", () => {
  test.each([
    [{ incoming: "80.254.138.130" }, 'serverNames.incoming: got "80.254.138.130"; must be a host name, not an IP address: mail-connect\'s IP addresses change without notice during maintenance or faults (article: "auf keinen Fall unsere IP-Adressen verwenden"). Use a label such as "imap" or a host name that ends in ".firma.de". It becomes a CNAME to posteingang.mail-connect.net.'],
    [{ outgoing: "2001:db8::25" }, 'serverNames.outgoing: got "2001:db8::25"; must be a host name, not an IP address: mail-connect\'s IP addresses change without notice during maintenance or faults (article: "auf keinen Fall unsere IP-Adressen verwenden"). Use a label such as "imap" or a host name that ends in ".firma.de". It becomes a CNAME to postausgang.mail-connect.net.'],
    [{ incoming: "mail", outgoing: "MAIL" }, 'serverNames.outgoing: got "MAIL"; names mail.firma.de, which is already used by serverNames.incoming. Choose another name, e.g. "imap" for incoming and "smtp" for outgoing.'],
    [{ incoming: "autoconfig" }, 'serverNames.incoming: got "autoconfig"; names autoconfig.firma.de, which is already used by the autoconfig record. Choose another name, e.g. "imap" for incoming and "smtp" for outgoing.'],
    [{ incoming: "_dmarc" }, 'serverNames.incoming: got "_dmarc"; names _dmarc.firma.de, which is already used by the DMARC record. Choose another name, e.g. "imap" for incoming and "smtp" for outgoing.'],
    [{ outgoing: "mail-connect._domainkey.firma.de" }, 'serverNames.outgoing: got "mail-connect._domainkey.firma.de"; names mail-connect._domainkey.firma.de, which is already used by the DKIM record. Choose another name, e.g. "imap" for incoming and "smtp" for outgoing.'],
    [{ outgoing: "firma.de" }, 'serverNames.outgoing: got "firma.de"; names firma.de, which is already used by the MX/SPF (domain apex) record. Choose another name, e.g. "imap" for incoming and "smtp" for outgoing.'],
    [{ incoming: "imap.other.de" }, 'serverNames.incoming: got "imap.other.de"; must lie inside firma.de (below it, not the domain itself). Use a label such as "imap" or a host name that ends in ".firma.de".'],
    [{ incoming: "im ap" }, 'serverNames.incoming: got "im ap"; must be a valid host name: it contains a space, which no host name holds. Use a label such as "imap" or a host name that ends in ".firma.de".'],
  ])("refuses %j", (serverNames, reason) => {
    expect(reasonsFor({ ...D, serverNames })).toEqual([reason]);
  });
});

describe("SPF", () => {
  test.each([
    [{ ip4: ["80.254.138.130/26"] }, 'spf.ip4[0]: got "80.254.138.130/26"; has host bits set after the /26 prefix. Write the network as 80.254.138.128/26.'],
    [{ ip4: ["2001:db8::1"] }, 'spf.ip4[0]: got "2001:db8::1"; must be an IPv4 address or network in CIDR notation (that is an IPv6 value: put it in spf.ip6). Write it like 203.0.113.5 or 203.0.113.0/24.'],
    [{ ip4: ["203.0.113.300"] }, 'spf.ip4[0]: got "203.0.113.300"; must be an IPv4 address or network in CIDR notation. Write it like 203.0.113.5 or 203.0.113.0/24.'],
    [{ ip4: ["203.0.113.0/33"] }, 'spf.ip4[0]: got "203.0.113.0/33"; must be an IPv4 address or network in CIDR notation. Write it like 203.0.113.5 or 203.0.113.0/24.'],
    [{ ip4: ["0.0.0.0/0"] }, 'spf.ip4[0]: got "0.0.0.0/0"; would authorise every address on the internet. List only your own senders\' addresses or networks.'],
    [{ ip4: ["203.0.113.5", "203.0.113.5/32"] }, 'spf.ip4[1]: got "203.0.113.5/32"; duplicates spf.ip4[0]. Remove one of the two entries.'],
    [{ ip6: ["2001:db8::1/32"] }, 'spf.ip6[0]: got "2001:db8::1/32"; has host bits set after the /32 prefix. Write the network as 2001:db8::/32.'],
    [{ ip6: ["2001:DB8::/32", "2001:db8:0::/32"] }, 'spf.ip6[1]: got "2001:db8:0::/32"; duplicates spf.ip6[0]. Remove one of the two entries.'],
    [{ ip6: ["203.0.113.5"] }, 'spf.ip6[0]: got "203.0.113.5"; must be an IPv6 address or network in CIDR notation (that is an IPv4 value: put it in spf.ip4). Write it like 2001:db8::1 or 2001:db8::/48.'],
    [{ include: ["include:spf.shop.example"] }, 'spf.include[0]: got "include:spf.shop.example"; must be a domain name, not an SPF term. Give the domain only (e.g. "spf.shop.example"); the library writes "include:".'],
    [{ include: ["ptr:firma.de"] }, 'spf.include[0]: got "ptr:firma.de"; must be a domain name, not an SPF term. Give the domain only (e.g. "firma.de"); the library writes "include:".'],
    [{ include: ["_spf.mail-connect.net."] }, 'spf.include[0]: got "_spf.mail-connect.net."; is mail-connect\'s own include, which the record always has. Remove it from spf.include.'],
    [{ include: ["spf.shop.example", "SPF.shop.example"] }, 'spf.include[1]: got "SPF.shop.example"; duplicates spf.include[0]. Remove one of the two entries.'],
    [{ include: ["shop"] }, 'spf.include[0]: got "shop"; must be a valid domain name: it must have at least two labels (e.g. firma.de). Give the sender\'s SPF domain, e.g. "spf.shop-provider.example".'],
    [{ include: ["%{i}.spf.example"] }, 'spf.include[0]: got "%{i}.spf.example"; must not use SPF macros. Give a plain domain name.'],
    [{ ptr: true }, "spf.ptr: got true; is not supported: RFC 7208 §5.5 says the ptr mechanism SHOULD NOT be used (slow, unreliable, ignored by many receivers). List the sending servers in spf.ip4 / spf.ip6 instead."],
    [{ all: "-all" }, 'spf.all: got "-all"; must be one of "neutral", "softfail", "fail". Set spf.all to one of those or leave it out (default "neutral").'],
    [{ a: "yes" }, 'spf.a: got "yes"; must be true or false. Set spf.a to true or false or leave it out (default false).'],
    [{ includes: ["x.example"] }, 'spf.includes: got ["x.example"]; is not a known option. Use one of: include, ip4, ip6, a, mx, all.'],
  ])("refuses %j", (spf, reason) => {
    expect(reasonsFor({ ...D, spf })).toEqual([reason]);
  });

  test("counts DNS lookups: mail-connect's include, 8 more includes and a make 10, mx makes 11", () => {
    const include = Array.from({ length: 8 }, (_, i) => `spf${i}.example`);
    expect(() => planMailConnectRecords({ ...D, spf: { include, a: true } })).not.toThrow();
    expect(reasonsFor({ ...D, spf: { include, a: true, mx: true } })).toEqual([
      `spf: got {"include":${JSON.stringify(include)},"a":true,"mx":true}; needs 11 DNS lookups (mail-connect's include counts as 1; each include, a and mx 1 more), RFC 7208 allows at most 10. Replace includes with the senders' ip4/ip6 networks, or drop a and mx.`.replace(/\{"include":.{0,200}?"mx":true\}/, (m) => (m.length > 120 ? `${m.slice(0, 117)}...` : m)),
    ]);
  });

  test("keeps the record under 450 bytes", () => {
    const ip4 = Array.from({ length: 20 }, (_, i) => `198.51.100.${i + 1}`);
    expect(() => planMailConnectRecords({ ...D, spf: { ip4 } })).not.toThrow();
    const more = Array.from({ length: 25 }, (_, i) => `198.51.100.${i + 1}`);
    const [reason] = reasonsFor({ ...D, spf: { ip4: more } });
    expect(reason).toMatch(/^spf: got "v=spf1 ip4:198\.51\.100\.1 .*\.\.\."; makes a record of 4\d\d bytes; it must stay under 450 bytes so the answer fits in one UDP packet \(RFC 7208 §3\.4\)\. Merge addresses/);
  });
});

describe("DKIM", () => {
  test.each([
    [{ selector: "mail connect" }, 'dkim.selector: got "mail connect"; must be one or more DNS labels: it contains a space, which no host name holds. Use the selector mail-connect signs with ("mail-connect") or leave it out.'],
    [{ selector: "mc." }, 'dkim.selector: got "mc."; must be one or more DNS labels: it must not end with a dot. Use the selector mail-connect signs with ("mail-connect") or leave it out.'],
    [{ publicKey: "not a key" }, 'dkim.publicKey: got "not a key"; must be a public key in PEM or base64 (SubjectPublicKeyInfo, PKCS#1, or a raw 32-byte Ed25519 key), or the record value `v=DKIM1; k=rsa; p=<key>`. Paste the key exactly as mail-connect gave it, or leave it out to use mail-connect\'s published key.'],
    [{ publicKey: "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDCdG1MYcrYYxCb3fcCSfgs6GyprlkaKNJ1qCsru1B0" }, 'dkim.publicKey: got "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDCdG1MYcrYYxCb3fcCSfgs6GyprlkaKNJ1qCsru1B0"; must be a public key in PEM or base64 (SubjectPublicKeyInfo, PKCS#1, or a raw 32-byte Ed25519 key), or the record value `v=DKIM1; k=rsa; p=<key>`. Paste the key exactly as mail-connect gave it, or leave it out to use mail-connect\'s published key.'],
    [{ keyType: "ed25519" }, 'dkim.keyType: got "ed25519"; must match the key, which is an RSA key (k=rsa). Set dkim.keyType to "rsa" or leave it out.'],
  ])("refuses %j", (dkim, reason) => {
    expect(reasonsFor({ ...D, dkim })).toEqual([reason]);
  });
});

describe("DMARC", () => {
  test.each([
    [{ policy: "block" }, 'dmarc.policy: got "block"; must be one of "none", "quarantine", "reject". Set dmarc.policy to one of those or leave it out (default "quarantine").'],
    [{ subdomainPolicy: "Reject" }, 'dmarc.subdomainPolicy: got "Reject"; must be one of "none", "quarantine", "reject". Set dmarc.subdomainPolicy to one of those or leave it out.'],
    [{ nonExistentSubdomainPolicy: "" }, 'dmarc.nonExistentSubdomainPolicy: got ""; must be one of "none", "quarantine", "reject". Set dmarc.nonExistentSubdomainPolicy to one of those or leave it out.'],
    [{ rua: ["dmarc"] }, 'dmarc.rua[0]: got "dmarc"; must be a mail address with a valid local part before the @. Write a mail address such as "dmarc-reports@firma.de" (with or without "mailto:").'],
    [{ rua: ["https://reports.example/dmarc"] }, 'dmarc.rua[0]: got "https://reports.example/dmarc"; must be a mailto: URI; DMARC reports are sent by mail. Write a mail address such as "dmarc-reports@firma.de" (with or without "mailto:").'],
    [{ ruf: ["postmaster@firma"] }, 'dmarc.ruf[0]: got "postmaster@firma"; must be a mail address with a valid domain after the @ (it must have at least two labels (e.g. firma.de)). Write a mail address such as "dmarc-reports@firma.de" (with or without "mailto:").'],
    [{ rua: ["a@firma.de", "mailto:a@FIRMA.de"] }, 'dmarc.rua[1]: got "mailto:a@FIRMA.de"; duplicates an earlier dmarc.rua entry. Remove one of the two entries.'],
    [{ rua: ["mailto:a%2@firma.de"] }, 'dmarc.rua[0]: got "mailto:a%2@firma.de"; has a broken percent-encoding. Write a mail address such as "dmarc-reports@firma.de" (with or without "mailto:").'],
    [{ rua: "a@firma.de" }, 'dmarc.rua: got "a@firma.de"; must be an array. Pass a list such as dmarc.rua: ["dmarc-reports@firma.de"].'],
    [{ failureOptions: ["2"] }, 'dmarc.failureOptions[0]: got "2"; must be one of "0", "1", "d", "s". Use "0" (all checks failed), "1" (any check failed), "d" (DKIM failed) or "s" (SPF failed).'],
    [{ failureOptions: ["1", "1"] }, 'dmarc.failureOptions[1]: got "1"; duplicates an earlier dmarc.failureOptions entry. Remove one of the two entries.'],
    [{ alignment: { dkim: "s" } }, 'dmarc.alignment.dkim: got "s"; must be one of "relaxed", "strict". Set dmarc.alignment.dkim to one of those or leave it out (default "relaxed").'],
    [{ pct: 50 }, 'dmarc.pct: got 50; is not a DMARC tag any more: RFC 9989 removed "pct". Remove dmarc.pct; use dmarc.testing for a gradual roll-out.'],
    [{ ri: 86400 }, 'dmarc.ri: got 86400; is not a DMARC tag any more: RFC 9989 removed "ri". Remove dmarc.ri.'],
  ])("refuses %j", (dmarc, reason) => {
    expect(reasonsFor({ ...D, dmarc })).toEqual([reason]);
  });
});

describe("extra TXT and TTL", () => {
  test.each([
    [["v=spf1 include:spf.shop.example -all"], 'extraTxt[0]: got "v=spf1 include:spf.shop.example -all"; is an SPF record, and a domain may have only one (RFC 7208 §3.2: two make SPF fail with permerror). Put its senders into spf.include / spf.ip4 / spf.ip6 instead.'],
    [["V=SPF1 -all"], 'extraTxt[0]: got "V=SPF1 -all"; is an SPF record, and a domain may have only one (RFC 7208 §3.2: two make SPF fail with permerror). Put its senders into spf.include / spf.ip4 / spf.ip6 instead.'],
    [['say "hi"'], 'extraTxt[0]: got "say \\"hi\\""; must be publishable as TXT: it must not contain a double quote ("). Use the value exactly as the service gave it, in printable ASCII.'],
    [["back\\slash"], 'extraTxt[0]: got "back\\\\slash"; must be publishable as TXT: it must not contain a backslash (\\). Use the value exactly as the service gave it, in printable ASCII.'],
    [["grüße"], 'extraTxt[0]: got "grüße"; must be publishable as TXT: it must be printable ASCII only; found "ü" (U+00FC). Use the value exactly as the service gave it, in printable ASCII.'],
    [["tab\there"], 'extraTxt[0]: got "tab\\there"; must be publishable as TXT: it must be printable ASCII only; found "\\t" (U+0009). Use the value exactly as the service gave it, in printable ASCII.'],
    [[""], 'extraTxt[0]: got ""; must be publishable as TXT: it must not be empty. Use the value exactly as the service gave it, in printable ASCII.'],
    [["x".repeat(2026)], `extraTxt[0]: got "${"x".repeat(117)}..."; must be publishable as TXT: it must be at most 2025 characters (the library's TXT limit: what Cloudflare's 2048-character content holds as quoted 255-byte strings), has 2026. Use the value exactly as the service gave it, in printable ASCII.`],
    [["ms=1", "ms=1"], 'extraTxt[1]: got "ms=1"; duplicates extraTxt[0]. Remove one of the two entries.'],
  ])("refuses %j", (extraTxt, reason) => {
    expect(reasonsFor({ ...D, extraTxt })).toEqual([reason]);
  });

  test.each([[59], [86401], [3600.5], ["3600"]])("refuses ttl %j", (ttl) => {
    expect(reasonsFor({ ...D, ttl })).toEqual([`ttl: got ${JSON.stringify(ttl)}; must be a whole number of seconds from 60 to 86400. Set ttl to e.g. 3600 or leave it out.`]);
  });

  test.each([[60], [86400]])("accepts ttl %j", (ttl) => {
    expect(planMailConnectRecords({ ...D, ttl }).records[0].ttl).toBe(ttl);
  });

  test("accepts a TXT value of exactly 2025 characters: 8 quoted 255-byte strings fill Cloudflare's 2,048-character content", () => {
    const plan = planMailConnectRecords({ ...D, extraTxt: ["x".repeat(2025)] });
    const value = plan.records.find((r) => r.purpose === "text")!.values[0] as TxtValue;
    expect(value.strings).toHaveLength(8);
    expect(value.strings.map((chunk) => `"${chunk}"`).join(" ")).toHaveLength(2048);
  });

  test("refuses extra TXT values whose content at the domain, with SPF, exceeds Cloudflare's 8,192 characters per name and type", () => {
    const extraTxt = ["a", "b", "c", "d"].map((c) => c.repeat(2025));
    expect(planMailConnectRecords({ ...D, extraTxt: extraTxt.slice(0, 3) }).records.some((r) => r.purpose === "text")).toBe(true);
    expect(reasonsFor({ ...D, extraTxt })).toEqual([
      'extraTxt: got "4 values"; with the SPF record make 8235 characters of TXT content at the domain; Cloudflare accepts at most 8192 for the records of one name and type (the library\'s limit on every provider). Remove verification values that are no longer needed (most services need them only once).',
    ]);
  });

  test("refuses DMARC report addresses that make the record longer than the TXT limit", () => {
    const rua = Array.from({ length: 80 }, (_, i) => `dmarc-report-${i}@firma.de`);
    expect(reasonsFor({ ...D, dmarc: { rua } })).toEqual([
      'dmarc: got {"rua":80,"ruf":1}; makes a DMARC record that must be at most 2025 characters (the library\'s TXT limit: what Cloudflare\'s 2048-character content holds as quoted 255-byte strings), has 2610. List fewer report addresses: one mailbox per kind (rua, ruf) that forwards to the others is enough.',
    ]);
  });
});

describe("all problems at once", () => {
  test("lists every problem in one error, in option order", () => {
    const paths = (() => {
      try {
        planMailConnectRecords({ domain: "1.2.3.4", product: "team", autoSetup: true, ttl: 1, spf: { all: "x" }, dmarc: { policy: "y" }, extraTxt: ["v=spf1"], serverNames: { incoming: "10.0.0.1" }, typo: 1 } as unknown as MailConnectRecordOptions);
      } catch (error) {
        return (error as MailConnectValidationError).reasons.map((r) => r.path);
      }
      return [];
    })();
    expect(paths).toEqual(["domain", "typo", "autoSetup", "ttl", "spf.all", "dmarc.policy", "extraTxt[0]", "serverNames.incoming"]);
  });

  test("the message names the domain and counts the problems", () => {
    expect(() => planMailConnectRecords({ domain: "firma.de", ttl: 1, spf: { all: "x" as never } })).toThrow(/^Invalid mail-connect options for "firma.de" \(2 problems\):\n  - ttl: got 1;/);
  });
});

describe("rules found in review", () => {
  test("a server name written in Unicode is compared in punycode against the reserved names", () => {
    expect(reasonsFor({ domain: "bücher.de", serverNames: { incoming: "autoconfig.bücher.de" } })).toEqual([
      'serverNames.incoming: got "autoconfig.bücher.de"; names autoconfig.xn--bcher-kva.de, which is already used by the autoconfig record. Choose another name, e.g. "imap" for incoming and "smtp" for outgoing.',
    ]);
  });

  test("refuses server names for SECGATE, whose clients use the customer's own server", () => {
    expect(reasonsFor({ ...D, product: "secgate", serverNames: { incoming: "imap" } })).toEqual([
      'serverNames: got {"incoming":"imap"}; points mail clients at mail-connect\'s servers, but with SECGATE your clients use your own mail server (mail-connect only filters in front of it). Remove serverNames; publish your own server\'s names in your own records.',
    ]);
  });

  test("an SPF record of 449 bytes is accepted, 450 bytes is refused", () => {
    const ip4 = Array.from({ length: 18 }, (_, i) => `198.51.100.${100 + i}`);
    const base = Buffer.byteLength(`v=spf1 ${ip4.map((ip) => `ip4:${ip}`).join(" ")} include:_spf.mail-connect.net ?all`);
    const includeOf = (total: number) => `${"a".repeat(total - base - " include:".length - ".example".length)}.example`;
    const plan = planMailConnectRecords({ ...D, spf: { ip4, include: [includeOf(449)] } });
    const spf = plan.records.find((r) => r.purpose === "spf")!.values[0] as { text: string };
    expect(Buffer.byteLength(spf.text)).toBe(449);
    expect(reasonsFor({ ...D, spf: { ip4, include: [includeOf(450)] } })[0]).toMatch(/^spf: got ".*"; makes a record of 450 bytes; it must stay under 450 bytes/);
  });
});
