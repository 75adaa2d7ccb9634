// Pushes across nodes (docs/scaling.md, the cross-node path): a real redis-server and two
// `tenfold serve` nodes on loopback (as test/support/cluster.ts starts them). Node A holds the
// example site; N residents subscribe on node B; headcounts and swabs posted to A, spaced past the
// one-a-second coalescing, are timed from the request to each resident's `queue` push, and so are
// they at as many residents on node A itself (the one-node figure, same changes, same run). Both
// deployments: B holds no file of A's (a node per district, or a relay-only node: B relays), and
// B shares A's file (several nodes on one machine: B recomputes the line itself).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import type { ClientToServerEvents, QueueEvent, ServerToClientEvents } from "../shared/live/events.ts";
import { freePort, startNode, startRedis, type Proc, type TenfoldNode } from "../test/support/cluster.ts";
import { login } from "./http.ts";
import { percentile, round } from "./child.ts";

const SITE = "yiyuan";
const POINT = "north-gate";
const LEAD = "CROSSNODEBENCHLEAD";
/** Each sample's headcount: far apart, so a length names its sample. */
const BASE = 1000;

export interface CrossNodeRun {
  deployment: "relay" | "shared-file";
  residents: number;
  samples: number;
  delivered: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The same changes at as many residents on node A itself, in the same run: the one-node figure. */
  oneNode: { delivered: number; p50Ms: number; p99Ms: number; maxMs: number };
}

export type CrossNodeFigures = CrossNodeRun[];

type Resident = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The length a sample leaves at the point: even samples set a headcount, odd ones swab once after it. */
const lengthOf = (i: number) => (i % 2 === 0 ? BASE + 10 * i : BASE + 10 * (i - 1) - 1);

async function run(deployment: CrossNodeRun["deployment"], residents: number, samples: number, spacingMs: number): Promise<CrossNodeRun> {
  const dir = mkdtempSync(join(tmpdir(), "tenfold-crossnode-"));
  const procs: Proc[] = [];
  const sockets: Resident[] = [];
  try {
    const redisPort = await freePort();
    procs.push(await startRedis(redisPort, dir));
    const redisUrl = `redis://127.0.0.1:${redisPort}`;
    const a: TenfoldNode = await startNode({ port: await freePort(), db: join(dir, "a.db"), redisUrl, leadCode: LEAD, seed: true });
    procs.push(a);
    const b: TenfoldNode = await startNode({ port: await freePort(), db: join(dir, deployment === "relay" ? "b.db" : "a.db"), redisUrl, leadCode: LEAD, seed: false });
    procs.push(b);
    const staff = await login(a.base, a.staffCodes["zhou-ting"]);
    const marshal = await login(a.base, a.staffCodes["liu-yuan"]);
    const post = async (path: string, token: string, body: unknown) => {
      const res = await fetch(`${a.base}/api/v1/sites/${SITE}${path}`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    };
    /** Per node, per length, when each resident got it. */
    const got = { a: new Map<number, number[]>(), b: new Map<number, number[]>() };
    await Promise.all(
      Array.from({ length: 2 * residents }, async (_, k) => {
        const on = k % 2 ? "a" : "b";
        const s: Resident = connect(on === "a" ? a.base : b.base, { transports: ["websocket"], forceNew: true, reconnection: false });
        sockets.push(s);
        s.on("queue", (e: QueueEvent) => {
          if (e.point !== POINT) return;
          const list = got[on].get(e.length) ?? [];
          list.push(Date.now());
          got[on].set(e.length, list);
        });
        const ack = await s.timeout(20_000).emitWithAck("queue:subscribe", { site: SITE, points: [POINT] });
        if (!ack.ok) throw new Error(`subscribe on node ${on}: ${JSON.stringify(ack)}`);
      }),
    );
    const tube = "XNODE";
    const at = () => new Date().toISOString();
    await post("/desk-events", staff, { events: [{ id: "open", type: "tube.open", at: at(), point: POINT, desk: 1, tube }] });
    await new Promise((r) => setTimeout(r, 1500));
    // At most 10 swabs go into the one tube (10:1 pooling).
    if (samples > 20) throw new Error("at most 20 samples");
    const sent: number[] = [];
    const answered: number[] = [];
    for (let i = 0; i < samples; i++) {
      sent.push(Date.now());
      if (i % 2 === 0) await post(`/points/${POINT}/queue`, marshal, { headcount: lengthOf(i) });
      else await post("/desk-events", staff, { events: [{ id: `s${i}`, type: "swab", at: at(), point: POINT, desk: 1, tube, resident: `X${i}` }] });
      answered.push(Date.now() - sent[i]);
      await new Promise((r) => setTimeout(r, spacingMs));
    }
    await new Promise((r) => setTimeout(r, 1500));
    const latenciesAt = (node: "a" | "b") => {
      const list: number[] = [];
      for (let i = 0; i < samples; i++) for (const t of got[node].get(lengthOf(i)) ?? []) list.push(t - sent[i]);
      return list.sort((x, y) => x - y);
    };
    const latencies = latenciesAt("b");
    const local = latenciesAt("a");
    if (process.env.BENCH_DEBUG)
      for (let i = 0; i < samples; i++) {
        const times = (got.b.get(lengthOf(i)) ?? []).map((t) => t - sent[i]).sort((x, y) => x - y);
        process.stderr.write(`\n${deployment} sample ${i}: answered ${answered[i]} ms, first ${times[0]} ms, last ${times.at(-1)} ms`);
      }
    return {
      deployment,
      residents,
      samples,
      delivered: latencies.length,
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
      maxMs: round(latencies[latencies.length - 1] ?? NaN),
      oneNode: { delivered: local.length, p50Ms: round(percentile(local, 50)), p99Ms: round(percentile(local, 99)), maxMs: round(local[local.length - 1] ?? NaN) },
    };
  } finally {
    for (const s of sockets) s.close();
    for (const p of procs.reverse()) await p.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Both deployments, one after the other; the spacing is past the one-a-second coalescing (C7). */
export async function benchCrossNode(residents = 50, samples = 16, spacingMs = 1300): Promise<CrossNodeFigures> {
  return [await run("relay", residents, samples, spacingMs), await run("shared-file", residents, samples, spacingMs)];
}
