/**
 * Names are refused, never altered: the reproducers of issue 12, where Node's IDN conversion
 * cut a name at `/ \ ? #` or decoded `%xx`, and the name the user probably meant in the reason.
 */
import { DnsZone, planMailConnectRecords, toZoneFile } from "../../lib";
import { validationReasonsOf } from "../support/validation-error";

const reasonsFor = (options: object) => validationReasonsOf(() => planMailConnectRecords(options as never));

test.each([
  [{ domain: "firma.de/kontakt" }, 'domain: got "firma.de/kontakt"; must be a domain name: it contains "/", which no host name holds (did you mean "firma.de"?). Use the mail domain itself, e.g. "firma.de" or "news.my-company.com".'],
  [{ domain: "https://firma.de/kontakt" }, 'domain: got "https://firma.de/kontakt"; must be a domain name: it contains ":", which no host name holds (did you mean "firma.de"?). Use the mail domain itself, e.g. "firma.de" or "news.my-company.com".'],
  [{ domain: "evil.example#firma.de" }, 'domain: got "evil.example#firma.de"; must be a domain name: it contains "#", which no host name holds (did you mean "evil.example"?). Use the mail domain itself, e.g. "firma.de" or "news.my-company.com".'],
  [{ domain: "fir%6Da.de" }, 'domain: got "fir%6Da.de"; must be a domain name: it contains "%", which no host name holds (did you mean "firma.de"?). Use the mail domain itself, e.g. "firma.de" or "news.my-company.com".'],
  [{ domain: "firma\t.de" }, 'domain: got "firma\\t.de"; must be a domain name: it contains "\\t", which no host name holds. Use the mail domain itself, e.g. "firma.de" or "news.my-company.com".'],
  [{ domain: "ｆｉｒｍａ.de" }, 'domain: got "ｆｉｒｍａ.de"; must be a domain name: it label "ｆｉｒｍａ" would be changed by IDN conversion to "firma" (firma); write it as "firma". Use the mail domain itself, e.g. "firma.de" or "news.my-company.com".'],
  [{ domain: "firma.de", spf: { include: ["spf.partner.example\\evil"] } }, 'spf.include[0]: got "spf.partner.example\\\\evil"; must be a valid domain name: it contains "\\\\", which no host name holds (did you mean "spf.partner.example"?). Give the sender\'s SPF domain, e.g. "spf.shop-provider.example".'],
  [{ domain: "firma.de", dkim: { selector: "sel/2024" } }, 'dkim.selector: got "sel/2024"; must be one or more DNS labels: it contains "/", which no host name holds (did you mean "sel"?). Use the selector mail-connect signs with ("mail-connect") or leave it out.'],
  [{ domain: "firma.de", serverNames: { incoming: "imap?x" } }, 'serverNames.incoming: got "imap?x"; must be a valid host name: it contains "?", which no host name holds (did you mean "imap"?). Use a label such as "imap" or a host name that ends in ".firma.de".'],
  [{ domain: "firma.de", dmarc: { rua: ["reports@firma.de/x"] } }, 'dmarc.rua[0]: got "reports@firma.de/x"; must be a mail address with a valid domain after the @ (it contains "/", which no host name holds (did you mean "firma.de"?)). Write a mail address such as "dmarc-reports@firma.de" (with or without "mailto:").'],
])("refuses %j with the name probably meant", (options, reason) => {
  expect(reasonsFor(options)).toEqual([reason]);
});

test("a zone name that IDN conversion would cut is refused, not looked up as another zone", () => {
  const zone = DnsZone.route53({ zoneName: "evil.example#firma.de" });
  expect(zone.zoneName).toBeUndefined();
  expect(zone.reasons.map((r) => `${r.path}: ${r.rule}`)).toEqual(['zone.zoneName: contains "#", which no host name holds (did you mean "evil.example"?)']);
});

test("a zone-file origin that IDN conversion would cut is refused", () => {
  const plan = planMailConnectRecords({ domain: "firma.de" });
  expect(validationReasonsOf(() => toZoneFile(plan, { origin: "de#x" }))).toEqual([
    'origin: got "de#x"; contains "#", which no host name holds (did you mean "de"?). Pass the zone\'s domain, e.g. origin: "firma.de".',
  ]);
});

test("upper case, a trailing dot and Unicode are the only changes a name gets", () => {
  expect(planMailConnectRecords({ domain: "Bücher.DE." }).domain).toBe("xn--bcher-kva.de");
  expect(planMailConnectRecords({ domain: "firma.de", dkim: { selector: "S1.2024" } }).records.find((r) => r.purpose === "dkim")!.name).toBe("s1.2024._domainkey.firma.de");
});
