// The alert log (docs/api.md C5–C7): every alert pushed to the lead is kept, numbered per site, and
// listed to a lead who connects late; only the lead may read it, since alerts may name residents.
import { expect } from "chai";
import { alertMessage } from "../shared/live/alert-texts.ts";
import { call, LEAD_CODE, login, next, socket, startServer, tubeEvents, type TestServer, type TestSocket } from "./support/server.ts";

const S = "/api/v1/sites/yiyuan";

describe("the alert log", () => {
  let t: TestServer;
  let lead: string;
  let staff: string;
  const sockets: TestSocket[] = [];

  /** Swabs one resident into two open tubes at once: the lead is alerted (resident-two-tubes). */
  const twoTubes = async (prefix: string, resident: string) => {
    const events = [
      ...tubeEvents(`${prefix}a`, `${prefix}-A`, [resident], "2021-08-03T08:00:00+08:00", "north-gate", 1, false),
      ...tubeEvents(`${prefix}b`, `${prefix}-B`, [resident], "2021-08-03T08:01:00+08:00", "north-gate", 2, false),
    ];
    const r = await call(t.base, "POST", `${S}/desk-events`, { token: staff, body: { events } });
    expect(r.status).to.equal(200);
  };

  beforeEach(async () => {
    t = await startServer({ at: "2021-08-03T08:05:00+08:00" });
    lead = await login(t.base, LEAD_CODE);
    staff = await login(t.base, t.codes.staff[t.scenario.staff[0].id]);
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.close();
    await t.close();
  });

  it("lists to a lead who connects late the alerts sent before, oldest first, numbered from 1", async () => {
    await twoTubes("x", "R-100");
    t.clock.advance(60_000);
    await twoTubes("y", "R-200");
    const r = await call(t.base, "GET", `${S}/alerts`, { token: lead });
    expect(r.status).to.equal(200);
    expect(r.body.alerts.map((a: any) => [a.seq, a.kind, a.resident])).to.deep.equal([
      [1, "resident-two-tubes", "R-100"],
      [2, "resident-two-tubes", "R-200"],
    ]);
    expect(r.body.alerts[1]).to.include({ site: "yiyuan", at: "2021-08-03T00:06:00.000Z" });
    expect(r.body.alerts[1].tubes).to.deep.equal(["y-A", "y-B"]);
    expect(r.body).to.include({ last: 2, more: false });
  });

  it("lists only the alerts after ?since, so a reconnecting page fetches what it missed", async () => {
    await twoTubes("x", "R-100");
    await twoTubes("y", "R-200");
    const r = await call(t.base, "GET", `${S}/alerts?since=1`, { token: lead });
    expect(r.body.alerts.map((a: any) => a.seq)).to.deep.equal([2]);
    expect((await call(t.base, "GET", `${S}/alerts?since=2`, { token: lead })).body).to.deep.equal({ alerts: [], last: 2, more: false });
  });

  it("pushes each alert with the seq it is stored under", async () => {
    const s = await socket(t.base, lead);
    sockets.push(s);
    await twoTubes("x", "R-100");
    const pushed = await next(s, "alert");
    const stored = (await call(t.base, "GET", `${S}/alerts`, { token: lead })).body.alerts[0];
    expect(pushed).to.deep.equal(stored);
  });

  it("lets only the lead read alerts: staff and lab are refused, and staff sockets hear none", async () => {
    const s = await socket(t.base, staff);
    sockets.push(s);
    let heard = false;
    s.on("alert", () => (heard = true));
    await twoTubes("x", "R-100");
    expect((await call(t.base, "GET", `${S}/alerts`, { token: staff })).status).to.equal(403);
    expect((await call(t.base, "GET", `${S}/alerts`, { token: await login(t.base, t.codes.lab) })).status).to.equal(403);
    expect((await call(t.base, "GET", `${S}/alerts`)).status).to.equal(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).to.equal(false);
  });

  it("refuses a bad ?since with 400 naming it", async () => {
    for (const q of ["since=-1", "since=abc", "since[]=1", "since=1&x=2"]) {
      const r = await call(t.base, "GET", `${S}/alerts?${q}`, { token: lead });
      expect(r.status, q).to.equal(400);
      expect(r.body.error.path, q).to.match(/since|x/);
    }
  });

  it("stores an alert that several nodes find by themselves (the same key) once", async () => {
    const hub = t.tenfold.context.live;
    const params = { tube: "T9", ageMinutes: 200, maxTubeAgeMinutes: 240, labTravelMinutes: 35 };
    hub.alert("yiyuan", "tube-age", "tube-ageing", params, { tube: "T9" }, { local: true, key: "tube-age:T9" });
    hub.alert("yiyuan", "tube-age", "tube-ageing", params, { tube: "T9" }, { local: true, key: "tube-age:T9" });
    const r = await call(t.base, "GET", `${S}/alerts`, { token: lead });
    expect(r.body.alerts.map((a: any) => a.tube)).to.deep.equal(["T9"]);
  });

  it("gives an alert its text and params, so the lead reads it in Chinese or English", async () => {
    const hub = t.tenfold.context.live;
    hub.alert("yiyuan", "positive", "positive", { tube: "P-1", residents: 10 }, { tube: "P-1" });
    const r = await call(t.base, "GET", `${S}/alerts`, { token: lead });
    const alert = r.body.alerts.find((a: any) => a.tube === "P-1");
    expect(alert).to.include({ kind: "positive", text: "positive", message: "tube P-1 is positive: 10 residents to isolate and re-swab at home, one tube each" });
    expect(alertMessage(alert.text, alert.params, "en")).to.equal(alert.message);
    expect(alertMessage(alert.text, alert.params, "zh")).to.equal("样本管 P-1 阳性：10 名居民需就地隔离并上门单采复核");
  });

  it("keeps the tube-age alert the ticker raises as time passes", async () => {
    await call(t.base, "POST", `${S}/desk-events`, { token: staff, body: { events: tubeEvents("old", "OLD-1", ["R-1"], "2021-08-03T08:00:00+08:00") } });
    t.clock.set("2021-08-03T12:00:00+08:00");
    let found: any[] = [];
    for (let i = 0; i < 30 && !found.length; i++) {
      await new Promise((r) => setTimeout(r, 100));
      found = (await call(t.base, "GET", `${S}/alerts`, { token: lead })).body.alerts.filter((a: any) => a.kind === "tube-age");
    }
    expect(found.map((a) => a.tube)).to.deep.equal(["OLD-1"]);
  });
});
