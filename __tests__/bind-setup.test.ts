/**
 * The test command sets BIND up itself: jest's global setup installs the packages as root,
 * or stops with one line that says the exact command. Never a skip.
 */
import { bindSetupStep, BIND_PACKAGES, missingBindPrograms } from "./support/bind-setup";

describe("BIND set-up before the tests", () => {
  test("nothing to do when every program is there (as on this machine after the global setup)", () => {
    expect(missingBindPrograms()).toEqual([]);
    expect(bindSetupStep([], false, true)).toEqual({ action: "ready" });
    expect(bindSetupStep([], true, false)).toEqual({ action: "ready" });
  });

  test("as root with apt-get: apt-get update, then the three packages", () => {
    expect(bindSetupStep(["named", "dig"], true, true)).toEqual({
      action: "install",
      commands: [
        ["apt-get", "update"],
        ["apt-get", "install", "-y", "--no-install-recommends", "bind9", "bind9-utils", "bind9-dnsutils"],
      ],
    });
    expect(BIND_PACKAGES).toEqual(["bind9", "bind9-utils", "bind9-dnsutils"]);
  });

  test("not root: stops with one line that holds the exact command", () => {
    const step = bindSetupStep(["named-checkzone"], false, true);
    expect(step).toEqual({
      action: "stop",
      line: "BIND is missing (named-checkzone not found) and the DNS tests run a real BIND: run `sudo apt-get update && sudo apt-get install -y --no-install-recommends bind9 bind9-utils bind9-dnsutils`, then npm test again.",
    });
    expect(step.action === "stop" && step.line.includes("\n")).toBe(false);
  });

  test("without apt-get (not Debian or Ubuntu): stops and names the programs to install", () => {
    expect(bindSetupStep(["named", "named-checkzone", "named-checkconf", "dig"], true, false)).toEqual({
      action: "stop",
      line: "BIND is missing (named, named-checkzone, named-checkconf, dig not found) and the DNS tests run a real BIND: install BIND 9 (named, named-checkzone, named-checkconf, dig) with this system's package manager, then run npm test again.",
    });
  });
});
