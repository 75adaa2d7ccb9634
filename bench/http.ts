// Two HTTP hot paths against a bare Express handler in the same run (docs/benchmarks.md): one desk event per
// request, and the public queue snapshot (plus its ETag hits). The contenders run in turn, thrice,
// and keeps each side's best, so a burst of someone else's work on this shared machine hurts both.
import { startBenchServer, type BenchServer } from "./server.ts";
import { runLoad, type LoadKind, type LoadResult } from "./load.ts";
import { openSingleTubes } from "./ingest.ts";
import { round } from "./child.ts";

/** Connections at once: dozens of desks, hundreds of phones. */
const CONNECTIONS = 32;
const SECONDS = 4;
const ROUNDS = 3;
/** Single swabs a run may send at most (tubes for them are opened beforehand). */
const SINGLE_CAPACITY = 40_000;

export async function login(base: string, code: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

async function post(base: string, token: string, path: string, body: unknown): Promise<Response> {
  const res = await fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res;
}

export interface PairFigures {
  tenfold: { requestsPerSecond: number; latencyMs: { p50: number; p99: number } };
  bare: { requestsPerSecond: number; latencyMs: { p50: number; p99: number } };
  /** tenfold over bare. */
  ratio: number;
}

const best = (runs: LoadResult[]) => runs.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
const side = (r: LoadResult) => ({ requestsPerSecond: r.requestsPerSecond, latencyMs: r.latencyMs });

interface Contender {
  server: BenchServer;
  target: () => Promise<LoadKind> | LoadKind;
  /** The status every answer must have. */
  status: string;
  /** Desk events: each run continues the numbering where the last stopped. */
  numbered?: boolean;
}

/**
 * Runs the contenders in turn, ROUNDS times, and keeps each one's best run: a burst of someone
 * else's work on this shared machine then hurts every contender alike.
 */
async function alternate(contenders: Contender[]): Promise<LoadResult[][]> {
  const runs: LoadResult[][] = contenders.map(() => []);
  let offset = 0;
  for (let i = 0; i < ROUNDS; i++) {
    for (const [k, c] of contenders.entries()) {
      const r = await runLoad(await c.target(), { base: c.server.base, connections: CONNECTIONS, seconds: SECONDS, offset });
      const wrong = r.requests - (r.statuses[c.status] ?? 0);
      // A conditional GET meets a new ETag when the line moved during the run: a few 200s are fine.
      if (wrong > (c.status === "304" ? r.requests * 0.1 : 0) || r.errors) throw new Error(`${c.server.kind}: ${wrong} answers other than ${c.status}, ${r.errors} errors: ${JSON.stringify(r.statuses)}`);
      runs[k].push(r);
      if (c.numbered) offset = r.next;
    }
  }
  return runs;
}

const pairOf = (tenfold: LoadResult, bare: LoadResult): PairFigures => ({
  tenfold: side(tenfold),
  bare: side(bare),
  ratio: round(tenfold.requestsPerSecond / bare.requestsPerSecond, 3),
});

export interface HttpFigures {
  /** POST /desk-events with one swab each, against a bare handler (target ≥ 0.5). */
  deskEvent: PairFigures & { applied: number };
  /** GET /api/v1/queue?site=, against a bare handler serving the same body (target ≥ 0.8). */
  queueSnapshot: PairFigures & { bytes: number };
  /** The same GET with If-None-Match: 304s. */
  queueEtag: { requestsPerSecond: number; latencyMs: { p50: number; p99: number }; ratioToBare: number; ratioToSnapshot: number };
}

export async function benchHttp(): Promise<HttpFigures> {
  const tenfold = await startBenchServer("tenfold");
  try {
    const token = await login(tenfold.base, tenfold.codes.staff);
    for (let n = 0; n < SINGLE_CAPACITY; n += 10_000) await post(tenfold.base, token, "/api/v1/sites/yiyuan/desk-events", { events: openSingleTubes(n, 10_000) });
    const snapshotRes = await fetch(`${tenfold.base}/api/v1/queue?site=yiyuan`);
    const snapshotText = await snapshotRes.text();
    const etag = snapshotRes.headers.get("etag");
    if (snapshotRes.status !== 200 || !etag) throw new Error(`snapshot: ${snapshotRes.status}, etag ${etag}`);
    const bare = await startBenchServer("bare", { queueBody: JSON.parse(snapshotText) });
    try {
      const before = await tenfold.swabs();
      const swab: LoadKind = { kind: "single-swab", token };
      const [deskRuns, bareDeskRuns] = await alternate([
        { server: tenfold, target: () => swab, status: "200", numbered: true },
        { server: bare, target: () => swab, status: "200" },
      ]);
      const applied = (await tenfold.swabs()) - before;
      const answered = deskRuns.reduce((n, r) => n + r.requests, 0);
      const sent = deskRuns[deskRuns.length - 1].next;
      // A run's last requests may be cut off unanswered, yet stored: between answered and sent.
      if (applied < answered || applied > sent) throw new Error(`single swabs: ${answered} answered, ${sent} sent, ${applied} stored`);
      if (sent > SINGLE_CAPACITY) throw new Error(`single swabs overran the ${SINGLE_CAPACITY} opened places`);
      const get: LoadKind = { kind: "get", path: "/api/v1/queue?site=yiyuan" };
      // The line can move between runs (time alone changes it): the ETag is taken fresh each time.
      const conditional = async (): Promise<LoadKind> => ({ ...get, headers: { "if-none-match": (await fetch(`${tenfold.base}${get.path}`)).headers.get("etag")! } });
      const [queueRuns, bareQueueRuns, hitRuns] = await alternate([
        { server: tenfold, target: () => get, status: "200" },
        { server: bare, target: () => get, status: "200" },
        { server: tenfold, target: conditional, status: "304" },
      ]);
      const queue = pairOf(best(queueRuns), best(bareQueueRuns));
      const hit = best(hitRuns);
      return {
        deskEvent: { ...pairOf(best(deskRuns), best(bareDeskRuns)), applied },
        queueSnapshot: { ...queue, bytes: Buffer.byteLength(snapshotText) },
        queueEtag: {
          ...side(hit),
          ratioToBare: round(hit.requestsPerSecond / queue.bare.requestsPerSecond, 3),
          ratioToSnapshot: round(hit.requestsPerSecond / queue.tenfold.requestsPerSecond, 3),
        },
      };
    } finally {
      await bare.close();
    }
  } finally {
    await tenfold.close();
  }
}
