// Live queues: a point's line from headcounts, arrivals and swabs; pushed at most once a second
// per point with a rising seq, the current state first; a cacheable public snapshot.
import { expect } from "chai";
import { call, collect, LEAD_CODE, login, next, sleep, socket, startBoothSite, startServer, tubeEvents, type TestServer, type TestSocket } from "./support/server.ts";
import { BOOTH_SITE } from "./support/plan.ts";
import { get } from "node:http";
import { lineState, statusOfWait } from "../shared/queue-live/state.ts";

describe("the live line, as arithmetic", () => {
  it("bands waits as Shenzhen did: flowing under 25, busy 25–50, jammed over 50", () => {
    expect([0, 24, 25, 50, 51].map(statusOfWait)).to.deep.equal(["flowing", "flowing", "busy", "busy", "jammed"]);
  });

  it("uses the measured service rate when there are enough recent swabs, the plan's otherwise", () => {
    const base = { inWindow: true, desksOpen: 2, headcount: 40, arrivalsSince: 0, swabsSince: 0, reported: true, recentDesks: 2, recentMinutes: 10, swabSeconds: 20 };
    expect(lineState({ ...base, recentSwabs: 0 }).waitMinutes).to.equal(7); // 40 / (2 × 3 a minute)
    expect(lineState({ ...base, recentSwabs: 20 }).waitMinutes).to.equal(20); // 40 / (2 × 1 a minute)
  });

  it("says closed outside the windows and on break when no desk is staffed", () => {
    const base = { desksOpen: 0, arrivalsSince: 0, swabsSince: 0, reported: false, recentSwabs: 0, recentDesks: 0, recentMinutes: 10, swabSeconds: 20 };
    expect(lineState({ ...base, inWindow: false }).status).to.equal("closed");
    expect(lineState({ ...base, inWindow: true }).status).to.equal("break");
  });
});

