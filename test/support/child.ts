// A real `tenfold serve` in a child process on a SQLite file: what the crash, reconnect and soak
// runs kill with SIGKILL and start again, exactly as an operator's machine would.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = fileURLToPath(new URL("../../bin/tenfold.mjs", import.meta.url));

export interface ChildOptions {
  db: string;
  leadCode: string;
  /** 0 picks a free port at each start. */
  port?: number;
  seed?: boolean;
  logLevel?: string;
  /** A module to run instead of `bin/tenfold.mjs serve` (the soak's scaled-clock server). */
  entry?: string;
  env?: Record<string, string>;
  /** Every line the server writes, stdout and stderr. */
  onLine?: (line: string) => void;
}

export interface Child {
  process: ChildProcess;
  base: string;
  port: number;
  /** What the first start printed: the seeded site's codes, when it loaded the example. */
  banner: string;
  /** SIGKILL: no shutdown handler runs, no buffer is flushed. */
  kill(): Promise<void>;
  /** SIGTERM, the clean stop. */
  stop(): Promise<void>;
}

/** A port that was free a moment ago, for a server that must come back on the same address. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Starts the server and resolves once it prints its address. */
export function startChild(o: ChildOptions): Promise<Child> {
  const args = o.entry ? ["--import", "tsx", o.entry] : [BIN, "serve"];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(o.port ?? 0),
      TENFOLD_DB: o.db,
      TENFOLD_LEAD_CODE: o.leadCode,
      TENFOLD_SEED: o.seed ? "1" : "0",
      TENFOLD_LOG_LEVEL: o.logLevel ?? "warn",
      // These servers keep wall time while the tests replay the example's day of 2021: its desk
      // times are years behind the machine's clock (the window is tested in-process, on a fake clock).
      TENFOLD_DESK_MAX_BEHIND_MINUTES: String(20 * 365 * 24 * 60),
      ...o.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let banner = "";
  return new Promise((resolve, reject) => {
    let started = false;
    const timer = setTimeout(() => fail(new Error(`the server did not start in 30 s:\n${banner}`)), 30_000);
    const fail = (err: Error) => {
      if (started) return;
      started = true;
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(err);
    };
    const lines = (stream: NodeJS.ReadableStream) => {
      let rest = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        rest += chunk;
        let nl: number;
        while ((nl = rest.indexOf("\n")) >= 0) {
          const line = rest.slice(0, nl);
          rest = rest.slice(nl + 1);
          if (!started) banner += line + "\n";
          o.onLine?.(line);
          const m = /running at (http:\/\/\S+)/.exec(line);
          if (m && !started) {
            // The banner is written in one piece; wait a tick so its code lines are in too.
            setTimeout(() => {
              started = true;
              clearTimeout(timer);
              const port = Number(new URL(m[1]).port);
              resolve({
                process: child,
                base: `http://127.0.0.1:${port}`,
                port,
                get banner() {
                  return banner;
                },
                kill: async () => {
                  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
                  await exited;
                },
                stop: async () => {
                  if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
                  await exited;
                },
              });
            }, 20);
          }
        }
      });
    };
    lines(child.stdout!);
    lines(child.stderr!);
    child.once("exit", (code, signal) => fail(new Error(`the server exited (${code ?? signal}) before it started:\n${banner}`)));
  });
}

/** The codes a first start printed for the example site: `{ staff: {id: code}, lab }`. */
export function codesFromBanner(banner: string): { staff: Record<string, string>; lab: string } {
  const staff: Record<string, string> = {};
  let lab = "";
  let inCodes = false;
  for (const line of banner.split("\n")) {
    if (/its codes/.test(line)) {
      inCodes = true;
      continue;
    }
    if (!inCodes) continue;
    const m = /^ {4}(\S+)\s+([0-9A-Z]{12})$/.exec(line);
    if (!m) continue;
    if (m[1] === "lab") lab = m[2];
    else staff[m[1]] = m[2];
  }
  return { staff, lab };
}
