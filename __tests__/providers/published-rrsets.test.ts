import { TerraformJson, UnpublishableRecordError, publishedRrsetsFromTerraform } from "../../lib/providers/published";

const KEY_2048_TEXT = `v=DKIM1; k=rsa; p=${"A".repeat(392)}`; // 410 bytes: two character-strings

function cf(records: Record<string, Record<string, unknown>>): TerraformJson {
  const base = { zone_id: "0123456789abcdef0123456789abcdef", ttl: 3600, proxied: false };
  return { resource: { cloudflare_dns_record: Object.fromEntries(Object.entries(records).map(([id, r]) => [id, { ...base, ...r }])) } };
}
function r53(records: Record<string, Record<string, unknown>>): TerraformJson {
  const base = { zone_id: "Z0123456789", ttl: 3600 };
  return { resource: { aws_route53_record: Object.fromEntries(Object.entries(records).map(([id, r]) => [id, { ...base, ...r }])) } };
}
function problems(json: TerraformJson): string[] {
  try {
    publishedRrsetsFromTerraform(json);
  } catch (error) {
    expect(error).toBeInstanceOf(UnpublishableRecordError);
    return [...(error as UnpublishableRecordError).problems];
  }
  throw new Error("expected UnpublishableRecordError");
}

describe("Cloudflare records as published", () => {
  test("reads MX, CNAME, SRV and quoted TXT into presentation-form RRsets", () => {
    const sets = publishedRrsetsFromTerraform(
      cf({
        mx: { name: "firma.de", type: "MX", content: "mx.mail-connect.net", priority: 10 },
        ac: { name: "autoconfig.firma.de", type: "CNAME", content: "autoconfig.mail-connect.net" },
        ad: { name: "_autodiscover._tcp.firma.de", type: "SRV", priority: 1, data: { priority: 1, weight: 100, port: 443, target: "autodiscover.mail-connect.net" } },
        spf: { name: "firma.de", type: "TXT", content: '"v=spf1 include:_spf.mail-connect.net ?all"' },
        site: { name: "firma.de", type: "TXT", content: '"ms=123"' },
        dkim: { name: "mail-connect._domainkey.firma.de", type: "TXT", content: `"${KEY_2048_TEXT.slice(0, 255)}" "${KEY_2048_TEXT.slice(255)}"` },
      }),
    );
    expect(sets.map((s) => [s.name, s.type, s.rdata])).toEqual([
      ["firma.de", "MX", ["10 mx.mail-connect.net."]],
      ["autoconfig.firma.de", "CNAME", ["autoconfig.mail-connect.net."]],
      ["_autodiscover._tcp.firma.de", "SRV", ["1 100 443 autodiscover.mail-connect.net."]],
      ["firma.de", "TXT", ['"v=spf1 include:_spf.mail-connect.net ?all"', '"ms=123"']],
      ["mail-connect._domainkey.firma.de", "TXT", [`"${KEY_2048_TEXT.slice(0, 255)}" "${KEY_2048_TEXT.slice(255)}"`]],
    ]);
    expect(sets[3].sources).toEqual(["cloudflare_dns_record.spf", "cloudflare_dns_record.site"]);
  });

  test("short unquoted TXT content is one character-string; automatic TTL is 300", () => {
    const [set] = publishedRrsetsFromTerraform(cf({ t: { name: "firma.de", type: "TXT", content: "hello", ttl: 1 } }));
    expect([set.rdata, set.ttl]).toEqual([['"hello"'], 300]);
  });

  test.each([
    ["a trailing dot in MX content", { name: "firma.de", type: "MX", content: "mx.mail-connect.net.", priority: 10 }, 'cloudflare_dns_record.r: MX content "mx.mail-connect.net." ends with a dot: Cloudflare strips it and every plan re-adds it (#7286)'],
    ["a trailing dot in the SRV target", { name: "_autodiscover._tcp.firma.de", type: "SRV", priority: 1, data: { priority: 1, weight: 100, port: 443, target: "autodiscover.mail-connect.net." } }, 'cloudflare_dns_record.r: SRV data.target "autodiscover.mail-connect.net." ends with a dot: Cloudflare strips it and every plan re-adds it (#7286)'],
    ["an SRV without matching top-level priority", { name: "_autodiscover._tcp.firma.de", type: "SRV", data: { priority: 1, weight: 100, port: 443, target: "autodiscover.mail-connect.net" } }, "cloudflare_dns_record.r: SRV top-level priority undefined must equal data.priority 1 (#6684)"],
    ["a relative name", { name: "_dmarc", type: "TXT", content: '"v=DMARC1; p=none;"' }, 'cloudflare_dns_record.r: name "_dmarc" must be a lowercase FQDN without trailing dot'],
    ["an @ name", { name: "@", type: "TXT", content: '"x"' }, 'cloudflare_dns_record.r: name "@" must be a lowercase FQDN without trailing dot'],
    ["unquoted TXT over 255 bytes", { name: "firma.de", type: "TXT", content: "x".repeat(256) }, "cloudflare_dns_record.r: unquoted TXT content of 256 bytes is re-split by Cloudflare and drifts on every plan (#6238)"],
    ["a quoted chunk over 255 bytes", { name: "firma.de", type: "TXT", content: `"${"x".repeat(256)}"` }, "cloudflare_dns_record.r: TXT content has a character-string over 255 bytes"],
    ["chunks joined without a space", { name: "firma.de", type: "TXT", content: '"a""b"' }, "cloudflare_dns_record.r: TXT content cannot be read as character-strings: no space between character-strings"],
    ["a proxied CNAME", { name: "autoconfig.firma.de", type: "CNAME", content: "autoconfig.mail-connect.net", proxied: true }, "cloudflare_dns_record.r: proxied: true publishes Cloudflare's own addresses instead of this record"],
    ["empty tags", { name: "firma.de", type: "TXT", content: '"x"', tags: [] }, "cloudflare_dns_record.r: an empty tags makes every plan show a change (#5858, #5517)"],
  ])("refuses %s", (_what, record, expected) => {
    expect(problems(cf({ r: record }))).toEqual([expected]);
  });

  test("refuses two SPF records at one name", () => {
    const json = cf({ a: { name: "firma.de", type: "TXT", content: '"v=spf1 -all"' }, b: { name: "firma.de", type: "TXT", content: '"v=spf1 include:x.example ?all"' } });
    expect(problems(json)).toEqual(["cloudflare_dns_record.a, cloudflare_dns_record.b: 2 SPF records at firma.de; SPF fails with permerror when there is more than one (RFC 7208 §3.2)"]);
  });
});

