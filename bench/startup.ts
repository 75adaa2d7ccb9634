// Starting (docs/benchmarks.md "Starting"): how long `tenfold check` on the example takes to
// answer, and `tenfold serve` to listen, from spawning the process, for the compiled server
// (dist/server, built at install) and for the TypeScript sources through tsx (the baseline, as
// before the build; TENFOLD_FROM_SOURCE=1). The median of a few runs each: the machine is shared.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const BIN = join(ROOT, "bin", "tenfold.mjs");
const EXAMPLE = join(ROOT, "examples", "yiyuan.json");
const RUNS = 5;

export interface StartupFigures {
  runs: number;
  /** Medians of the runs. */
  checkMs: { compiled: number; source: number };
  listenMs: { compiled: number; source: number };
  /** The fastest run of the compiled server: what it takes when the other tenants let it run. */
  bestMs: { check: number; listen: number };
  /** The machine's 1-minute load average before the runs (2 cores, shared). */
  loadAverage: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const env = (source: boolean) => ({ ...process.env, NODE_OPTIONS: "", TENFOLD_FROM_SOURCE: source ? "1" : "0" });

function checkMs(source: boolean): number {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [BIN, "check", EXAMPLE], { cwd: ROOT, env: env(source), encoding: "utf8" });
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(`tenfold check failed: ${run.stderr}`);
  return ms;
}

/** From spawn to the "running at" line (printed once the port listens), on a new store each time. */
function listenMs(source: boolean, dir: string, i: number): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, "serve"], {
    cwd: ROOT,
    env: { ...env(source), PORT: "0", TENFOLD_DB: join(dir, `${source ? "src" : "bin"}-${i}.db`), TENFOLD_SEED: "1", TENFOLD_LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    let ms: number | undefined;
    child.stdout.on("data", (d: Buffer) => {
      out += d;
      if (ms !== undefined || !out.includes("running at")) return;
      ms = performance.now() - t0;
      child.kill("SIGTERM");
    });
    child.once("exit", (code) => (ms !== undefined ? resolve(ms) : reject(new Error(`tenfold serve exited (${code}) before listening:\n${out}`))));
  });
}

export async function benchStartup(): Promise<StartupFigures> {
  if (!existsSync(join(ROOT, "dist", "server", "cli.js"))) throw new Error("no dist/server: run `npm run build` first");
  const loadAverage = Math.round(loadavg()[0]! * 10) / 10;
  const dir = mkdtempSync(join(tmpdir(), "tenfold-startup-"));
  try {
    const check = { compiled: [] as number[], source: [] as number[] };
    const listen = { compiled: [] as number[], source: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      check.compiled.push(checkMs(false));
      check.source.push(checkMs(true));
      listen.compiled.push(await listenMs(false, dir, i));
      listen.source.push(await listenMs(true, dir, i));
    }
    const round = (xs: number[]) => Math.round(median(xs));
    return {
      runs: RUNS,
      checkMs: { compiled: round(check.compiled), source: round(check.source) },
      listenMs: { compiled: round(listen.compiled), source: round(listen.source) },
      bestMs: { check: Math.round(Math.min(...check.compiled)), listen: Math.round(Math.min(...listen.compiled)) },
      loadAverage,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
