/** Jest's global setup: runs once before any test file. */
import { ensureBind } from "./bind-setup";

export default function globalSetup(): void {
  ensureBind();
}