describe("Route53 records as published", () => {
  test("reads values, joining \"\"-split TXT chunks into character-strings", () => {
    const sets = publishedRrsetsFromTerraform(
      r53({
        mx: { name: "firma.de", type: "MX", records: ["10 mx.mail-connect.net."] },
        txt: { name: "firma.de", type: "TXT", records: ["v=spf1 include:_spf.mail-connect.net ?all", "ms=123"] },
        dkim: { name: "mail-connect._domainkey.firma.de", type: "TXT", records: [`${KEY_2048_TEXT.slice(0, 255)}""${KEY_2048_TEXT.slice(255)}`] },
        ad: { name: "_autodiscover._tcp.firma.de", type: "SRV", records: ["1 100 443 autodiscover.mail-connect.net."] },
      }),
    );
    expect(sets.map((s) => s.rdata)).toEqual([
      ["10 mx.mail-connect.net."],
      ['"v=spf1 include:_spf.mail-connect.net ?all"', '"ms=123"'],
      [`"${KEY_2048_TEXT.slice(0, 255)}" "${KEY_2048_TEXT.slice(255)}"`],
      ["1 100 443 autodiscover.mail-connect.net."],
    ]);
  });

  test.each([
    ["outer quotes", { name: "firma.de", type: "TXT", records: ['"v=spf1 -all"'] }, 'aws_route53_record.r: TXT value "\\"v=spf1 -all\\"" has outer quotes; the provider adds them (InvalidCharacterString)'],
    ["an unsplit 256-byte TXT value", { name: "firma.de", type: "TXT", records: ["x".repeat(256)] }, 'aws_route53_record.r: TXT chunk of 256 bytes: Route53 refuses character-strings over 255 bytes (CharacterStringTooLong); join 255-byte chunks with ""'],
    ["a trailing-dot name", { name: "firma.de.", type: "MX", records: ["10 mx.mail-connect.net."] }, 'aws_route53_record.r: name "firma.de." must be a lowercase FQDN without trailing dot (a change of form replaces the record)'],
    ["a malformed MX", { name: "firma.de", type: "MX", records: ["mx.mail-connect.net."] }, 'aws_route53_record.r: MX value "mx.mail-connect.net." must be "<preference> <host>"'],
  ])("refuses %s", (_what, record, expected) => {
    expect(problems(r53({ r: record }))).toEqual([expected]);
  });

  test("refuses a second resource for one name and type", () => {
    const json = r53({ spf: { name: "firma.de", type: "TXT", records: ["v=spf1 -all"] }, site: { name: "firma.de", type: "TXT", records: ["ms=1"] } });
    expect(problems(json)).toEqual([
      "aws_route53_record.site: a second Route53 resource for firma.de TXT (also aws_route53_record.spf); one resource must hold the whole set",
    ]);
  });
});

test("unknown record types fail unless skipUnknown is set", () => {
  const json = r53({ a: { name: "www.firma.de", type: "A", records: ["192.0.2.1"] } });
  expect(problems(json)).toEqual(['aws_route53_record.a: type "A" is not one this round-trip reads']);
  expect(publishedRrsetsFromTerraform(json, { skipUnknown: true })).toEqual([]);
});

test("onUnreadable leaves out resources that cannot be read alone, but still refuses conflicts between the rest", () => {
  const json: TerraformJson = {
    resource: {
      cloudflare_dns_record: {
        lb: { zone_id: "z", ttl: 300, proxied: false, name: "www.firma.de", type: "CNAME", content: "${aws_lb.web.dns_name}" },
        mx: { zone_id: "z", ttl: 3600, proxied: false, name: "firma.de", type: "MX", content: "mx.mail-connect.net", priority: 10 },
      },
    },
  };
  const unreadable: string[] = [];
  const sets = publishedRrsetsFromTerraform(json, { onUnreadable: (p) => unreadable.push(p) });
  expect(sets.map((s) => `${s.name} ${s.type}`)).toEqual(["firma.de MX"]);
  expect(unreadable).toEqual(['cloudflare_dns_record.lb: CNAME content is not a literal host name ("${aws_lb.web.dns_name}")']);

  const twoSpf = cf({ a: { name: "firma.de", type: "TXT", content: '"v=spf1 -all"' }, b: { name: "firma.de", type: "TXT", content: '"v=spf1 ?all"' } });
  expect(() => publishedRrsetsFromTerraform(twoSpf, { onUnreadable: () => undefined })).toThrow(UnpublishableRecordError);
});
