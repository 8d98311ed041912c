/**
 * A real BIND `named`, started for one test file: authoritative only (`recursion no`),
 * listening on 127.0.0.1 alone, on a free high port (UDP and TCP), serving the zones the
 * test gives it. Nothing it serves or asks leaves the loopback interface.
 *
 * As root in this sandbox `named -g` runs as root without `-u` (it only drops privileges
 * when told to); `-g` keeps it in the foreground and logs to stderr, which we capture.
 */
import { ChildProcess, spawn } from "child_process";
import { promises as dns } from "dns";
import * as fs from "fs";
import * as net from "net";
import * as dgram from "dgram";
import * as os from "os";
import * as path from "path";
import { findBindProgram } from "./bind-binaries";

/** One zone to serve: its origin and a complete zone file (with SOA and NS). */
export interface BindZone {
  /** The zone name, lowercase ASCII, without trailing dot. */
  readonly origin: string;
  /** The zone file text, e.g. from `toZoneFile(plan, { soa })` or `rrsetsToZoneFile`. */
  readonly zoneFileText: string;
  /**
   * Accept RFC 2136 dynamic updates to this zone signed with this TSIG key
   * (`update-policy { grant <key> zonesub ANY; }`).
   * @default - a static zone
   */
  readonly updateKey?: TsigKey;
}

/** A TSIG key (hmac-sha256) named in named.conf. */
export interface TsigKey {
  readonly name: string;
  /** The secret, base64. */
  readonly secret: string;
}

/** Options of {@link startBindServer}. */
export interface StartBindServerOptions {
  /**
   * Path of the named binary.
   * @default - /usr/sbin/named or the first `named` found on the search path
   */
  readonly namedPath?: string;
  /**
   * How long to wait for named to answer for every zone.
   * @default 15000
   */
  readonly startTimeoutMs?: number;
}

/** A running named. */
export interface BindServer {
  readonly host: "127.0.0.1";
  readonly port: number;
  /** `127.0.0.1:PORT`, the form `dns.Resolver#setServers` takes. */
  readonly address: string;
  /** Milliseconds from spawn until every zone answered its SOA query. */
  readonly startupMs: number;
  /** Everything named has logged so far. */
  log(): string;
  /** Stops named (SIGTERM, then SIGKILL after 5 s) and removes its temporary directory. */
  stop(): Promise<void>;
}

const LOOPBACK = "127.0.0.1";
const MAX_PORT_ATTEMPTS = 3;
/** named 9.18 exits with this when its one listener's port is taken (it also logs "address in use" in some versions). */
const PORT_TAKEN = /address in use|unable to listen on any configured interfaces/i;
/** The line named logs once every zone is loaded or refused (not "running on Linux ..."/"running as: ..."). */
const READY = / running$/m;

/** A port that is free for both TCP and UDP on 127.0.0.1 right now. */
async function findFreePort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once("error", reject);
      server.listen(0, LOOPBACK, () => {
        const { port: p } = server.address() as net.AddressInfo;
        server.close(() => resolve(p));
      });
    });
    const udpFree = await new Promise<boolean>((resolve) => {
      const socket = dgram.createSocket("udp4");
      socket.once("error", () => resolve(false));
      socket.bind(port, LOOPBACK, () => socket.close(() => resolve(true)));
    });
    if (udpFree) return port;
  }
  throw new Error("could not find a port free for both TCP and UDP on 127.0.0.1");
}

