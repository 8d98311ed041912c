/** Jest's global setup: runs once before any test file. */
import { ensureBind } from "./bind-setup";
import { generateTestRsaKeys } from "./test-keys";

export default async function globalSetup(): Promise<void> {
  // The run's RSA keys are generated on libuv's threads while BIND is checked (or installed).
  const keys = generateTestRsaKeys();
  ensureBind();
  await keys;
}
