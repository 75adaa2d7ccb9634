// Two HTTP hot paths against a bare Express handler in the same run (issue 7): one desk event per
// request, and the public queue snapshot (plus its ETag hits). Each pair runs alternately, twice,
// and keeps each side's best, so a burst of someone else's work on this shared machine hurts both.
import { startBenchServer, type BenchServer } from "./server.ts";
import { runLoad, type LoadKind, type LoadResult } from "./load.ts";
import { openSingleTubes } from "./ingest.ts";
import { round } from "./child.ts";

const CONNECTIONS = 10;
const SECONDS = 4;
const ROUNDS = 2;
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

/** Alternates tenfold and bare runs; checks every answer was the expected status. */
async function pair(
  tenfold: { server: BenchServer; target: (offset: number) => LoadKind; status: string },
  bare: { server: BenchServer; target: (offset: number) => LoadKind; status: string },
): Promise<{ figures: PairFigures; runs: LoadResult[] }> {
  const a: LoadResult[] = [];
  const b: LoadResult[] = [];
  let offset = 0;
  for (let i = 0; i < ROUNDS; i++) {
    for (const [which, list] of [[tenfold, a], [bare, b]] as const) {
      const r = await runLoad(which.target(offset), { base: which.server.base, connections: CONNECTIONS, seconds: SECONDS, offset });
      const wrong = r.requests - (r.statuses[which.status] ?? 0);
      if (wrong || r.errors) throw new Error(`${which.server.kind}: ${wrong} answers other than ${which.status}, ${r.errors} errors: ${JSON.stringify(r.statuses)}`);
      list.push(r);
      if (which === tenfold) offset = r.next;
    }
  }
  const t = best(a);
  const u = best(b);
  return { figures: { tenfold: side(t), bare: side(u), ratio: round(t.requestsPerSecond / u.requestsPerSecond, 3) }, runs: [...a, ...b] };
}

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
      const desk = await pair(
        { server: tenfold, target: () => ({ kind: "single-swab", token }), status: "200" },
        { server: bare, target: () => ({ kind: "single-swab", token }), status: "200" },
      );
      const applied = (await tenfold.swabs()) - before;
      const answered = desk.runs.slice(0, ROUNDS).reduce((n, r) => n + r.requests, 0);
      const sent = desk.runs[ROUNDS - 1].next;
      // A run's last requests may be cut off unanswered, yet stored: between answered and sent.
      if (applied < answered || applied > sent) throw new Error(`single swabs: ${answered} answered, ${sent} sent, ${applied} stored`);
      if (sent > SINGLE_CAPACITY) throw new Error(`single swabs overran the ${SINGLE_CAPACITY} opened places`);
      const get: LoadKind = { kind: "get", path: "/api/v1/queue?site=yiyuan" };
      const queue = await pair({ server: tenfold, target: () => get, status: "200" }, { server: bare, target: () => get, status: "200" });
      const hits = [];
      for (let i = 0; i < ROUNDS; i++) {
        // The line can move between runs (time alone changes it): take the ETag fresh each time.
        const tag = (await fetch(`${tenfold.base}/api/v1/queue?site=yiyuan`)).headers.get("etag")!;
        const r = await runLoad({ kind: "get", path: "/api/v1/queue?site=yiyuan", headers: { "if-none-match": tag } }, { base: tenfold.base, connections: CONNECTIONS, seconds: SECONDS });
        if ((r.statuses["304"] ?? 0) < r.requests * 0.9) throw new Error(`ETag run: ${JSON.stringify(r.statuses)}`);
        hits.push(r);
      }
      const hit = best(hits);
      return {
        deskEvent: { ...desk.figures, applied },
        queueSnapshot: { ...queue.figures, bytes: Buffer.byteLength(snapshotText) },
        queueEtag: {
          ...side(hit),
          ratioToBare: round(hit.requestsPerSecond / queue.figures.bare.requestsPerSecond, 3),
          ratioToSnapshot: round(hit.requestsPerSecond / queue.figures.tenfold.requestsPerSecond, 3),
        },
      };
    } finally {
      await bare.close();
    }
  } finally {
    await tenfold.close();
  }
}
