/**
 * Real mail authentication (mailauth: SPF, DKIM, DMARC) against the test named only, and
 * DKIM signing with a key the test generates (its public half goes into the plan through
 * `dkim.publicKey`, so the DKIM record served is the test's, not mail-connect's).
 */
import { DNSResolver, authenticate, dkimSign } from "mailauth";
import { DnsEndpoint, bindResolver } from "./bind-query";
import { TestRsaBits, testRsaKeyPair } from "./test-keys";

/** A DKIM key pair for signing test messages. */
export interface DkimTestKey {
  /** PKCS#8 PEM, for `dkimSign`. */
  readonly privateKeyPem: string;
  /** SubjectPublicKeyInfo DER in base64, for the plan's `dkim.publicKey` (the DNS `p=` value). */
  readonly publicKeyBase64: string;
}

/** The run's RSA key pair (test-keys.ts) of 2048 bits unless told otherwise. */
export function generateDkimKey(modulusLength: TestRsaBits = 2048): DkimTestKey {
  const { privateKey, publicKey } = testRsaKeyPair(modulusLength);
  return {
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKeyBase64: publicKey.export({ type: "spki", format: "der" }).toString("base64"),
  };
}

/** A mailauth resolver that asks only `server`, and the list of what it was asked. */
export interface RecordingResolver {
  /** mailauth's resolver signature, that of `dns.promises.resolve(name, rrtype)`. */
  readonly resolve: DNSResolver;
  /** Every query, as `name TYPE`, in order. */
  readonly queries: string[];
}

/** Wraps a resolver pointed at the test named in mailauth's signature, recording each query. */
export function bindMailauthResolver(server: DnsEndpoint): RecordingResolver {
  const resolver = bindResolver(server);
  const queries: string[] = [];
  const resolve: DNSResolver = async (name, rrtype) => {
    queries.push(`${name} ${rrtype}`);
    return (await resolver.resolve(name, rrtype)) as string[][] | string[];
  };
  return { resolve, queries };
}

/** A plain-text message, CRLF line ends, from `from` (an address at the domain under test). */
export function buildMessage(from: string, subject: string): string {
  const domain = from.slice(from.indexOf("@") + 1);
  return [
    `From: Sender <${from}>`,
    "To: Recipient <recipient@mail-connect.net>",
    `Subject: ${subject}`,
    "Date: Mon, 02 Mar 2026 10:00:00 +0100",
    `Message-ID: <${subject.replace(/[^a-z0-9]+/gi, "-")}@${domain}>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Hello from the real-DNS test.",
    "",
  ].join("\r\n");
}

/** Prepends a DKIM-Signature made with `key` for `d=domain; s=selector`. */
export async function signMessage(message: string, domain: string, selector: string, key: DkimTestKey): Promise<string> {
  // mailauth signs only what is listed in `signatureData`; the top-level signingDomain/selector/
  // privateKey of its DKIMSignOptions type are ignored (lib/dkim/dkim-signer.js, 4.13.3), and
  // dkimSign then returns no signature and no error.
  const signature = { signingDomain: domain, selector, privateKey: key.privateKeyPem, canonicalization: "relaxed/relaxed" };
  const signed = await dkimSign(message, { ...signature, signatureData: [signature] });
  if (signed.errors.length > 0) throw new Error(`dkimSign failed: ${signed.errors.map((e) => e.message).join("; ")}`);
  if (!signed.signatures.startsWith("DKIM-Signature:")) throw new Error(`dkimSign produced no signature: ${JSON.stringify(signed.signatures)}`);
  return signed.signatures + message;
}

/** What a receiving MTA concluded, reduced to what the tests compare. */
export interface AuthVerdict {
  /** SPF result for the envelope sender's domain (`pass`, `neutral`, `softfail`, `fail`, ...). */
  readonly spf: string;
  /** One entry per DKIM signature, `d=domain s=selector: result`; `none (message not signed)` without one. */
  readonly dkim: string[];
  /** DMARC result (`pass`, `fail`, `none`, ...). */
  readonly dmarc: string;
  /** The DMARC policy the receiver would apply (`none`, `quarantine`, `reject`), when a record was found. */
  readonly dmarcPolicy: string | undefined;
  /** The Authentication-Results header mailauth wrote, for failure messages. */
  readonly header: string;
}

/**
 * Runs SPF, DKIM and DMARC on `message` as an MTA that got it from `ip` with envelope
 * sender `sender`, asking only `resolver`'s server. ARC and BIMI are off: not in scope.
 */
export async function authenticateMessage(
  message: string,
  envelope: { readonly ip: string; readonly sender: string; readonly helo: string },
  resolver: RecordingResolver,
): Promise<AuthVerdict> {
  const result = await authenticate(message, {
    ip: envelope.ip,
    sender: envelope.sender,
    helo: envelope.helo,
    mta: "mx.test-receiver.invalid",
    resolver: resolver.resolve,
    disableArc: true,
    disableBimi: true,
  });
  const dmarc = result.dmarc === false ? undefined : result.dmarc;
  return {
    spf: result.spf === false ? "none" : result.spf.status.result,
    dkim: result.dkim.results.map((r) =>
      r.signingDomain === undefined ? `${r.status.result} (${r.status.comment})` : `d=${r.signingDomain} s=${r.selector}: ${r.status.result}`,
    ),
    dmarc: dmarc?.status.result ?? "none",
    dmarcPolicy: dmarc?.policy,
    header: result.headers,
  };
}
