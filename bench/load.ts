// Load from autocannon in a child process: the load generator never shares an event loop with the
// server it measures nor with the bench's own bookkeeping.
import type { ChildProcess } from "node:child_process";
import { forkBench, ask, serveParent, stopChild } from "./child.ts";
import { batchEvents, singleSwab } from "./ingest.ts";

/** What each request carries: a fixed GET, desk-event batches of 50, or one swab a request. */
export type LoadKind = { kind: "get"; path: string; headers?: Record<string, string> } | { kind: "batches"; token: string } | { kind: "single-swab"; token: string };

export interface LoadOptions {
  base: string;
  connections: number;
  /** Seconds of load, or a fixed number of requests. */
  seconds?: number;
  amount?: number;
  /** Passed to each desk-event body as the first batch or event number, so runs never collide. */
  offset?: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number };
  /** Responses by status code. */
  statuses: Record<string, number>;
  errors: number;
  /** The desk-event number after the last one sent: the next run's offset. */
  next: number;
}

let loader: ChildProcess | undefined;

/** Runs one load in the (single, reused) autocannon child. */
export async function runLoad(target: LoadKind, options: LoadOptions): Promise<LoadResult> {
  loader ??= forkBench(new URL(import.meta.url), "--load-child");
  const limit = ((options.seconds ?? 60) + 30) * 1000;
  return ask<LoadResult>(loader, { run: { target, options } }, limit);
}

export async function stopLoad(): Promise<void> {
  if (loader) await stopChild(loader);
  loader = undefined;
}

/** The child's side. */
async function runLoader(): Promise<void> {
  const { default: autocannon } = await import("autocannon");
  serveParent(async (m: { run: { target: LoadKind; options: LoadOptions } }) => {
    const { target, options } = m.run;
    let n = options.offset ?? 0;
    const request: Record<string, unknown> = { method: "GET", path: "/" };
    if (target.kind === "get") Object.assign(request, { method: "GET", path: target.path, headers: target.headers ?? {} });
    else {
      const events = target.kind === "batches" ? (i: number) => batchEvents(i) : (i: number) => [singleSwab(i)];
      Object.assign(request, {
        method: "POST",
        path: "/api/v1/sites/yiyuan/desk-events",
        headers: { "content-type": "application/json", authorization: `Bearer ${target.token}` },
        setupRequest: (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify({ events: events(n++) }) }),
      });
    }
    const t0 = performance.now();
    const result = (await autocannon({
      url: options.base,
      connections: options.connections,
      // A fixed-amount run ends only at autocannon's next sampling tick (1 s by default), which
      // rounded short runs up to whole seconds and capped the measured rate; sample finely instead.
      ...(options.amount ? { amount: options.amount, sampleInt: 10 } : { duration: options.seconds ?? 5 }),
      requests: [request],
    })) as unknown as {
      duration: number;
      latency: { p50: number; p99: number };
      errors: number;
      timeouts: number;
      statusCodeStats: Record<string, { count: number }>;
    };
    const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]));
    const requests = Object.values(statuses).reduce((a, b) => a + b, 0);
    // Our own wall time: autocannon's `duration` is coarse for short fixed-amount runs.
    const seconds = options.amount ? (performance.now() - t0) / 1000 : result.duration;
    return {
      requests,
      seconds,
      requestsPerSecond: Math.round(requests / seconds),
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
      statuses,
      errors: result.errors + result.timeouts,
      next: n,
    } satisfies LoadResult;
  });
}

if (process.argv.includes("--load-child")) void runLoader();
