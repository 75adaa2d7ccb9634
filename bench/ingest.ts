// Desk-event ingestion (docs/benchmarks.md): swabs a second through HTTP batches of 50, as a
// share of the raw better-sqlite3 insert rate of the same rows in the same run; and the desk
// events the load generator sends (batches, or one swab a request).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../server/store/db.ts";
import { round } from "./child.ts";

const SITE = "yiyuan";
const START = Date.parse("2021-08-03T08:00:00+08:00");
/** Events per batch: four full tubes of ten (open, ten swabs, seal) and one opened and sealed empty. */
export const BATCH_EVENTS = 50;
export const SWABS_PER_BATCH = 40;

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

/**
 * Single swabs are dated in the hour before the bench clock starts: stored and counted like any
 * other, but outside the live line's ten-minute measuring window, so the public snapshot (and its
 * ETag) stays put while they are sent.
 */
const SINGLE_START = START - 3_600_000;

/** The tube single swab `n` goes into: ten swabs a tube, tubes alternating between two desks. */
const singleTube = (n: number) => ({ tube: `ONE${Math.floor(n / 10)}`, desk: 1 + (Math.floor(n / 10) % 2) });

/** Opens the tubes that single swabs `from`…`from + count - 1` go into (one event per tube). */
export function openSingleTubes(from: number, count: number): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  for (let n = from - (from % 10); n < from + count; n += 10) {
    const { tube, desk } = singleTube(n);
    events.push({ id: `${tube}-o`, type: "tube.open", at: new Date(SINGLE_START).toISOString(), point: "north-gate", desk, tube });
  }
  return events;
}

/** Single swab `n`, sent as one event in its own request. */
export function singleSwab(n: number): Record<string, unknown> {
  return { id: `one-${n}`, type: "swab", at: new Date(SINGLE_START + 1000 + n * 50).toISOString(), point: "north-gate", ...singleTube(n), resident: `O${n}` };
}

/** The same rows as `batches` HTTP batches, written straight through better-sqlite3: one transaction per batch. */
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

export interface IngestFigures {
  batches: number;
  batchEvents: number;
  httpSwabsPerSecond: number;
  httpEventsPerSecond: number;
  rawSwabsPerSecond: number;
  /** HTTP over raw (target ≥ 0.5). */
  ratio: number;
  latencyMs: { p50: number; p99: number };
  /** Every run, best first or not: the spread says how noisy the machine was. */
  runs: { httpSwabsPerSecond: number[]; rawSwabsPerSecond: number[] };
}

/** Rounds of raw and HTTP runs, alternated: each side keeps its best. */
const ROUNDS = 3;

/**
 * Ingestion through HTTP (a tenfold child, autocannon in another) and raw, in one run, with their
 * ratio. Raw and HTTP runs alternate, three of each, and each side keeps its best, so a burst of
 * someone else's work on this shared machine during one run flatters neither. Sixteen
 * connections: a site's desks send at once.
 */
export async function benchIngest(batches = 800, connections = 16): Promise<IngestFigures> {
  const { startBenchServer } = await import("./server.ts");
  const { runLoad } = await import("./load.ts");
  const { login } = await import("./http.ts");
  const server = await startBenchServer("tenfold");
  const raw: number[] = [];
  const http: { swabsPerSecond: number; latencyMs: { p50: number; p99: number } }[] = [];
  try {
    const token = await login(server.base, server.codes.staff);
    let offset = 0;
    for (let round = 0; round < ROUNDS; round++) {
      raw.push(measureRawInsert(batches));
      const load = await runLoad({ kind: "batches", token }, { base: server.base, connections, amount: batches, offset });
      if ((load.statuses["200"] ?? 0) !== batches) throw new Error(`ingest: statuses ${JSON.stringify(load.statuses)} for ${batches} batches`);
      offset = load.next;
      http.push({ swabsPerSecond: Math.round((batches * SWABS_PER_BATCH) / load.seconds), latencyMs: load.latencyMs });
    }
    const swabs = await server.swabs();
    if (swabs !== ROUNDS * batches * SWABS_PER_BATCH) throw new Error(`ingest lost work: ${swabs} swabs stored of ${ROUNDS * batches * SWABS_PER_BATCH}`);
  } finally {
    await server.close();
  }
  const best = http.reduce((a, b) => (b.swabsPerSecond > a.swabsPerSecond ? b : a));
  const rawSwabsPerSecond = Math.max(...raw);
  return {
    batches,
    batchEvents: BATCH_EVENTS,
    httpSwabsPerSecond: best.swabsPerSecond,
    httpEventsPerSecond: Math.round((best.swabsPerSecond * BATCH_EVENTS) / SWABS_PER_BATCH),
    latencyMs: best.latencyMs,
    rawSwabsPerSecond,
    ratio: round(best.swabsPerSecond / rawSwabsPerSecond, 3),
    runs: { httpSwabsPerSecond: http.map((h) => h.swabsPerSecond), rawSwabsPerSecond: raw },
  };
}
