// Desk-event ingestion and push latency (issue 5 figures): swabs a second through HTTP batches of
// 50, as a share of the raw better-sqlite3 insert rate of the same rows in the same run; and the
// time from a swab to its queue push at 1,000 and 5,000 subscribers (clients in a child process).
import autocannon from "autocannon";
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { createApp } from "../server/app.ts";
import { openStore } from "../server/store/index.ts";
import { openDatabase } from "../server/store/db.ts";
import { bootstrap } from "../server/bootstrap.ts";
import { ScaledClock } from "../server/simulate/clock.ts";

const SITE = "yiyuan";
const START = Date.parse("2021-08-03T08:00:00+08:00");
/** Events per batch: four full tubes of ten (open, ten swabs, seal) and one opened and sealed empty. */
export const BATCH_EVENTS = 50;
const SWABS_PER_BATCH = 40;

interface Running {
  base: string;
  staffCode: string;
  marshalCode: string;
  /** Swabs the server has stored. */
  swabs(): Promise<number>;
  close(): Promise<void>;
}

/** Starts `this file` as a child in one of its roles, talking over IPC. */
function child(role: "--server-child" | "--subscribers-child"): ChildProcess {
  return fork(fileURLToPath(import.meta.url), [role], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
}

function ask<T>(proc: ChildProcess, message: Record<string, unknown>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    proc.once("message", (m) => resolve(m as T));
    proc.once("error", reject);
    proc.send(message);
  });
}

/**
 * The app in its own process (so load generators do not share its event loop), on a temp SQLite
 * file with synchronous=FULL as in production, the example site loaded.
 */
async function startBenchServer(): Promise<Running> {
  const proc = child("--server-child");
  const info = await ask<{ base: string; staffCode: string; marshalCode: string }>(proc, { start: true });
  return {
    ...info,
    swabs: async () => (await ask<{ swabs: number }>(proc, { count: true })).swabs,
    close: async () => {
      await ask(proc, { close: true });
      proc.kill();
    },
  };
}

/** The server's side, in its child process. */
async function runServer(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "tenfold-bench-"));
  const store = openStore(join(dir, "bench.db"));
  const first = bootstrap(store, { leadCode: "BENCHLEADCODE", seed: true }, START);
  const tenfold = createApp({ store, clock: new ScaledClock(START, 1), logger: pino({ level: "silent" }) });
  process.on("message", async (m: Record<string, unknown>) => {
    if (m.start) {
      const port = await tenfold.listen(0, "127.0.0.1");
      process.send!({ base: `http://127.0.0.1:${port}`, staffCode: first.seeded!.codes.staff["zhou-ting"], marshalCode: first.seeded!.codes.staff["liu-yuan"] });
    } else if (m.count) process.send!({ swabs: store.tubes.swabCount(SITE) });
    else if (m.close) {
      await tenfold.close();
      rmSync(dir, { recursive: true, force: true });
      process.send!({ closed: true });
    }
  });
}

async function login(base: string, code: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }) });
  return ((await res.json()) as { token: string }).token;
}

/** Batch `n`: fresh ids and tubes, so every batch is new work and batches are independent. */
export function batchEvents(n: number, point = "north-gate"): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  const at = (k: number) => new Date(START + n * 60_000 + k * 1000).toISOString();
  for (let t = 0; t < 5; t++) {
    const tube = `B${n}T${t}`;
    const desk = 1 + (t % 2);
    events.push({ id: `${tube}-o`, type: "tube.open", at: at(t * 12), point, desk, tube });
    if (t < 4) for (let s = 0; s < 10; s++) events.push({ id: `${tube}-s${s}`, type: "swab", at: at(t * 12 + s + 1), point, desk, tube, resident: `R${n}-${t}-${s}` });
    events.push({ id: `${tube}-c`, type: "tube.seal", at: at(t * 12 + 11), point, desk, tube });
  }
  return events;
}

export interface IngestFigures {
  batches: number;
  batchEvents: number;
  httpSwabsPerSecond: number;
  httpEventsPerSecond: number;
  rawSwabsPerSecond: number;
  ratio: number;
  latencyMs: { p50: number; p99: number };
}

/** Swabs a second through POST /desk-events (autocannon, `connections` at once). */
export async function measureHttpIngest(batches = 400, connections = 8): Promise<Omit<IngestFigures, "rawSwabsPerSecond" | "ratio">> {
  const server = await startBenchServer();
  try {
    const token = await login(server.base, server.staffCode);
    let n = 0;
    const result = await autocannon({
      url: server.base,
      connections,
      amount: batches,
      requests: [
        {
          method: "POST",
          path: `/api/v1/sites/${SITE}/desk-events`,
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          setupRequest: (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify({ events: batchEvents(n++) }) }),
        },
      ],
    });
    const seconds = result.duration;
    const swabs = await server.swabs();
    if (result.non2xx || swabs !== batches * SWABS_PER_BATCH) throw new Error(`ingest lost work: ${result.non2xx} non-2xx, ${swabs} swabs of ${batches * SWABS_PER_BATCH}`);
    return {
      batches,
      batchEvents: BATCH_EVENTS,
      httpSwabsPerSecond: Math.round(swabs / seconds),
      httpEventsPerSecond: Math.round((batches * BATCH_EVENTS) / seconds),
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
    };
  } finally {
    await server.close();
  }
}