/** The generated named.conf: one listener, no recursion, no control channel, no transfers. */
function namedConf(dir: string, port: number, zones: readonly BindZone[]): string {
  const zoneBlocks = zones.map((zone, i) => {
    const update = zone.updateKey === undefined ? "" : ` update-policy { grant "${zone.updateKey.name}" zonesub ANY; };`;
    return `zone "${zone.origin}" { type primary; file "${path.join(dir, `zone-${i}.db`)}";${update} };`;
  });
  const keys = [...new Map(zones.flatMap((zone) => (zone.updateKey === undefined ? [] : [[zone.updateKey.name, zone.updateKey] as const]))).values()].map(
    (key) => `key "${key.name}" { algorithm hmac-sha256; secret "${key.secret}"; };`,
  );
  return [
    "options {",
    `  directory "${dir}";`,
    `  pid-file "${path.join(dir, "named.pid")}";`,
    `  session-keyfile "${path.join(dir, "session.key")}";`,
    `  managed-keys-directory "${dir}";`,
    `  listen-on port ${port} { ${LOOPBACK}; };`,
    "  listen-on-v6 { none; };",
    "  recursion no;",
    `  allow-query { ${LOOPBACK}; };`,
    "  allow-transfer { none; };",
    "  notify no;",
    "  dnssec-validation no;",
    "};",
    // An empty controls block: no rndc channel on 127.0.0.1:953, which parallel servers would fight over.
    "controls { };",
    ...keys,
    ...zoneBlocks,
    "",
  ].join("\n");
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Whether every zone answers its SOA from this server. Returns the origins that do not. */
async function zonesNotAnswering(port: number, zones: readonly BindZone[]): Promise<string[]> {
  const resolver = new dns.Resolver({ timeout: 300, tries: 1 });
  resolver.setServers([`${LOOPBACK}:${port}`]);
  const results = await Promise.all(
    zones.map((zone) =>
      resolver.resolveSoa(zone.origin).then(
        () => undefined,
        () => zone.origin,
      ),
    ),
  );
  return results.filter((origin): origin is string => origin !== undefined);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

type Attempt = { readonly server: BindServer } | { readonly portInUse: true };

async function attemptStart(named: string, dir: string, zones: readonly BindZone[], timeoutMs: number): Promise<Attempt> {
  const port = await findFreePort();
  const conf = path.join(dir, "named.conf");
  fs.writeFileSync(conf, namedConf(dir, port, zones));

  const started = Date.now();
  // -g: foreground, log to stderr; -n 1: one worker thread (the test machines are small).
  const child = spawn(named, ["-g", "-n", "1", "-c", conf], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  let spawnError: Error | undefined;
  child.once("error", (error) => (spawnError = error));
  const killOnExit = (): void => {
    child.kill("SIGKILL");
  };
  process.once("exit", killOnExit);

  const fail = async (reason: string): Promise<never> => {
    await stopChild(child);
    process.removeListener("exit", killOnExit);
    const lines = log.trim().split("\n");
    const problems = lines.filter((line) => /zone \S+\/IN:|dns_rdata|error|fatal|unable|failed/i.test(line) && !/built with/.test(line)).join("\n");
    const tail = lines.slice(-15).join("\n");
    throw new Error(
      `named did not start: ${reason}\n--- named's errors ---\n${problems}\n--- named.conf ---\n${fs.readFileSync(conf, "utf8")}--- named log (last lines) ---\n${tail}`,
    );
  };

  const deadline = started + timeoutMs;
  for (;;) {
    await sleep(20);
    if (spawnError) return fail(`spawn failed: ${spawnError.message}`);
    if (PORT_TAKEN.test(log)) {
      // Another process took the port between the probe and named's bind: try another.
      await stopChild(child);
      process.removeListener("exit", killOnExit);
      return { portInUse: true };
    }
    if (child.exitCode !== null || child.signalCode !== null) return fail(`it exited (code ${child.exitCode}, signal ${child.signalCode})`);
    if (Date.now() > deadline) return fail(`no answer within ${timeoutMs} ms`);
    if (!READY.test(log)) continue;
    // "running" is logged after every zone was loaded or refused; a refused zone never answers.
    const missing = await zonesNotAnswering(port, zones);
    if (missing.length === 0) break;
    if (zones.some((z) => missing.includes(z.origin) && log.includes(`zone ${z.origin}/IN: not loaded`))) {
      return fail(`zone(s) not loaded: ${missing.join(", ")}`);
    }
  }

  const startupMs = Date.now() - started;
  let stopped: Promise<void> | undefined;
  const server: BindServer = {
    host: LOOPBACK,
    port,
    address: `${LOOPBACK}:${port}`,
    startupMs,
    log: () => log,
    stop: () => {
      stopped ??= stopChild(child).then(() => {
        process.removeListener("exit", killOnExit);
        fs.rmSync(dir, { recursive: true, force: true });
      });
      return stopped;
    },
  };
  return { server };
}

/**
 * Starts named for `zones` and waits until every zone answers its SOA query.
 * @throws Error with the install command when named is missing, and with named's log when
 *   it exits, refuses a zone or does not answer in time
 */
export async function startBindServer(zones: readonly BindZone[], options: StartBindServerOptions = {}): Promise<BindServer> {
  const named = findBindProgram("named", options.namedPath);
  if (zones.length === 0) throw new Error("startBindServer needs at least one zone");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mail-connect-named-"));
  try {
    zones.forEach((zone, i) => fs.writeFileSync(path.join(dir, `zone-${i}.db`), zone.zoneFileText));
    for (let attempt = 1; attempt <= MAX_PORT_ATTEMPTS; attempt++) {
      const result = await attemptStart(named, dir, zones, options.startTimeoutMs ?? 15000);
      if ("server" in result) return result.server;
    }
    throw new Error(`named could not bind a free port in ${MAX_PORT_ATTEMPTS} attempts`);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
