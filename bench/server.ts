// The servers under load, each in its own child process: tenfold itself (a temp SQLite file with
// synchronous=FULL as in production, the example site with its plan published), and a bare Express
// app answering the same paths with fixed bodies, the baseline every HTTP ratio divides by.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { forkBench, ask, serveParent, stopChild, round } from "./child.ts";

export const SITE = "yiyuan";
/** 08:00 on the example site's day: sampling open, the published plan's desks staffed. */
export const START = Date.parse("2021-08-03T08:00:00+08:00");

export interface ServerStats {
  /** Event-loop delay since the last reset, ms. */
  eldP50Ms: number;
  eldP99Ms: number;
  eldMaxMs: number;
  rssMB: number;
  heapUsedMB: number;
}

export interface BenchServer {
  kind: "tenfold" | "bare";
  base: string;
  /** Access codes of the example site (tenfold only). */
  codes: { staff: string; marshal: string };
  proc: ChildProcess;
  ask<T>(message: Record<string, unknown>, timeoutMs?: number): Promise<T>;
  /** Swabs stored for the example site (tenfold only). */
  swabs(): Promise<number>;
  /** Starts a fresh event-loop delay histogram. */
  resetStats(): Promise<void>;
  /** Event-loop delay since the reset, and memory after a full GC. */
  stats(): Promise<ServerStats>;
  close(): Promise<void>;
}

/**
 * Starts a server child; `bare` serves `queueBody` at the snapshot path. BENCH_SERVER_ARGS adds
 * node options to the server (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it).
 */
export async function startBenchServer(kind: "tenfold" | "bare", options: { queueBody?: unknown } = {}): Promise<BenchServer> {
  const proc = forkBench(new URL(import.meta.url), kind === "tenfold" ? "--tenfold-server" : "--bare-server", ["--expose-gc", ...(process.env.BENCH_SERVER_ARGS?.split(" ").filter(Boolean) ?? [])]);
  const started = await ask<{ base: string; codes: { staff: string; marshal: string } }>(proc, { start: true, ...options }, 60_000);
  return {
    kind,
    ...started,
    proc,
    ask: (m, t) => ask(proc, m, t),
    swabs: async () => (await ask<{ swabs: number }>(proc, { swabs: true })).swabs,
    resetStats: async () => void (await ask(proc, { reset: true })),
    stats: () => ask<ServerStats>(proc, { stats: true }),
    close: async () => {
      await ask(proc, { close: true }, 15_000).catch(() => undefined);
      await stopChild(proc);
    },
  };
}

/** Event-loop delay and memory, answered by either server child. */
function statsKeeper() {
  let histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  return {
    reset() {
      histogram.disable();
      histogram = monitorEventLoopDelay({ resolution: 5 });
      histogram.enable();
    },
    stats(): ServerStats {
      (globalThis as { gc?: () => void }).gc?.();
      const mem = process.memoryUsage();
      return {
        eldP50Ms: round(histogram.percentile(50) / 1e6, 2),
        eldP99Ms: round(histogram.percentile(99) / 1e6, 2),
        eldMaxMs: round(histogram.max / 1e6, 2),
        rssMB: round(mem.rss / 2 ** 20, 1),
        heapUsedMB: round(mem.heapUsed / 2 ** 20, 1),
      };
    },
  };
}

/** The tenfold child: the real app, as `tenfold serve` builds it, on a temp file. */
async function runTenfold(): Promise<void> {
  const { pino } = await import("pino");
  const { createApp } = await import("../server/app.ts");
  const { openStore } = await import("../server/store/index.ts");
  const { bootstrap } = await import("../server/bootstrap.ts");
  const { ScaledClock } = await import("../server/simulate/clock.ts");
  const { makePlan } = await import("../shared/plan/make.ts");
  const { storePlan, publishPlan } = await import("../server/services/plans.ts");
  const dir = mkdtempSync(join(tmpdir(), "tenfold-bench-"));
  const store = openStore(join(dir, "bench.db"));
  const first = bootstrap(store, { leadCode: "BENCHLEADCODE", seed: true }, START);
  const tenfold = createApp({ store, clock: new ScaledClock(START, 1), logger: pino({ level: "silent" }) });
  // A plan in force, so the live line reads desks and forecast from it as on a real day.
  const scenario = store.sites.get(SITE)!.scenario;
  publishPlan(tenfold.context, SITE, storePlan(tenfold.context, SITE, makePlan(scenario)).id);
  const keeper = statsKeeper();
  serveParent(async (m) => {
    if (m.start) {
      const port = await tenfold.listen(0, "127.0.0.1");
      return { base: `http://127.0.0.1:${port}`, codes: { staff: first.seeded!.codes.staff["zhou-ting"], marshal: first.seeded!.codes.staff["liu-yuan"] } };
    }
    if (m.swabs) return { swabs: store.tubes.swabCount(SITE) };
    if (m.reset) return keeper.reset();
    if (m.stats) return keeper.stats();
    if (m.close) {
      await tenfold.close();
      rmSync(dir, { recursive: true, force: true });
      return { closed: true };
    }
    throw new Error(`unknown message ${JSON.stringify(m)}`);
  });
}

/**
 * The baseline child: Express with its JSON body parser and strong ETags, and handlers that do no
 * work beyond answering, on the same paths and with bodies of the same shape as tenfold's.
 */
async function runBare(): Promise<void> {
  const { default: express } = await import("express");
  const { createServer } = await import("node:http");
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", "strong");
  app.use(express.json({ limit: "4mb" }));
  let queueBody: unknown = { points: [] };
  app.get("/api/v1/queue", (_req, res) => {
    res.set("Cache-Control", "public, max-age=5");
    res.json(queueBody);
  });
  app.post("/api/v1/sites/:site/desk-events", (req, res) => {
    res.json({ results: (req.body.events as { id: string }[]).map((e) => ({ id: e.id, status: "applied" })) });
  });
  const http = createServer(app);
  const keeper = statsKeeper();
  serveParent(async (m) => {
    if (m.start) {
      queueBody = m.queueBody ?? queueBody;
      await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
      return { base: `http://127.0.0.1:${(http.address() as { port: number }).port}`, codes: { staff: "", marshal: "" } };
    }
    if (m.reset) return keeper.reset();
    if (m.stats) return keeper.stats();
    if (m.close) {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      return { closed: true };
    }
    throw new Error(`unknown message ${JSON.stringify(m)}`);
  });
}

if (process.argv.includes("--tenfold-server")) void runTenfold();
if (process.argv.includes("--bare-server")) void runBare();
