// Reconnects (docs/api.md C11): residents' queue boards, staff phones and the lead's board come back
// by themselves after the server restarts, with the current state within seconds; a desk's offline
// outbox, filled while the server was down, flushes once it is back with nothing counted twice.
import { expect } from "chai";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import { codesFromBanner, freePort, startChild, type Child } from "./support/child.ts";
import type { ClientToServerEvents, QueueEvent, RotationEvent, ServerToClientEvents } from "../shared/live/events.ts";
import type { DeskEventInput as DeskEvent } from "../server/services/desk-events.ts";

const LEAD = "RECONNECTLEAD";
const SITE = "yiyuan";
/** Within this long after the server is back, every client must hold the current state. */
const WITHIN_MS = 10_000;
/** The pages' own reconnection settings (client/common/live.ts; socket.io-client's default first delay). */
const PAGE_RECONNECT = { reconnectionDelay: 1000, reconnectionDelayMax: 10_000 };

type Live = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The staff page's outbox (client/staff/outbox.ts) in Node: events are kept with their ids until
 * the server answers them; offline or a 5xx keeps them for the next try.
 */
class Outbox {
  pending: DeskEvent[] = [];
  readonly results: { id: string; status: string }[] = [];
  online = true;
  /** Drops the next answer after the server has applied the batch, as a dead cell link would. */
  loseNextAnswer = false;

  constructor(
    private readonly base: () => string,
    private readonly token: string,
  ) {}

  add(e: DeskEvent): void {
    this.pending.push(e);
  }

