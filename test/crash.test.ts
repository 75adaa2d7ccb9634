// Crash safety (docs/api.md C11, docs/domain.md "Lessons from failures"): a real server taking desk
// batches from four desks is killed with SIGKILL at seeded random moments; after every restart each
// acknowledged event is stored exactly once, no tube holds more than its pool size, the chain of
// custody has no doubled step, the queue is rebuilt from the file, and every batch the desks never
// saw answered is sent again and lands once.
import { expect } from "chai";
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { io as connect } from "socket.io-client";
import { codesFromBanner, startChild, type Child } from "./support/child.ts";
import type { QueueEvent } from "../shared/live/events.ts";
import { seededUniform } from "../shared/random.ts";
import type { DeskEventInput as DeskEvent } from "../server/services/desk-events.ts";

const LEAD = "CRASHTESTLEAD";
const SITE = "yiyuan";
const POOL = 10;
const HEADCOUNT = 100_000;
const KILLS = 21;
const SEED = 20210803;

/** One desk's stream of events, tube after tube, and what the server has confirmed of it. */
class DeskStream {
  private tubeNo = 0;
  private inTube = 0;
  private t = Date.parse("2021-08-03T08:00:00+08:00");
  /** The batch sent but never answered: it goes again, first, after the restart. */
  pending?: DeskEvent[];
  readonly confirmed: DeskEvent[] = [];

  constructor(
    readonly point: string,
    readonly desk: number,
    readonly token: string,
  ) {}

  /** The next `n` events: open, ten swabs, seal, over and over. */
  take(n: number): DeskEvent[] {
    const out: DeskEvent[] = [];
    const tube = () => `${this.point}-${this.desk}-T${this.tubeNo}`;
    const base = () => ({ at: new Date((this.t += 20_000)).toISOString(), point: this.point, desk: this.desk, tube: tube() });
    while (out.length < n) {
      if (this.inTube === 0) {
        this.tubeNo++;
        out.push({ id: `${tube()}-open`, type: "tube.open", ...base() });
        this.inTube = 1;
      } else if (this.inTube <= POOL) {
        out.push({ id: `${tube()}-s${this.inTube}`, type: "swab", ...base(), resident: `${tube()}-R${this.inTube}` });
        this.inTube++;
      } else {
        out.push({ id: `${tube()}-seal`, type: "tube.seal", ...base() });
        this.inTube = 0;
      }
    }
    return out;
  }
}

