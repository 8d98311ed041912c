/**
 * The real command line, `node bin/cdktf-mail-connect.js verify ...`, run as a child process
 * against a real BIND named on 127.0.0.1: exit code 0 for a correct zone, 1 for drift, 2 for
 * an unreachable or silent resolver and for bad arguments, each with its message on stderr.
 * Checks of argument handling that need no process of their own call `runCli` directly.
 */
import { spawn } from "child_process";
import * as dgram from "dgram";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { VerifyJson, runCli } from "../../lib/verify";
import { BindServer, startBindServer } from "../support/bind-server";
import { mailConnectZone } from "../support/mail-connect-zone";
import { liveZone, plannedRrsets, withRrset } from "./support/live-zones";
import { runCliProcess } from "./support/run-cli";

/** Runs `runCli` in this process, collecting what it writes. */
async function inProcess(args: readonly string[], stderrIsTTY = false): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: { isTTY: stderrIsTTY, write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

/** A loopback TCP port nobody listens on right now (UDP to it gets ICMP port unreachable). */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

let server: BindServer;
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "verify-cli-"));
  const drift = withRrset(plannedRrsets({ domain: "drift.de" }), "drift.de", "MX", ["10 mx.other-provider.example."]);
  server = await startBindServer([
    mailConnectZone(),
    liveZone("firma.de", plannedRrsets({ domain: "firma.de", spf: { all: "softfail" } })),
    liveZone("drift.de", drift),
    ...["a", "b", "c", "d", "e"].map((l) => liveZone(`${l}-firma.de`, plannedRrsets({ domain: `${l}-firma.de`, product: "team" }))),
  ]);
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("exit codes of the real command", () => {
  test("0 when the zone is correct, with one line per domain and the summary on stdout, nothing on stderr", async () => {
    const run = await runCliProcess(["verify", "--domain", "firma.de", "--spf-all", "softfail", "--resolver", server.address, "--recursive-resolver", server.address]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toBe(`✔ firma.de (--domain): all 9 checks passed\n\n✔ 1 domain checked against ${server.address}: everything matches.\n`);
  });

  test("0 with --resolver alone: an authoritative server that also serves the include target answers it before the system resolver is asked", async () => {
    const run = await runCliProcess(["verify", "--domain", "firma.de", "--spf-all", "softfail", "--resolver", server.address, "--timeout", "1000", "--retries", "0"]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout.replace(/\n/g, " ")).toMatch(new RegExp(`Other names \\(SPF includes, mail-connect's hosts\\) asked through ${server.address.replace(/\./g, "\\.")} where it answers, else system \\(`));
  });

  test("1 when the live MX differs, with the row marked ✘ and a one-line message on stderr", async () => {
    const run = await runCliProcess(["verify", "--domain", "drift.de", "--resolver", server.address, "--recursive-resolver", server.address]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      [
        "✘ drift.de (--domain): 1 of 9 checks failed",
        "  ✘ MX drift.de",
        "      expected  10 mx.mail-connect.net.",
        "      found     10 mx.other-provider.example.",
        "      The MX points to 10 mx.other-provider.example., not 10 mx.mail-connect.net.: mail for drift.de",
        "      does not reach mail-connect.",
        "",
      ].join("\n"),
    );
    expect(run.stderr).toBe("cdktf-mail-connect: live DNS differs in 1 check for drift.de.\n");
  });

  test("--config with many domains and --json: the documented JSON shape on stdout", async () => {
    const config = path.join(tmp, "domains.json");
    fs.writeFileSync(config, JSON.stringify([{ domain: "firma.de", spf: { all: "softfail" } }, { domain: "drift.de" }]));
    const run = await runCliProcess(["verify", "--config", config, "--json", "--resolver", server.address, "--recursive-resolver", server.address]);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as VerifyJson;
    expect(json).toMatchObject({
      schema: "cdktf-mail-connect/verify@2",
      exitCode: 1,
      resolver: server.address,
      summary: { domains: 2, ok: 1, mismatch: 1, error: 0, failedChecks: 1, errorChecks: 0 },
    });
    expect(json.domains.map((d) => [d.domain, d.source, d.status])).toEqual([
      ["firma.de", "config[0]", "ok"],
      ["drift.de", "config[1]", "mismatch"],
    ]);
    expect(json.domains[1].checks.filter((c) => c.status !== "ok")).toEqual([
      {
        check: "mx",
        label: "MX drift.de",
        name: "drift.de",
        type: "MX",
        status: "mismatch",
        expected: ["10 mx.mail-connect.net."],
        found: ["10 mx.other-provider.example."],
        hint: "The MX points to 10 mx.other-provider.example., not 10 mx.mail-connect.net.: mail for drift.de does not reach mail-connect.",
        note: null,
        servers: null,
      },
    ]);
  });

  test("2 when nothing listens at the resolver's port: every check is an error, the reason on stderr, quickly", async () => {
    const port = await closedPort();
    const run = await runCliProcess(["verify", "--domain", "firma.de", "--resolver", `127.0.0.1:${port}`, "--timeout", "300", "--retries", "0"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("cdktf-mail-connect: could not check 9 of 9 checks:\n");
    expect(run.stderr).toBe(
      "cdktf-mail-connect: could not check 9 of 9 checks:\n" +
        `  - 127.0.0.1:${port} refused the connection (is a DNS server listening there?) (9 checks, e.g. MX\n` +
        "    firma.de)\n",
    );
    // One line for the domain: every check stopped for the one reason the problem list gives.
    const line = run.stdout.split("\n")[0];
    expect(line.startsWith(`? firma.de (--domain): 9 of 9 checks could not be made: 127.0.0.1:${port} refused the connection`)).toBe(true);
    expect([...line].length).toBeLessThanOrEqual(100);
    expect(run.ms).toBeLessThan(15000);
  });

  test("2 when the resolver never answers: a timeout per query, then the rest is given up", async () => {
    const silent = dgram.createSocket("udp4");
    await new Promise<void>((resolve) => silent.bind(0, "127.0.0.1", resolve));
    try {
      const address = `127.0.0.1:${silent.address().port}`;
      const run = await runCliProcess(["verify", "--domain", "firma.de", "--resolver", address, "--timeout", "200", "--retries", "0"]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`cdktf-mail-connect: could not check 9 of 9 checks:\n  - no answer from ${address} within 200 ms (1 try) (9 checks, e.g. MX firma.de)\n`);
      expect(run.ms).toBeLessThan(15000);
    } finally {
      silent.close();
    }
  });

  test("2 for bad arguments: every problem on stderr, nothing on stdout", async () => {
    const run = await runCliProcess(["verify", "--domain", "firma.de", "--spf-all", "strict", "--timeout", "soon"]);
    expect(run).toMatchObject({
      code: 2,
      stdout: "",
      stderr: [
        'cdktf-mail-connect: --timeout: got "soon"; it must be a whole number from 1 to 600000.',
        'cdktf-mail-connect: --spf-all: got "strict"; it must be neutral (?all), softfail (~all) or fail (-all).',
        'Run "cdktf-mail-connect verify --help" for the flags.',
        "",
      ].join("\n"),
    });
  });
});

test("the command line's code (verify and onboard) loads neither cdktf nor a provider package (fast startup)", async () => {
  const script = [
    'require("./scripts/swc-register.js");',
    'require("./lib/cli");',
    "const heavy = Object.keys(require.cache).filter((f) => /node_modules[\\\\/](cdktf|constructs|@cdktf)[\\\\/]/.test(f));",
    "process.stdout.write(JSON.stringify(heavy));",
  ].join("\n");
  const loaded = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", script], { cwd: path.join(__dirname, "..", ".."), stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.once("error", reject);
    child.once("close", () => resolve(out));
  });
  expect(JSON.parse(loaded)).toEqual([]);
});

describe("argument handling (in process)", () => {
  test("--help prints the usage on stdout and exits 0", async () => {
    const run = await inProcess(["verify", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: cdktf-mail-connect verify \(--domain NAME \[record flags\] \| --config FILE \| --synth DIR \[--stack NAME\]\.\.\.\) \[options\]\n/);
  });

  test("options the planner refuses exit 2 with the planner's reason", async () => {
    const run = await inProcess(["verify", "--domain", "firma.de", "--product", "gold"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'cdktf-mail-connect: --domain: product: got "gold"; must be one of "pro", "team", "secgate", "mailing". Set product to one of those or leave it out (default "pro").\n' +
        'Run "cdktf-mail-connect verify --help" for the flags.\n',
    );
  });

  test("an unreadable config file and a config that is not options exit 2", async () => {
    expect((await inProcess(["verify", "--config", path.join(tmp, "missing.json")])).code).toBe(2);
    const bad = path.join(tmp, "bad.json");
    fs.writeFileSync(bad, "[1]");
    const run = await inProcess(["verify", "--config", bad]);
    expect([run.code, run.stderr.split("\n")[0]]).toEqual([2, `cdktf-mail-connect: --config: "${bad}" must hold one options object or a non-empty array of them ({ "domain": "firma.de", ... }); entry 0 is not an object.`]);
  });

  test("a resolver host name that does not resolve exits 2", async () => {
    const run = await inProcess(["verify", "--domain", "firma.de", "--resolver", "no-such-host.invalid"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cdktf-mail-connect: --resolver: got "no-such-host\.invalid"; its host name does not resolve \(\w+\)\./);
  });

  test("many domains on a terminal get a progress line on stderr; not on a pipe", async () => {
    const config = path.join(tmp, "five.json");
    fs.writeFileSync(config, JSON.stringify(["a", "b", "c", "d", "e"].map((l) => ({ domain: `${l}-firma.de`, product: "team" }))));
    const tty = await inProcess(["verify", "--config", config, "--resolver", server.address, "--recursive-resolver", server.address], true);
    expect(tty.code).toBe(0);
    expect(tty.stderr).toContain("\r\x1b[K[5/5] checked ");
    expect(tty.stderr.endsWith("\r\x1b[K")).toBe(true);
    const pipe = await inProcess(["verify", "--config", config, "--resolver", server.address, "--recursive-resolver", server.address], false);
    expect([pipe.code, pipe.stderr]).toEqual([0, ""]);
  });
});