describe("live queues over HTTP and Socket.IO", () => {
  let t: TestServer;
  let marshal: string;
  const sockets: TestSocket[] = [];
  const resident = async () => {
    const s = await socket(t.base);
    sockets.push(s);
    return s;
  };
  const report = (body: unknown, point = "north-gate", site = "yiyuan") =>
    call(t.base, "POST", `/api/v1/sites/${site}/points/${point}/queue`, { token: marshal, body });

  beforeEach(async () => {
    t = await startServer({ at: "2021-08-03T08:00:00+08:00" });
    marshal = await login(t.base, t.codes.staff["liu-yuan"]);
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.close();
    await t.close();
  });

  it("gives a subscriber each point's current state first, with a seq and no personal data", async () => {
    const s = await resident();
    const ack = await s.emitWithAck("queue:subscribe", { site: "yiyuan" });
    expect(ack).to.deep.equal({ ok: true, points: ["north-gate", "south-gate"] });
    const first = await next(s, "queue", (e) => e.point === "north-gate");
    expect(Object.keys(first).sort()).to.deep.equal(["desksOpen", "length", "name", "point", "seq", "site", "status", "updatedAt", "waitMinutes"]);
    expect(first).to.include({ site: "yiyuan", status: "flowing", desksOpen: 2 });
  });

  it("refuses a subscription to an unknown site or point in the ack", async () => {
    const s = await resident();
    expect(await s.emitWithAck("queue:subscribe", { site: "nowhere" })).to.deep.include({ ok: false });
    const bad = await s.emitWithAck("queue:subscribe", { site: "yiyuan", points: ["moon"] });
    expect(bad).to.deep.include({ ok: false });
    expect((bad as any).error.path).to.equal("$.points[0]");
    expect(await s.emitWithAck("queue:subscribe", { site: 5 } as never)).to.deep.include({ ok: false });
  });

  it("turns a marshal's headcount into a wait and a band", async () => {
    expect((await report({ headcount: 40 })).body).to.include({ length: 40, waitMinutes: 7, status: "flowing" });
    expect((await report({ headcount: 200 })).body).to.include({ status: "busy" });
    expect((await report({ headcount: 400 })).body).to.include({ status: "jammed" });
    expect((await report({ arrivals: 10 })).body).to.include({ length: 410 });
  });

  it("counts a marshal's report resent with the same id once", async () => {
    await report({ headcount: 40 });
    const first = await report({ id: "liu-yuan-0815-1", arrivals: 12 });
    expect(first.body).to.include({ length: 52, report: "applied" });
    const resent = await report({ id: "liu-yuan-0815-1", arrivals: 12 });
    expect(resent.body).to.include({ length: 52, report: "duplicate" });
    expect((await report({ id: "liu-yuan-0815-2", arrivals: 3 })).body).to.include({ length: 55 });
  });

  it("refuses a report that gives neither arrivals nor a headcount, naming the field", async () => {
    const reply = await report({ id: "liu-yuan-0815-3" });
    expect(reply.status).to.equal(400);
    expect(reply.body.error.path).to.equal("$.arrivals");
  });

  it("measures the service rate from recent swabs and takes swabs off the line", async () => {
    await report({ headcount: 40 });
    const desk = await login(t.base, t.codes.staff["zhou-ting"]);
    t.clock.set("2021-08-03T08:10:00+08:00");
    // ten swabs in ten minutes at one desk: one a minute, slower than the plan's three
    const events = tubeEvents("m", "T1", Array.from({ length: 10 }, (_, i) => `R${i}`), "2021-08-03T08:00:00+08:00", "north-gate", 1, false)
      .map((e, i) => (i === 0 ? e : { ...e, at: new Date(Date.parse("2021-08-03T08:00:30+08:00") + (i - 1) * 60000).toISOString() }));
    await call(t.base, "POST", "/api/v1/sites/yiyuan/desk-events", { token: desk, body: { events } });
    const r = await report({ arrivals: 0 });
    expect(r.body).to.include({ length: 30, waitMinutes: 15 }); // 30 people, 2 desks × 1 a minute
  });

  it("pushes a point at most once a second, coalescing, with a rising seq", async () => {
    const s = await resident();
    await s.emitWithAck("queue:subscribe", { site: "yiyuan", points: ["north-gate"] });
    await next(s, "queue");
    const pushes = collect(s, "queue");
    for (let i = 1; i <= 6; i++) await report({ headcount: i * 10 });
    await sleep(1500);
    expect(pushes.length).to.be.within(1, 2);
    expect(pushes.at(-1)!.length).to.equal(60);
    const seqs = pushes.map((p) => p.seq);
    expect(seqs).to.deep.equal([...seqs].sort((a, b) => a - b));
    const stamps = pushes.map((p) => p.seq);
    expect(new Set(stamps).size).to.equal(stamps.length);
  });

  it("serves a public snapshot with an ETag and a short max-age, answering 304 when unchanged", async () => {
    await report({ headcount: 12 });
    const r = await call(t.base, "GET", "/api/v1/queue?site=yiyuan");
    expect(r.status).to.equal(200);
    expect(r.headers.get("cache-control")).to.match(/max-age=\d+/);
    const etag = r.headers.get("etag")!;
    expect(etag).to.be.a("string");
    expect(r.body.points[0]).to.include({ site: "yiyuan", point: "north-gate", length: 12 });
    // node:http, not fetch: fetch adds "Cache-Control: no-cache" to conditional requests.
    expect(await conditionalGet(`${t.base}/api/v1/queue?site=yiyuan`, etag)).to.equal(304);
    await report({ headcount: 13 });
    expect(await conditionalGet(`${t.base}/api/v1/queue?site=yiyuan`, etag)).to.equal(200);
  });

  it("answers the snapshot for an unknown site with 404 and without a site with 400", async () => {
    expect((await call(t.base, "GET", "/api/v1/queue?site=nowhere")).status).to.equal(404);
    expect((await call(t.base, "GET", "/api/v1/queue")).status).to.equal(400);
  });

  it("says closed before the window opens", async () => {
    t.clock.set("2021-08-03T06:00:00+08:00");
    const r = await call(t.base, "GET", "/api/v1/queue?site=yiyuan");
    expect(r.body.points.map((p: any) => p.status)).to.deep.equal(["closed", "closed"]);
  });

  it("counts desks open from the published rotation and says break when none is staffed", async () => {
    const lead = await login(t.base, LEAD_CODE);
    await startBoothSite(t, lead);
    t.clock.set("2021-08-03T08:30:00+08:00");
    const morning = await call(t.base, "GET", `/api/v1/queue?site=${BOOTH_SITE}`);
    expect(morning.body.points.map((p: any) => p.desksOpen)).to.deep.equal([2, 2]);
    t.clock.set("2021-08-03T10:15:00+08:00"); // registrars rest 10:00–10:30
    const s = await resident();
    await s.emitWithAck("queue:subscribe", { site: BOOTH_SITE });
    const e = await next(s, "queue");
    expect(e).to.include({ status: "break", desksOpen: 0 });
  });

  it("sends residents no rotations, calls or alerts", async () => {
    const s = await resident();
    const seen: string[] = [];
    s.onAny((name) => seen.push(name));
    const lead = await login(t.base, LEAD_CODE);
    await startBoothSite(t, lead);
    await sleep(300);
    expect(seen.filter((n) => n !== "queue")).to.deep.equal([]);
  });
});

function conditionalGet(url: string, etag: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { "if-none-match": etag } }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    }).on("error", reject);
  });
}