async function post(base: string, token: string, events: DeskEvent[]): Promise<{ id: string; status: string; error?: unknown }[]> {
  const res = await fetch(`${base}/api/v1/sites/${SITE}/desk-events`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ events }),
    signal: AbortSignal.timeout(10_000),
  });
  if (res.status !== 200) throw new Error(`desk-events answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { results: { id: string; status: string }[] }).results;
}

describe("crash safety under SIGKILL", function () {
  this.timeout(240_000);
  let dir: string;
  let child: Child | undefined;
  const figures = { kills: 0, batchesAcked: 0, eventsChecked: 0, resent: 0, landedBeforeCrash: 0, checks: 0 };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "tenfold-crash-"));
  });
  after(async () => {
    await child?.kill();
    rmSync(dir, { recursive: true, force: true });
    if (process.env.TENFOLD_FIGURES) console.log(`      crash figures: ${JSON.stringify(figures)}`);
  });

  it(`keeps every acknowledged desk event exactly once through ${KILLS} kills`, async () => {
    const db = join(dir, "tenfold.db");
    const lines: string[] = [];
    const start = () => startChild({ db, leadCode: LEAD, seed: true, onLine: (l) => lines.push(l) });
    child = await start();
    const codes = codesFromBanner(child.banner);
    expect(Object.keys(codes.staff).length).to.be.greaterThan(4);
    const login = async (code: string) => {
      const r = await fetch(`${child!.base}/api/v1/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }) });
      return ((await r.json()) as { token: string }).token;
    };
    const staffIds = Object.keys(codes.staff);
    const streams = [
      new DeskStream("north-gate", 1, await login(codes.staff[staffIds[0]])),
      new DeskStream("north-gate", 2, await login(codes.staff[staffIds[1]])),
      new DeskStream("south-gate", 1, await login(codes.staff[staffIds[2]])),
      new DeskStream("south-gate", 2, await login(codes.staff[staffIds[3]])),
    ];
    const marshal = await login(codes.staff[staffIds[4]]);
    // The marshal's headcount, once, before any swab: each swab after it shortens the line by one.
    for (const point of ["north-gate", "south-gate"]) {
      const r = await fetch(`${child.base}/api/v1/sites/${SITE}/points/${point}/queue`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${marshal}` },
        body: JSON.stringify({ headcount: HEADCOUNT }),
      });
      expect(r.status).to.equal(200);
    }
    const random = seededUniform(SEED);

    for (let round = 0; round <= KILLS; round++) {
      // 1. What the desks never saw answered goes again, first; it lands once.
      for (const s of streams) {
        if (!s.pending) continue;
        const results = await post(child.base, s.token, s.pending);
        figures.resent++;
        for (const r of results) expect(r.status, JSON.stringify(r)).to.be.oneOf(["applied", "duplicate"]);
        figures.landedBeforeCrash += results.filter((r) => r.status === "duplicate").length;
        s.confirmed.push(...s.pending);
        s.pending = undefined;
      }
      // 2. The file holds exactly what was confirmed; the queue is rebuilt from it.
      await verify(db, child.base, streams);
      figures.checks++;
      if (round === KILLS) break;

      // 3. Four desks send batches until the server dies at a random moment.
      const killAt = 100 + Math.floor(random() * 900);
      let alive = true;
      // Mostly small batches, now and then an offline desk's backlog of hundreds (a longer
      // transaction for the kill to land in).
      const sizes = streams.map(() => () => (random() < 0.05 ? 200 + Math.floor(random() * 800) : 1 + Math.floor(random() * 30)));
      const run = async (s: DeskStream, size: () => number) => {
        while (alive) {
          const batch = s.take(size());
          try {
            const results = await post(child!.base, s.token, batch);
            // Acknowledged: each event is new, so each must be applied.
            for (const r of results) expect(r.status, JSON.stringify(r)).to.equal("applied");
            s.confirmed.push(...batch);
            figures.batchesAcked++;
          } catch (err) {
            if (alive && !(err instanceof TypeError) && !/abort|fetch failed/i.test(String(err))) throw err;
            s.pending = batch;
            return;
          }
        }
      };
      const running = streams.map((s, i) => run(s, sizes[i]));
      await new Promise((r) => setTimeout(r, killAt));
      // A server that died by itself under load would pass unnoticed as one more kill.
      expect(child.process.exitCode, "the server exited on its own").to.equal(null);
      expect(child.process.signalCode, "the server exited on its own").to.equal(null);
      await child.kill();
      alive = false;
      figures.kills++;
      await Promise.all(running);
      child = await start();
    }
    figures.eventsChecked = streams.reduce((n, s) => n + s.confirmed.length, 0);
    expect(figures.kills).to.be.at.least(20);
    expect(figures.eventsChecked).to.be.greaterThan(1000);
    expect(lines.filter((l) => /"level":(50|60)/.test(l)), "error lines in the server log").to.deep.equal([]);
    await child.stop();
    child = undefined;
  });

  /** Compares the file with the desks' own record, and the live queue with the file. */
  async function verify(path: string, base: string, streams: DeskStream[]): Promise<void> {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).to.equal("ok");
      const confirmed = streams.flatMap((s) => s.confirmed);
      const stored = db.prepare("SELECT id FROM desk_events WHERE site = ?").pluck().all(SITE) as string[];
      expect(stored.length, "desk events stored").to.equal(confirmed.length);
      expect(new Set(stored)).to.deep.equal(new Set(confirmed.map((e) => e.id)));
      const swabs = confirmed.filter((e) => e.type === "swab");
      expect(db.prepare("SELECT count(*) FROM swabs WHERE site = ?").pluck().get(SITE)).to.equal(swabs.length);
      // No tube over the pool size, and its counter agrees with its swabs.
      const tubes = db
        .prepare("SELECT t.id, t.state, t.swabs, (SELECT count(*) FROM swabs s WHERE s.site = t.site AND s.tube = t.id) AS n FROM tubes t WHERE t.site = ?")
        .all(SITE) as { id: string; state: string; swabs: number; n: number }[];
      for (const t of tubes) {
        expect(t.n, t.id).to.be.at.most(POOL);
        expect(t.swabs, t.id).to.equal(t.n);
      }
      const sealed = new Set(confirmed.filter((e) => e.type === "tube.seal").map((e) => e.tube));
      expect(tubes.filter((t) => t.state === "sealed").length).to.equal(sealed.size);
      // Each step of custody written once: a doubled event would double it.
      const doubled = db.prepare("SELECT tube, state, count(*) AS n FROM custody WHERE site = ? GROUP BY tube, state HAVING n > 1").all(SITE);
      expect(doubled).to.deep.equal([]);
      // The line: the headcount less every swab since, at each point, over HTTP and over a socket.
      const expected = new Map(["north-gate", "south-gate"].map((p) => [p, Math.max(0, HEADCOUNT - swabs.filter((e) => e.point === p).length)]));
      const snapshot = (await (await fetch(`${base}/api/v1/queue?site=${SITE}`)).json()) as { points: { point: string; length: number }[] };
      for (const p of snapshot.points) expect(p.length, p.point).to.equal(expected.get(p.point));
      const pushed = await firstPushes(base);
      for (const [point, length] of expected) expect(pushed.get(point)?.length, point).to.equal(length);
    } finally {
      db.close();
    }
  }
});

/** A resident's subscription: the first push of each point. */
async function firstPushes(base: string): Promise<Map<string, QueueEvent>> {
  const s = connect(base, { transports: ["websocket"], reconnection: false, forceNew: true });
  try {
    const got = new Map<string, QueueEvent>();
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no queue push within 5 s")), 5000);
      s.on("queue", (e: QueueEvent) => {
        got.set(e.point, e);
        if (got.size === 2) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    await new Promise<void>((resolve, reject) => {
      s.once("connect", () => resolve());
      s.once("connect_error", reject);
    });
    s.emit("queue:subscribe", { site: SITE });
    await done;
    return got;
  } finally {
    s.close();
  }
}
