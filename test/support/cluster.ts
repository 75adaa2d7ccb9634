// Real processes for the scale-out tests: a redis-server with no persistence in a temp dir, and
// tenfold nodes started as `tenfold serve` with their own environment, each on a fixed loopback
// port so a restart comes back where its clients reconnect.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/tenfold.mjs", import.meta.url));

/** A port nobody is listening on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface Proc {
  child: ChildProcess;
  /** Everything it printed, for a failure message. */
  output(): string;
  stop(): Promise<void>;
}

/** Spawns a process and waits until its output matches `ready` (or fails after `ms`). */
function launch(command: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, ms: number): Promise<Proc & { match: RegExpMatchArray }> {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const proc: Proc = {
    child,
    output: () => out,
    stop: () => stopProcess(child),
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void proc.stop();
      reject(new Error(`${command} not ready within ${ms} ms:\n${out}`));
    }, ms);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = ready.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ ...proc, match });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited (${code}) before it was ready:\n${out}`));
    });
  });
}

/** SIGTERM, then SIGKILL if it has not gone within `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await gone;
  clearTimeout(timer);
}

/** The redis-server binary, or a failure that says how to install it (the test never skips). */
export function redisServerPath(): string {
  try {
    return execFileSync("which", ["redis-server"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("redis-server is not installed: the scale-out test needs it (apt-get install -y redis-server; .ci/run installs it)");
  }
}

/** A redis-server on loopback `port`, no RDB and no AOF, working in `dir`. */
export async function startRedis(port: number, dir: string): Promise<Proc> {
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--daemonize", "no"];
  return launch(redisServerPath(), args, { PATH: process.env.PATH }, /Ready to accept connections/, 10_000);
}

export interface NodeOptions {
  port: number;
  db: string;
  redisUrl: string;
  leadCode: string;
  /** Load the example site into an empty store. */
  seed: boolean;
}

export interface TenfoldNode extends Proc {
  base: string;
  /** The example site's staff codes, when this start loaded it. */
  staffCodes: Record<string, string>;
}

/** `tenfold serve` in a child process with the given settings. */
export async function startNode(o: NodeOptions): Promise<TenfoldNode> {
  const env = {
    ...process.env,
    PORT: String(o.port),
    TENFOLD_DB: o.db,
    TENFOLD_REDIS_URL: o.redisUrl,
    TENFOLD_LEAD_CODE: o.leadCode,
    TENFOLD_SEED: o.seed ? "1" : "0",
    TENFOLD_LOG_LEVEL: "warn",
    // Wall-clock nodes, desk events of the example's day of 2021 (see test/support/child.ts).
    TENFOLD_DESK_MAX_BEHIND_MINUTES: String(20 * 365 * 24 * 60),
    NODE_ENV: "production",
  };
  // The banner is one write of under 4 KB: it arrives whole, codes included.
  const proc = await launch(process.execPath, [BIN, "serve"], env, /tenfold is running at http:\/\/localhost:(\d+)/, 30_000);
  const staffCodes: Record<string, string> = {};
  for (const m of proc.output().matchAll(/^ {4}([a-z][\w-]*)\s+(\S+)$/gm)) if (m[1] !== "lab") staffCodes[m[1]] = m[2];
  return { ...proc, base: `http://127.0.0.1:${o.port}`, staffCodes };
}
