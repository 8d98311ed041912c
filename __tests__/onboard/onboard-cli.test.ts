/**
 * The real command line, `node bin/cdktf-mail-connect.js onboard ...`, as child processes:
 * help, bad arguments (exit 2, the flag named), an unreachable resolver (exit 2 within
 * seconds), a server that refuses (exit 2), and the onboarding scenarios served by one real
 * BIND on 127.0.0.1 (exit 0 or 1, the report, `--json`). Checks of argument handling that
 * need no process of their own call `runCli` directly.
 */
import * as net from "net";
import { runCli } from "../../lib/cli";
import { ONBOARD_JSON_SCHEMA, OnboardJson } from "../../lib/onboard/onboard-json";
import { BindServer, startBindServer } from "../support/bind-server";
import { zoneServedBy } from "../verify/support/live-zones";
import { CliRun, runCliProcess } from "../verify/support/run-cli";
import { onboardingScenarios, senderRrsets } from "./support/onboarding-zones";

/** Runs the bin as a child process, without COLUMNS (so a pipe gets the 80-column report). */
function runOnboard(args: readonly string[]): Promise<CliRun> {
  const env = { ...process.env };
  delete env.COLUMNS;
  return runCliProcess(args, env);
}

/** Runs `runCli` in this process, collecting what it writes. */
async function inProcess(args: readonly string[], stderrIsTTY = false): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: { isTTY: stderrIsTTY, write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

/** A loopback port nobody listens on right now (UDP to it gets ICMP port unreachable). */
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

const SCENARIOS = onboardingScenarios();
let server: BindServer;

beforeAll(async () => {
  // One server for every role: the scenarios' zones and their senders' (it refuses other names).
  server = await startBindServer([
    ...SCENARIOS.map((s) => zoneServedBy(s.domain, s.rrsets, ["ns1.dns-hosting.example", "ns2.dns-hosting.example"])),
    ...Object.entries(senderRrsets()).map(([origin, rrsets]) => zoneServedBy(origin, rrsets, ["localhost"])),
  ]);
});

afterAll(async () => {
  await server?.stop();
});

const viaServer = () => ["--resolver", server.address, "--recursive-resolver", server.address, "--timeout", "2000", "--retries", "1"];

describe("help", () => {
  test("cdktf-mail-connect --help lists both commands", async () => {
    const run = await inProcess(["--help"]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toMatch(/^Usage: cdktf-mail-connect <command> \[flags\]\n/);
    expect(run.stdout).toMatch(/\n {2}verify {4}check live DNS/);
    expect(run.stdout).toMatch(/\n {2}onboard {3}read a domain's live DNS and plan its move to mail-connect/);
  });

  test("onboard --help documents every flag, the provider guess, the JSON schema and examples", async () => {
    const run = await runOnboard(["onboard", "--help"]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toMatch(/^Usage: cdktf-mail-connect onboard --domain NAME/);
    for (const flag of ["--domain", "--product", "--provider", "--json", "--wide", "--resolver", "--recursive-resolver", "--authoritative", "--nameserver", "--timeout", "--retries", "--help"]) {
      expect([flag, new RegExp(`(\\n  |, )${flag}[ \\n]`).test(run.stdout)]).toEqual([flag, true]);
    }
    expect(run.stdout).toContain("--provider cloudflare|route53|rfc2136|azure-dns|google-cloud-dns");
    expect(run.stdout).toContain("ada.ns.cloudflare.com          → cloudflare");
    expect(run.stdout).toContain(ONBOARD_JSON_SCHEMA);
    expect(run.stdout).toContain("\nExamples:\n  cdktf-mail-connect onboard --domain firma.de\n");
    expect(run.stdout).toContain("any other name                 → rfc2136\n");
    expect(run.stdout).not.toContain("[object");
    // Fits an 80-column terminal, like the report in a pipe.
    expect(run.stdout.split("\n").filter((line) => [...line].length > 80)).toEqual([]);
  });

  test("help onboard and help verify print the command's help; --version the version", async () => {
    expect((await inProcess(["help", "onboard"])).stdout).toMatch(/^Usage: cdktf-mail-connect onboard /);
    expect((await inProcess(["help", "verify"])).stdout).toMatch(/^Usage: cdktf-mail-connect verify /);
    expect((await inProcess(["--version"])).stdout).toMatch(/^cdktf-mail-connect \d+\.\d+\.\d+\n$/);
  });
});

describe("bad arguments: exit 2, every problem on stderr naming its flag, nothing on stdout", () => {
  test("the real command", async () => {
    const run = await runOnboard(["onboard", "--domain", "firma.de", "--product", "gold", "--timeout", "soon"]);
    expect(run).toMatchObject({
      code: 2,
      stdout: "",
      stderr: [
        'cdktf-mail-connect: --product: got "gold"; it must be one of pro, team, secgate, mailing.',
        'cdktf-mail-connect: --timeout: got "soon"; it must be a whole number from 1 to 600000.',
        'Run "cdktf-mail-connect onboard --help" for the flags.',
        "",
      ].join("\n"),
    });
  });

  test.each([
    [["onboard"], "--domain NAME is required: the mail domain to move to mail-connect, e.g. --domain firma.de."],
    [["onboard", "firma.de"], 'unexpected argument "firma.de"; flags start with -- (the domain goes after --domain).\ncdktf-mail-connect: --domain NAME is required: the mail domain to move to mail-connect, e.g. --domain firma.de.'],
    [["onboard", "--domain", "https://firma.de/"], '--domain: got "https://firma.de/"; contains ":", which no host name holds (did you mean "firma.de"?). Give the mail domain itself, e.g. firma.de or müller.de.'],
    [["onboard", "--domain", "firma.de", "--provider", "aws"], '--provider: got "aws"; it must be one of cloudflare, route53, rfc2136, azure-dns, google-cloud-dns.'],
    [["onboard", "--domain", "firma.de", "--colour"], "Unknown option '--colour'."],
    [["onboard", "--domain", "firma.de", "--authoritative", "--resolver", "192.0.2.53"], "--authoritative and --resolver cannot be combined: --authoritative asks the zone's own name servers; give one of them."],
    [["onboard", "--domain", "firma.de", "--nameserver", "ns1.firma.de=192.0.2.1"], "--nameserver needs --authoritative (it gives a name server's address)."],
    [["onboard", "--domain", "firma.de", "--resolver", "dns_server!"], '--resolver: got "dns_server!"; the host is neither an IP address nor a host name. Write it as 192.0.2.53, 192.0.2.53:5353, [2001:db8::53]:5353 or a host name.'],
  ])("%j", async (argv, problem) => {
    const run = await inProcess(argv);
    expect(run).toEqual({ code: 2, stdout: "", stderr: `cdktf-mail-connect: ${problem}\nRun "cdktf-mail-connect onboard --help" for the flags.\n` });
  });

  test.each([
    [[], "no command given; the commands are verify and onboard."],
    [["onbaord", "--domain", "firma.de"], 'unknown command "onbaord"; the commands are verify and onboard.'],
    [["--domain", "firma.de", "onboard"], 'the command comes first: cdktf-mail-connect verify|onboard [flags] (got "--domain").'],
    [["help", "check"], 'unknown command "check"; the commands are verify and onboard.'],
  ])("the program: %j", async (argv, problem) => {
    expect(await inProcess(argv)).toEqual({ code: 2, stdout: "", stderr: `cdktf-mail-connect: ${problem}\nRun "cdktf-mail-connect --help" for the commands.\n` });
  });
});

describe("DNS that cannot be read: exit 2, no plan", () => {
  test("an unreachable resolver ends within seconds, naming the questions and why", async () => {
    const address = `127.0.0.1:${await closedPort()}`;
    const run = await runOnboard(["onboard", "--domain", "firma.de", "--resolver", address, "--recursive-resolver", address, "--timeout", "500", "--retries", "0"]);
    expect(run.code).toBe(2);
    expect(run.ms).toBeLessThan(5000);
    expect(run.stderr).toMatch(new RegExp(`^cdktf-mail-connect: could not read the DNS of firma\\.de \\(SOA firma\\.de, MX firma\\.de, TXT firma\\.de, TXT _dmarc\\.firma\\.de\\): .*${address.replace(/\./g, "\\.")}.*\\.\\n$`));
    expect(run.stdout).toContain("Could not read what the plan is made from, so there is no plan:\n  ? SOA firma.de: ");
  });

  test("a server that refuses the domain: exit 2; --json says unreadable with a null plan", async () => {
    const run = await inProcess(["onboard", "--domain", "not-served.example", ...viaServer(), "--json"]);
    expect(run.code).toBe(2);
    const json = JSON.parse(run.stdout) as OnboardJson;
    expect(json).toMatchObject({ schema: ONBOARD_JSON_SCHEMA, domain: "not-served.example", zone: null, status: "unreadable", exitCode: 2, plan: null, typescript: null });
    expect(json.unread.map((u) => `${u.type} ${u.name}`)).toEqual(["SOA not-served.example", "MX not-served.example", "TXT not-served.example", "TXT _dmarc.not-served.example"]);
    expect(json.unread[0].message).toBe(`${server.address} refused to answer for not-served.example SOA (it is not authoritative for it and does not recurse for us)`);
  });

  test("progress goes to a terminal's stderr only", async () => {
    const args = ["onboard", "--domain", "not-served.example", ...viaServer()];
    expect((await inProcess(args, true)).stderr).toMatch(/^\r\x1b\[Kreading not-served\.example: 1\/\d+ questions/);
    expect((await inProcess(args, false)).stderr).not.toContain("\r");
  });
});

describe("on the onboarding scenarios (real planner and generator)", () => {
  test.each(SCENARIOS.map((s) => [s.title, s] as const))("%s: exit 0 when ready, 1 when blocked; --json holds the plan and the TypeScript", async (_title, scenario) => {
    const run = await inProcess(["onboard", "--domain", scenario.domain, "--product", scenario.product, "--provider", scenario.provider, ...viaServer(), "--json"]);
    expect({ code: run.code, stderr: run.stderr.split(": ")[0] }).toEqual({ code: scenario.blocked ? 1 : 0, stderr: "cdktf-mail-connect" });
    const json = JSON.parse(run.stdout) as OnboardJson;
    expect(json).toMatchObject({ schema: ONBOARD_JSON_SCHEMA, domain: scenario.domain, zone: scenario.domain, product: scenario.product, provider: scenario.provider, providerGuessed: false, status: scenario.blocked ? "blocked" : "ready", exitCode: run.code, unread: [] });
    expect(json.plan?.domain).toBe(scenario.domain);
    expect(json.typescript).toContain("MailConnectDomain");
  });

  test("the report of the Microsoft 365 domain in a pipe: 80 columns, every section, the verdict on stderr; the provider guessed", async () => {
    const run = await runOnboard(["onboard", "--domain", "kanzlei-weber.de", ...viaServer()]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^cdktf-mail-connect: kanzlei-weber\.de is ready to move to mail-connect/);
    const text = run.stdout.slice(0, run.stdout.indexOf("\nTypeScript ("));
    expect(text.split("\n").filter((l) => [...l].length > 80)).toEqual([]);
    for (const heading of ["Moving kanzlei-weber.de to mail-connect PRO", "\nChanges (", "\nSPF lookups: ", "\nRisks", "\nTypeScript (rfc2136)"]) expect(run.stdout).toContain(heading);
    expect(run.stdout.replace(/\n {16}/g, " ")).toContain("  DNS provider  rfc2136, guessed: the name servers (ns1.dns-hosting.example, ns2.dns-hosting.example) are none of");
  });
});