  async flush(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending.slice(0, 200);
      let results: { id: string; status: string }[];
      try {
        const res = await fetch(`${this.base()}/api/v1/sites/${SITE}/desk-events`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${this.token}` },
          body: JSON.stringify({ events: batch }),
          signal: AbortSignal.timeout(3000),
        });
        if (res.status >= 500) throw new Error(`server ${res.status}`);
        results = ((await res.json()) as { results: { id: string; status: string }[] }).results;
        if (this.loseNextAnswer) {
          this.loseNextAnswer = false;
          throw new Error("answer lost");
        }
        this.online = true;
      } catch {
        this.online = false;
        return;
      }
      this.results.push(...results);
      const done = new Set(results.map((r) => r.id));
      this.pending = this.pending.filter((e) => !done.has(e.id));
    }
  }
}

/** A resident's page: re-subscribes on every connect and never rolls a point back to an older seq. */
function residentBoard(base: string) {
  const points = new Map<string, QueueEvent>();
  const s: Live = connect(base, { transports: ["websocket"], forceNew: true, ...PAGE_RECONNECT });
  s.on("connect", () => s.emit("queue:subscribe", { site: SITE }));
  s.on("queue", (p) => {
    const known = points.get(p.point);
    if (known && p.seq < known.seq) return; // as client/common/queue-feed.ts does
    points.set(p.point, p);
  });
  return { socket: s, points };
}

async function until(what: string, ok: () => boolean, ms = WITHIN_MS): Promise<number> {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > ms) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return Date.now() - t0;
}

async function api(base: string, method: string, path: string, token?: string, body?: unknown): Promise<any> {
  const res = await fetch(base + path, {
    method,
    headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

describe("reconnecting after a server restart", function () {
  this.timeout(120_000);
  let dir: string;
  let child: Child | undefined;
  const sockets: Live[] = [];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "tenfold-reconnect-"));
  });
  after(async () => {
    for (const s of sockets) s.close();
    await child?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it("brings residents, staff and the lead back with the current state, and the outbox flushes once", async () => {
    const db = join(dir, "tenfold.db");
    const port = await freePort();
    const start = () => startChild({ db, leadCode: LEAD, seed: true, port });
    child = await start();
    const base = child.base;
    const codes = codesFromBanner(child.banner);
    const lead = (await api(base, "POST", "/api/v1/login", undefined, { code: LEAD })).token;
    const draft = await api(base, "POST", `/api/v1/sites/${SITE}/plans`, lead);
    await api(base, "POST", `/api/v1/sites/${SITE}/plans/${draft.id}/publish`, lead);
    const [deskStaff, marshalStaff, phoneStaff] = Object.keys(codes.staff);
    const desk = (await api(base, "POST", "/api/v1/login", undefined, { code: codes.staff[deskStaff] })).token;
    const marshal = (await api(base, "POST", "/api/v1/login", undefined, { code: codes.staff[marshalStaff] })).token;
    const phone = (await api(base, "POST", "/api/v1/login", undefined, { code: codes.staff[phoneStaff] })).token;

    const board = residentBoard(base);
    sockets.push(board.socket);
    const rotations: RotationEvent[] = [];
    const staffSocket: Live = connect(base, { transports: ["websocket"], forceNew: true, auth: { token: phone }, ...PAGE_RECONNECT });
    staffSocket.on("rotation", (r) => rotations.push(r));
    sockets.push(staffSocket);
    let leadConnects = 0;
    const leadSocket: Live = connect(base, { transports: ["websocket"], forceNew: true, auth: { token: lead }, ...PAGE_RECONNECT });
    leadSocket.on("connect", () => leadConnects++);
    sockets.push(leadSocket);
    await until("the first rotation", () => rotations.length > 0);
    const outbox = new Outbox(() => base, desk);
    const tube = (n: number) => `RC-T${n}`;
    let clock = Date.parse("2021-08-03T08:00:00+08:00");
    const record = (type: DeskEvent["type"], n: number, resident?: string) =>
      outbox.add({ id: `rc-${n}-${type}-${resident ?? ""}`, type, at: new Date((clock += 20_000)).toISOString(), point: "north-gate", desk: 1, tube: tube(n), ...(resident ? { resident } : {}) });

    // Two headcounts a second apart: the board's seq has moved on before the restart.
    await api(base, "POST", `/api/v1/sites/${SITE}/points/north-gate/queue`, marshal, { headcount: 40 });
    await until("the board shows 40", () => board.points.get("north-gate")?.length === 40);
    await new Promise((r) => setTimeout(r, 1100));
    await api(base, "POST", `/api/v1/sites/${SITE}/points/north-gate/queue`, marshal, { headcount: 45 });
    await until("the board shows 45", () => board.points.get("north-gate")?.length === 45);
    const seqBefore = board.points.get("north-gate")!.seq;

    const figures: Record<string, number> = {};
    for (const [cycle, signal] of (["SIGKILL", "SIGTERM"] as const).entries()) {
      const rotationsBefore = rotations.length;
      const leadBefore = leadConnects;
      const length = board.points.get("north-gate")!.length;
      if (signal === "SIGKILL") await child.kill();
      else await child.stop();
      // The desk keeps working while the server is down: a tube opened and five swabs.
      record("tube.open", cycle);
      for (let i = 0; i < 5; i++) record("swab", cycle, `RC-R${cycle}-${i}`);
      await outbox.flush();
      expect(outbox.online).to.equal(false);
      expect(outbox.pending).to.have.length(6);

      child = await start();
      const back = Date.now();
      figures[`${signal} staff rotation ms`] = await until("the staff phone's rotation", () => rotations.length > rotationsBefore);
      const current = await api(base, "GET", `/api/v1/sites/${SITE}/plans/current`, phone);
      const last = rotations.at(-1)!;
      expect(last).to.include({ site: SITE, staff: phoneStaff, reason: "connect", plan: current.id, revision: current.revision });
      expect(last.assignments).to.deep.equal(current.assignments);
      await until("the lead's socket", () => leadConnects > leadBefore);
      // The first answer after the restart is lost on the way back: the resend must say duplicate.
      outbox.loseNextAnswer = true;
      while (outbox.pending.length) {
        await outbox.flush();
        await new Promise((r) => setTimeout(r, 100));
      }
      figures[`${signal} resident board ms`] = await until("the board shows the flushed swabs", () => board.points.get("north-gate")?.length === length - 5);
      figures[`${signal} all back ms`] = Date.now() - back;
      expect(board.points.get("north-gate")!.seq, "seq keeps rising across a restart").to.be.greaterThan(seqBefore);
      const snapshot = await api(base, "GET", `/api/v1/queue?site=${SITE}`);
      expect(snapshot.points.find((p: QueueEvent) => p.point === "north-gate").length).to.equal(length - 5);
    }
    // Each event applied once: its first answer was lost, so the resend came back duplicate.
    const statuses = new Map<string, string[]>();
    for (const r of outbox.results) statuses.set(r.id, [...(statuses.get(r.id) ?? []), r.status]);
    expect(statuses.size).to.equal(12);
    for (const [id, s] of statuses) expect(s, id).to.deep.equal(["duplicate"]);
    for (const n of [0, 1]) {
      const t = await api(base, "GET", `/api/v1/sites/${SITE}/tubes/${tube(n)}`, lead);
      expect(t.swabs).to.have.length(5);
      expect(new Set(t.swabs.map((s: { id: string }) => s.id)).size).to.equal(5);
    }
    if (process.env.TENFOLD_FIGURES) console.log(`      reconnect figures: ${JSON.stringify(figures)}`);
  });
});
