/**
 * The RSA key pairs the tests sign with and publish, generated once per test run instead of
 * once per file: a 2048-bit key costs 0.1–0.5 s of CPU (a random prime search), and fifteen
 * were made in every run. Jest's global setup generates one pair per size, in the background
 * while it checks BIND, and hands them to every test file through the environment; a file run
 * without that setup generates its own. Every run still gets fresh keys.
 */
import { KeyObject, createPrivateKey, createPublicKey, generateKeyPair, generateKeyPairSync } from "crypto";

/** The RSA sizes shared by the run. */
export type TestRsaBits = 1024 | 2048;

/** A key pair, as `generateKeyPairSync("rsa", ...)` returns it. */
export interface TestKeyPair {
  readonly publicKey: KeyObject;
  readonly privateKey: KeyObject;
}

/** The environment variable that carries the run's keys (JSON: bits → PKCS#8 PEM) to the test files. */
const KEYS_VARIABLE = "MAIL_CONNECT_TEST_RSA_KEYS";
const SIZES: readonly TestRsaBits[] = [1024, 2048];

/** Generates the run's keys (jest's global setup) and puts them into the environment the test workers inherit. */
export async function generateTestRsaKeys(): Promise<void> {
  const pems = await Promise.all(
    SIZES.map(
      (bits) =>
        new Promise<[TestRsaBits, string]>((resolve, reject) =>
          generateKeyPair("rsa", { modulusLength: bits, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs8", format: "pem" } }, (error, _publicKey, privateKey) =>
            error ? reject(error) : resolve([bits, privateKey]),
          ),
        ),
    ),
  );
  process.env[KEYS_VARIABLE] = JSON.stringify(Object.fromEntries(pems));
}

/** Keys this file generated itself (run without the global setup). */
const ownKeys = new Map<TestRsaBits, TestKeyPair>();

/** This run's RSA key pair of `bits` bits (the same in every test file of the run). */
export function testRsaKeyPair(bits: TestRsaBits): TestKeyPair {
  const pem = (JSON.parse(process.env[KEYS_VARIABLE] ?? "{}") as Partial<Record<TestRsaBits, string>>)[bits];
  if (pem === undefined) {
    if (!ownKeys.has(bits)) ownKeys.set(bits, generateKeyPairSync("rsa", { modulusLength: bits }));
    return ownKeys.get(bits)!;
  }
  const privateKey = createPrivateKey(pem);
  return { privateKey, publicKey: createPublicKey(privateKey) };
}
