// The bench's JSON turned into table rows, each with its same-run baseline and its target (docs/benchmarks.md).
import type { PlannerBench } from "./planner.ts";
import type { RotationQuality } from "./offline.ts";
import type { IngestFigures } from "./ingest.ts";
import type { HttpFigures } from "./http.ts";
import type { PushFigures } from "./push.ts";
import type { CrossNodeFigures } from "./crossnode.ts";
import type { PagesFigures } from "./pages.ts";
import type { StartupFigures } from "./startup.ts";
import type { PlanLoadFigures } from "./plan-load.ts";
import { n, type Row } from "./table.ts";

/** Coalescing (1 s) plus 250 ms: the push latency target. */
const PUSH_P99_TARGET_MS = 1250;
/** A change on one node reaches a resident on another about as fast as on one (issue 19). */
const CROSS_NODE_P99_TARGET_MS = 150;

export function figureRows(f: Record<string, unknown>): Row[] {
  const rows: Row[] = [];
  const planner = f.planner as PlannerBench | undefined;
  if (planner) {
    rows.push({ figure: `planner, ${n(planner.residents)} residents, ${planner.points} points, ${planner.staff} staff`, value: `${n(planner.planMs)} ms (first ${n(planner.firstMs)})`, target: "< 10,000 ms", ok: planner.planMs < 10_000 });
    rows.push({ figure: `heat table, ${planner.points} points × ${planner.heatHours} hours (sun, WBGT per shelter and point)`, value: `${planner.heatTableMs} ms`, target: "< 50 ms", ok: planner.heatTableMs < 50 });
    rows.push({ figure: "planner peak RSS (own process)", value: `${n(planner.peakRssMB)} MB`, target: "< 300 MB", ok: planner.peakRssMB < 300 });
  }
  const pages = f.pages as PagesFigures | undefined;
  for (const p of pages ?? []) {
    // The resident page is opened on cheap phones over crowded networks: 30 KB of scripts and styles.
    const budget = p.page === "resident" ? 30 * 1024 : undefined;
    rows.push({
      figure: `${p.page} page scripts + styles on the wire (brotli)`,
      value: `${n(p.assets.br)} B`,
      baseline: `uncompressed ${n(p.assets.identity)} B, gzip ${n(p.assets.gzip)} B`,
      ...(budget ? { target: "≤ 30,720 B", ok: p.assets.br <= budget } : {}),
    });
  }
  const startup = f.startup as StartupFigures | undefined;
  if (startup) {
    rows.push({ figure: "`tenfold check` on the example, spawn to exit (compiled)", value: `${n(startup.checkMs.compiled)} ms (best ${n(startup.bestMs.check)})`, baseline: `through tsx ${n(startup.checkMs.source)} ms`, target: "< 500 ms", ok: startup.checkMs.compiled < 500 });
    rows.push({ figure: "`tenfold serve` (npm start), spawn to listening (compiled)", value: `${n(startup.listenMs.compiled)} ms (best ${n(startup.bestMs.listen)})`, baseline: `through tsx ${n(startup.listenMs.source)} ms`, target: "< 1,000 ms", ok: startup.listenMs.compiled < 1000 });
  }
  const rotation = f.rotation as RotationQuality | undefined;
  if (rotation)
    rows.push({ figure: `rotation people vs MILP optimum (${rotation.instances} small sites)`, value: `${rotation.rotationPeople} people`, baseline: `${rotation.optimumPeople} optimum (${rotation.proven} proven)`, ratio: rotation.ratio });
  const ingest = f.ingest as IngestFigures | undefined;
  if (ingest)
    rows.push({ figure: "ingestion, HTTP batches of 50", value: `${n(ingest.httpSwabsPerSecond)} swabs/s`, baseline: `raw better-sqlite3 ${n(ingest.rawSwabsPerSecond)} swabs/s`, ratio: ingest.ratio, target: "≥ 0.5", ok: ingest.ratio >= 0.5 });
  const http = f.http as HttpFigures | undefined;
  if (http) {
    const d = http.deskEvent;
    rows.push({ figure: "one desk event per request", value: `${n(d.tenfold.requestsPerSecond)} req/s`, baseline: `bare Express ${n(d.bare.requestsPerSecond)} req/s`, ratio: d.ratio, target: "≥ 0.5", ok: d.ratio >= 0.5 });
    const q = http.queueSnapshot;
    rows.push({ figure: "GET /api/v1/queue?site= snapshot", value: `${n(q.tenfold.requestsPerSecond)} req/s`, baseline: `bare Express ${n(q.bare.requestsPerSecond)} req/s`, ratio: q.ratio, target: "≥ 0.8", ok: q.ratio >= 0.8 });
    const e = http.queueEtag;
    // The 200 is already a cached body, so a 304 saves its bytes (the phone's data), not server work.
    rows.push({ figure: "  same, If-None-Match hit (304)", value: `${n(e.requestsPerSecond)} req/s (${e.ratioToSnapshot.toFixed(2)}× the 200)`, baseline: "bare Express 200s", ratio: e.ratioToBare, target: "≥ 0.8", ok: e.ratioToBare >= 0.8 });
  }
  const load = f.planload as PlanLoadFigures | undefined;
  if (load)
    rows.push({ figure: `/healthz while a ${load.points}-point plan is made (${n(load.planMs)} ms, ${load.probes} probes)`, value: `p99 ${load.healthzP99Ms} ms, max ${load.healthzMaxMs} ms`, target: "p99 < 100, max < 250", ok: load.healthzP99Ms < 100 && load.healthzMaxMs < 250 });
  const push = f.push as PushFigures | undefined;
  if (push) {
    rows.push({ figure: `push latency, swab → ${n(push.subscribers)} sockets`, value: `p50 ${n(push.p50Ms)} ms, p99 ${n(push.p99Ms)} ms`, baseline: `${n(push.delivered)} of ${n(push.samples * push.subscribers)} delivered`, target: `p99 ≤ ${n(PUSH_P99_TARGET_MS)} ms`, ok: push.p99Ms <= PUSH_P99_TARGET_MS && push.delivered === push.samples * push.subscribers });
    rows.push({ figure: "  server event-loop delay meanwhile", value: `p99 ${push.eventLoopDelayP99Ms} ms (max ${push.eventLoopDelayMaxMs})` });
    rows.push({ figure: "  server memory per 1,000 subscribers", value: `${push.rssPer1000MB} MB RSS, ${push.heapPer1000MB} MB heap` });
  }
  const crossnode = f.crossnode as CrossNodeFigures | undefined;
  for (const c of crossnode ?? [])
    rows.push({
      figure: `cross-node push, node A → ${n(c.residents)} residents on node B (${c.deployment === "relay" ? "B relays" : "B shares A's file"})`,
      value: `p50 ${n(c.p50Ms)} ms, p99 ${n(c.p99Ms)} ms (max ${n(c.maxMs)})`,
      baseline: `on node A itself: p50 ${n(c.oneNode.p50Ms)} ms, p99 ${n(c.oneNode.p99Ms)} ms; ${n(c.delivered)} of ${n(c.samples * c.residents)} delivered`,
      target: `p99 < ${CROSS_NODE_P99_TARGET_MS} ms`,
      ok: c.p99Ms < CROSS_NODE_P99_TARGET_MS && c.delivered === c.samples * c.residents,
    });
  return rows;
}
