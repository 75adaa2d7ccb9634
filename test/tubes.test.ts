// Tubes to the lab: boxes, dispatch, receipt, results, re-test lists and each tube's custody.
import { expect } from "chai";
import { call, LEAD_CODE, login, next, socket, startServer, tubeEvents, type TestServer } from "./support/server.ts";

const residents = (tube: number) => Array.from({ length: 10 }, (_, i) => `ID-${tube}-${i}`);

describe("tubes, boxes and results", () => {
  let t: TestServer;
  let lead: string;
  let courier: string;
  let desk: string;
  let lab: string;
  const api = (method: string, path: string, token: string, body?: unknown) => call(t.base, method, `/api/v1/sites/yiyuan${path}`, { token, body });

  beforeEach(async () => {
    t = await startServer({ at: "2021-08-03T08:00:00+08:00" });
    lead = await login(t.base, LEAD_CODE);
    desk = await login(t.base, t.codes.staff["zhou-ting"]);
    courier = await login(t.base, t.codes.staff["ma-chao"]);
    lab = await login(t.base, t.codes.lab);
    for (const n of [1, 2, 3]) await api("POST", "/desk-events", desk, { events: tubeEvents(`t${n}`, `T${n}`, residents(n), "2021-08-03T08:00:00+08:00") });
    // Ten minutes on: a desk's events are not accepted ahead of the server's clock.
    t.clock.set("2021-08-03T08:10:00+08:00");
    await api("POST", "/desk-events", desk, { events: tubeEvents("t4", "T4", residents(4).slice(0, 3), "2021-08-03T08:10:00+08:00", "north-gate", 2, false) });
  });
  afterEach(() => t.close());

  async function toLab(box = "B1", tubes = ["T1", "T2"]) {
    expect((await api("POST", "/boxes", desk, { id: box, tubes })).status).to.equal(201);
    t.clock.advance(20 * 60000);
    expect((await api("POST", `/boxes/${box}/dispatch`, courier)).status).to.equal(200);
    t.clock.advance(35 * 60000);
    const received = await api("POST", `/boxes/${box}/receive`, lab);
    expect(received.status).to.equal(200);
    return received.body;
  }

  it("packs sealed tubes, refusing an open tube and a tube already boxed", async () => {
    expect((await api("POST", "/boxes", desk, { id: "B1", tubes: ["T1", "T4"] })).body.error).to.include({ code: "TUBE_NOT_SEALED", path: "$.tubes[1]" });
    expect((await api("POST", "/boxes", desk, { id: "B1", tubes: ["T1"] })).status).to.equal(201);
    expect((await api("POST", "/boxes", desk, { id: "B2", tubes: ["T1"] })).body.error.code).to.equal("TUBE_BOXED");
    expect((await api("POST", "/boxes", desk, { id: "B1", tubes: ["T2"] })).body.error.code).to.equal("BOX_EXISTS");
  });

  it("will not let the lab receive a box the courier has not dispatched", async () => {
    await api("POST", "/boxes", desk, { id: "B1", tubes: ["T1"] });
    const r = await api("POST", "/boxes/B1/receive", lab);
    expect(r.status).to.equal(409);
    expect(r.body.error.code).to.equal("BOX_NOT_DISPATCHED");
  });

  it("records the chain of custody of a tube from desk to result", async () => {
    await toLab();
    await api("POST", "/results", lab, { tube: "T1", result: "negative" });
    const r = await api("GET", "/tubes/T1", lead);
    expect(r.status).to.equal(200);
    expect(r.body).to.include({ id: "T1", state: "resulted", result: "negative", box: "B1" });
    expect(r.body.swabs).to.have.length(10);
    expect(r.body.swabs[0].resident).to.equal("ID-1-0");
    expect(r.body.custody.map((c: any) => c.state)).to.deep.equal(["open", "sealed", "boxed", "dispatched", "received", "resulted:negative"]);
    expect(r.body.custody.map((c: any) => c.holder)).to.deep.equal(["zhou-ting", "zhou-ting", "zhou-ting", "ma-chao", "lab", "lab"]);
  });

  it("turns a positive pool into a re-test list of its ten residents, one tube each, door to door, and alerts the lead", async () => {
    const leadSocket = await socket(t.base, lead);
    await toLab();
    const alert = next(leadSocket, "alert", (a) => a.kind === "positive");
    const r = await api("POST", "/results", lab, { tube: "T2", result: "positive" });
    expect(r.status).to.equal(200);
    expect(r.body.retests).to.have.length(10);
    expect((await alert).tube).to.equal("T2");
    const list = await api("GET", "/retests", lead);
    expect(list.body.retests.map((x: any) => x.resident)).to.deep.equal(residents(2));
    expect(list.body.retests[0]).to.include({ method: "single-tube", where: "door-to-door", grid: "north-gate" });
    expect(list.body.retests[0].team).to.match(/three-person group/);
    leadSocket.close();
  });

  it("refuses a result for a tube not at the lab, and a second result for one tube", async () => {
    expect((await api("POST", "/results", lab, { tube: "T3", result: "negative" })).body.error.code).to.equal("TUBE_NOT_AT_LAB");
    await toLab();
    await api("POST", "/results", lab, { tube: "T1", result: "negative" });
    const again = await api("POST", "/results", lab, { tube: "T1", result: "positive" });
    expect(again.status).to.equal(409);
    expect(again.body.error.code).to.equal("RESULT_EXISTS");
  });

  it("names tubes that reached the lab over the age limit", async () => {
    await api("POST", "/boxes", desk, { id: "B9", tubes: ["T3"] });
    await api("POST", "/boxes/B9/dispatch", courier);
    t.clock.advance(5 * 3600_000);
    const r = await api("POST", "/boxes/B9/receive", lab);
    expect(r.body.overAge[0].tube).to.equal("T3");
  });

  it("warns the lead of a tube near its age limit before it leaves", async () => {
    const leadSocket = await socket(t.base, lead);
    t.clock.set("2021-08-03T11:00:00+08:00");
    const a = await next(leadSocket, "alert", (x) => x.kind === "tube-age");
    expect(a.tube).to.be.oneOf(["T1", "T2", "T3", "T4"]);
    leadSocket.close();
  });

  it("shows residents' ids only to the lead and the lab", async () => {
    expect((await api("GET", "/tubes/T1", lab)).status).to.equal(200);
    expect((await api("GET", "/tubes/T1", desk)).status).to.equal(403);
    expect((await api("GET", "/retests", desk)).status).to.equal(403);
    const board = await call(t.base, "GET", "/api/v1/queue?site=yiyuan");
    expect(JSON.stringify(board.body)).not.to.match(/ID-1-/);
  });
});
