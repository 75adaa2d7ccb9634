// Live pushes (docs/benchmarks.md): latency from a swab to its `queue` push at every one of N subscribed
// sockets (p50, p99), the server's event-loop delay p99 meanwhile, and the server's memory per
// 1,000 subscribers. The server runs in one child; the sockets in others.
import type { ChildProcess } from "node:child_process";
import { forkBench, ask, serveParent, stopChild, percentile, round } from "./child.ts";
import { startBenchServer, SITE, START } from "./server.ts";
import { login } from "./http.ts";

/** The line is set long, so each swab shortens it by one: a new state, so a push, and its length names the sample. */
const HEADCOUNT = 100_000;
const POINT = "north-gate";
/** Processes the sockets are spread over. */
const CROWDS = 2;

export interface PushFigures {
  subscribers: number;
  samples: number;
  /** Pushes received, of samples × subscribers. */
  delivered: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Server event-loop delay while the pushes went out. */
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  /** Server memory (after a full GC) per 1,000 subscribed sockets. */
  rssPer1000MB: number;
  heapPer1000MB: number;
  connectSeconds: number;
}

/**
 * Samples are spaced past the one-a-second coalescing, so each measures the push path (the timer
 * fires at once), not the throttle.
 */
export async function benchPush(subscribers = 5000, samples = 12): Promise<PushFigures> {
  const server = await startBenchServer("tenfold");
  const crowds: ChildProcess[] = [];
  try {
    const before = await server.stats();
    const t0 = performance.now();
    for (let c = 0; c < CROWDS; c++) crowds.push(forkBench(new URL(import.meta.url), "--subscribers-child"));
    const share = Math.ceil(subscribers / CROWDS);
    await Promise.all(crowds.map((crowd, c) => ask(crowd, { connect: server.base, subscribers: Math.min(share, subscribers - c * share), site: SITE, point: POINT }, 180_000)));
    const connectSeconds = round((performance.now() - t0) / 1000, 1);
    const after = await server.stats();
    const staff = await login(server.base, server.codes.staff);
    const marshal = await login(server.base, server.codes.marshal);
    const post = async (path: string, token: string, body: unknown) => {
      const res = await fetch(`${server.base}/api/v1/sites/${SITE}${path}`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    };
    await post(`/points/${POINT}/queue`, marshal, { headcount: HEADCOUNT });
    const tubeOf = (i: number) => `PUSH${Math.floor(i / 10)}`;
    const opens = Array.from({ length: Math.ceil(samples / 10) }, (_, k) => ({ id: `open${k}`, type: "tube.open", at: new Date(START).toISOString(), point: POINT, desk: 1, tube: tubeOf(k * 10) }));
    await post("/desk-events", staff, { events: opens });
    await new Promise((r) => setTimeout(r, 1500));
    await Promise.all(crowds.map((crowd) => ask(crowd, { reset: true })));
    await server.resetStats();
    const sent: number[] = [];
    for (let i = 0; i < samples; i++) {
      sent.push(Date.now());
      await post("/desk-events", staff, {
        events: [{ id: `s${i}`, type: "swab", at: new Date(START + i * 1000).toISOString(), point: POINT, desk: 1, tube: tubeOf(i), resident: `P${i}` }],
      });
      await new Promise((r) => setTimeout(r, 1200));
    }
    const during = await server.stats();
    const latencies: number[] = [];
    for (const crowd of crowds) {
      const { lengths } = await ask<{ lengths: Record<string, number[]> }>(crowd, { report: true });
      for (const [length, times] of Object.entries(lengths)) {
        const i = HEADCOUNT - Number(length) - 1;
        if (i < 0 || i >= samples) continue;
        for (const t of times) latencies.push(t - sent[i]);
      }
    }
    latencies.sort((a, b) => a - b);
    const per1000 = subscribers / 1000;
    return {
      subscribers,
      samples,
      delivered: latencies.length,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      maxMs: latencies[latencies.length - 1],
      eventLoopDelayP99Ms: during.eldP99Ms,
      eventLoopDelayMaxMs: during.eldMaxMs,
      rssPer1000MB: round((after.rssMB - before.rssMB) / per1000, 2),
      heapPer1000MB: round((after.heapUsedMB - before.heapUsedMB) / per1000, 2),
      connectSeconds,
    };
  } finally {
    await Promise.all(crowds.map((crowd) => stopChild(crowd)));
    await server.close();
  }
}

/** A crowd of subscribers, in its child process: connect, subscribe, note when each push lands. */
async function runSubscribers(): Promise<void> {
  const { io } = await import("socket.io-client");
  const sockets: ReturnType<typeof io>[] = [];
  let lengths: Record<string, number[]> = {};
  serveParent(async (m: any) => {
    if (m.connect) {
      for (let i = 0; i < m.subscribers; i += 250) {
        await Promise.all(
          Array.from({ length: Math.min(250, m.subscribers - i) }, async () => {
            const s = io(m.connect, { transports: ["websocket"], reconnection: false, forceNew: true });
            sockets.push(s);
            s.on("queue", (e: { length: number }) => (lengths[e.length] ??= []).push(Date.now()));
            await new Promise<void>((resolve, reject) => {
              s.once("connect", () => resolve());
              s.once("connect_error", reject);
            });
            const reply = await s.timeout(30_000).emitWithAck("queue:subscribe", { site: m.site, points: [m.point] });
            if (!reply.ok) throw new Error(`subscribe refused: ${JSON.stringify(reply)}`);
          }),
        );
      }
      return { connected: sockets.length };
    }
    if (m.reset) {
      lengths = {};
      return { ok: true };
    }
    if (m.report) return { lengths };
    throw new Error(`unknown message ${JSON.stringify(m)}`);
  });
  process.on("SIGTERM", () => {
    for (const s of sockets) s.close();
    process.exit(0);
  });
}

if (process.argv.includes("--subscribers-child")) void runSubscribers();
