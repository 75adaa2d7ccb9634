// A resident swabbed into a new pooled tube after their first tube was sealed, the same day, is
// flagged to the desk and the lead (the swab is kept); a single re-test after a positive pool and
// the next day's round are not (docs/domain.md "Pooled sampling").
import { expect } from "chai";
import { call, LEAD_CODE, login, startServer, tubeEvents, type TestServer } from "./support/server.ts";

const S = "/api/v1/sites/yiyuan";

describe("a resident swabbed again", () => {
  let t: TestServer;
  let desk: string;
  let lead: string;
  beforeEach(async () => {
    t = await startServer({ at: "2021-08-03T09:00:00+08:00" });
    desk = await login(t.base, t.codes.staff["zhou-ting"]);
    lead = await login(t.base, LEAD_CODE);
    const first = await call(t.base, "POST", `${S}/desk-events`, { token: desk, body: { events: tubeEvents("a", "T1", ["R1", "R2", "R3"], "2021-08-03T08:30:00+08:00") } });
    expect(first.body.results.every((r: { status: string }) => r.status === "applied")).to.equal(true);
  });
  afterEach(() => t.close());

  const swabInto = (tube: string, resident: string, at: string) =>
    call(t.base, "POST", `${S}/desk-events`, {
      token: desk,
      body: { events: [{ id: `${tube}-open`, type: "tube.open", at, point: "south-gate", desk: 1, tube }, { id: `${tube}-${resident}`, type: "swab", at, point: "south-gate", desk: 1, tube, resident }] },
    });

  it("flags a second pooled tube the same day to the desk and to the lead, and keeps the swab", async () => {
    const r = await swabInto("T2", "R2", "2021-08-03T08:55:00+08:00");
    expect(r.body.results[1]).to.deep.include({ status: "applied" });
    expect(r.body.results[1].flag).to.include({ code: "RESIDENT_SWABBED_AGAIN" });
    expect(r.body.results[1].flag.tubes).to.deep.equal(["T1"]);
    const alerts = await call(t.base, "GET", `${S}/alerts`, { token: lead });
    const again = alerts.body.alerts.filter((a: { text?: string }) => a.text === "resident-swabbed-again");
    expect(again).to.have.length(1);
    expect(again[0]).to.include({ resident: "R2", tube: "T2" });
  });

  it("does not flag the first swab of other residents in the new tube", async () => {
    const r = await swabInto("T2", "R9", "2021-08-03T08:55:00+08:00");
    expect(r.body.results[1]).to.deep.equal({ id: "T2-R9", status: "applied" });
  });

  it("does not flag a re-test after a positive pool, nor the next day's round", async () => {
    const lab = await login(t.base, t.codes.lab);
    const courier = await login(t.base, t.codes.staff["ma-chao"]);
    expect((await call(t.base, "POST", `${S}/boxes`, { token: desk, body: { id: "B1", tubes: ["T1"] } })).status).to.equal(201);
    expect((await call(t.base, "POST", `${S}/boxes/B1/dispatch`, { token: courier })).status).to.equal(200);
    expect((await call(t.base, "POST", `${S}/boxes/B1/receive`, { token: lab })).status).to.equal(200);
    expect((await call(t.base, "POST", `${S}/results`, { token: lab, body: { tube: "T1", result: "positive" } })).status).to.equal(200);
    const retest = await swabInto("T3", "R1", "2021-08-03T08:58:00+08:00");
    expect(retest.body.results[1]).to.deep.equal({ id: "T3-R1", status: "applied" });

    t.clock.set("2021-08-04T09:00:00+08:00");
    desk = await login(t.base, t.codes.staff["zhou-ting"]); // yesterday's sign-in has expired
    const tomorrow = await swabInto("T4", "R3", "2021-08-04T08:55:00+08:00");
    expect(tomorrow.body.results[1]).to.deep.equal({ id: "T4-R3", status: "applied" });
  });
});