/** The same rows written straight through better-sqlite3: one transaction per batch, no HTTP. */
export function measureRawInsert(batches = 400): number {
  const dir = mkdtempSync(join(tmpdir(), "tenfold-raw-"));
  const db = openDatabase(join(dir, "raw.db"));
  try {
    db.prepare("INSERT INTO sites (id, name, timezone, scenario, created_at) VALUES (?, ?, ?, ?, ?)").run(SITE, "bench", "Asia/Shanghai", "{}", START);
    const event = db.prepare(
      "INSERT INTO desk_events (site, id, type, digest, at, at_ms, received_at, point, desk, tube, resident, staff) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const tube = db.prepare("INSERT INTO tubes (site, id, point, desk, state, opened_at) VALUES (?, ?, ?, ?, 'open', ?)");
    const swab = db.prepare("INSERT INTO swabs (site, id, tube, point, desk, resident, at, at_ms, received_at, staff) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const count = db.prepare("UPDATE tubes SET swabs = swabs + 1, first_swab_at = coalesce(first_swab_at, ?) WHERE site = ? AND id = ?");
    const seal = db.prepare("UPDATE tubes SET state = 'sealed', sealed_at = ? WHERE site = ? AND id = ?");
    const custody = db.prepare("INSERT INTO custody (site, tube, at, state, holder, box) VALUES (?, ?, ?, ?, ?, NULL)");
    const write = db.transaction((events: Record<string, any>[]) => {
      for (const e of events) {
        const ms = Date.parse(e.at);
        event.run(SITE, e.id, e.type, "", e.at, ms, START, e.point, e.desk, e.tube, e.resident ?? null, "zhou-ting");
        if (e.type === "tube.open") {
          tube.run(SITE, e.tube, e.point, e.desk, ms);
          custody.run(SITE, e.tube, ms, "open", "zhou-ting");
        } else if (e.type === "swab") {
          swab.run(SITE, e.id, e.tube, e.point, e.desk, e.resident, e.at, ms, START, "zhou-ting");
          count.run(ms, SITE, e.tube);
        } else {
          seal.run(ms, SITE, e.tube);
          custody.run(SITE, e.tube, ms, "sealed", "zhou-ting");
        }
      }
    });
    const prepared = Array.from({ length: batches }, (_, n) => batchEvents(n));
    const t0 = performance.now();
    for (const events of prepared) write(events);
    const seconds = (performance.now() - t0) / 1000;
    return Math.round((batches * SWABS_PER_BATCH) / seconds);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Ingestion through HTTP and raw, measured in one run, with their ratio. */
export async function benchIngest(batches = 400): Promise<IngestFigures> {
  const http = await measureHttpIngest(batches);
  const rawSwabsPerSecond = measureRawInsert(batches);
  return { ...http, rawSwabsPerSecond, ratio: Math.round((http.httpSwabsPerSecond / rawSwabsPerSecond) * 1000) / 1000 };
}

export interface PushFigures {
  subscribers: number;
  samples: number;
  delivered: number;
  p50Ms: number;
  p99Ms: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * Swab → `queue` push latency at `subscribers` resident sockets (in a child process). Samples are
 * spaced past the one-a-second coalescing, so each measures the push path, not the throttle.
 */
export async function measurePushLatency(subscribers: number, samples = 15): Promise<PushFigures> {
  const server = await startBenchServer();
  const clients = child("--subscribers-child");
  try {
    await ask(clients, { connect: server.base, subscribers, site: SITE, point: "north-gate" });
    const staff = await login(server.base, server.staffCode);
    const marshal = await login(server.base, server.marshalCode);
    const post = (path: string, token: string, body: unknown) =>
      fetch(`${server.base}/api/v1/sites/${SITE}${path}`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    await post("/points/north-gate/queue", marshal, { headcount: 100_000 });
    const tubeOf = (i: number) => `PUSH${Math.floor(i / 10)}`;
    const opens = Array.from({ length: Math.ceil(samples / 10) }, (_, k) => ({ id: `open${k}`, type: "tube.open", at: new Date(START).toISOString(), point: "north-gate", desk: 1, tube: tubeOf(k * 10) }));
    await post("/desk-events", staff, { events: opens });
    await new Promise((r) => setTimeout(r, 1500));
    await ask(clients, { reset: true });
    const sent: number[] = [];
    for (let i = 0; i < samples; i++) {
      sent.push(Date.now());
      // Each swab shortens the line by one: a new state, so a push.
      await post("/desk-events", staff, {
        events: [{ id: `s${i}`, type: "swab", at: new Date(START + i * 1000).toISOString(), point: "north-gate", desk: 1, tube: tubeOf(i), resident: `P${i}` }],
      });
      await new Promise((r) => setTimeout(r, 1200));
    }
    const arrivals = await ask<{ lengths: Record<string, number[]> }>(clients, { report: true });
    // A push carries the line's length: 100,000 less the swabs so far names the sample it answers.
    const latencies: number[] = [];
    for (const [length, times] of Object.entries(arrivals.lengths)) {
      const i = 100_000 - Number(length) - 1;
      if (i < 0 || i >= samples) continue;
      for (const t of times) latencies.push(t - sent[i]);
    }
    latencies.sort((a, b) => a - b);
    return { subscribers, samples, delivered: latencies.length, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
  } finally {
    clients.kill();
    await server.close();
  }
}

/** The subscribers' side, in the child process: connect, subscribe, note when each push lands. */
async function runSubscribers(): Promise<void> {
  const { io } = await import("socket.io-client");
  const sockets: ReturnType<typeof io>[] = [];
  let lengths: Record<string, number[]> = {};
  process.on("message", async (m: any) => {
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
            await s.emitWithAck("queue:subscribe", { site: m.site, points: [m.point] });
          }),
        );
      }
      process.send!({ connected: sockets.length });
    } else if (m.reset) {
      lengths = {};
      process.send!({ ok: true });
    } else if (m.report) {
      process.send!({ lengths });
    }
  });
}

if (process.argv.includes("--subscribers-child")) void runSubscribers();
if (process.argv.includes("--server-child")) void runServer();
