// Tubes on the way to the lab with their ages (docs/api.md C3, C6): the lead and the lab list them
// by state, aged by the server's clock against maxTubeAgeMinutes − labTravelMinutes; no resident ids.
import { expect } from "chai";
import { call, LEAD_CODE, login, startBoothSite, startServer, tubeEvents, type TestServer } from "./support/server.ts";

const S = "/api/v1/sites/yiyuan";

describe("the tube list", () => {
  let t: TestServer;
  let lead: string;
  let staff: string;

  beforeEach(async () => {
    t = await startServer({ at: "2021-08-03T09:00:00+08:00" });
    lead = await login(t.base, LEAD_CODE);
    staff = await login(t.base, t.codes.staff[t.scenario.staff[0].id]);
    const events = [
      ...tubeEvents("a", "T-A", ["R1", "R2", "R3"], "2021-08-03T07:00:00+08:00"),
      ...tubeEvents("b", "T-B", ["R4"], "2021-08-03T08:30:00+08:00", "south-gate", 1, false),
      ...tubeEvents("c", "T-C", [], "2021-08-03T08:59:00+08:00", "north-gate", 2, false),
      ...tubeEvents("d", "T-D", ["R5"], "2021-08-03T07:30:00+08:00"),
    ];
    expect((await call(t.base, "POST", `${S}/desk-events`, { token: staff, body: { events } })).body.results.every((r: any) => r.status === "applied")).to.equal(true);
    expect((await call(t.base, "POST", `${S}/boxes`, { token: staff, body: { id: "B1", tubes: ["T-D"] } })).status).to.equal(201);
  });
  afterEach(() => t.close());

  it("lists open and sealed tubes, oldest first, with point, desk, swabs, first swab and age by the server clock", async () => {
    const r = await call(t.base, "GET", `${S}/tubes?state=open,sealed`, { token: lead });
    expect(r.status).to.equal(200);
    expect(r.body).to.include({ now: "2021-08-03T01:00:00.000Z", maxTubeAgeMinutes: 240, labTravelMinutes: 35, sendWithinMinutes: 205, warnFromMinutes: 175 });
    expect(r.body.tubes.map((x: any) => [x.id, x.state, x.point, x.desk, x.swabs, x.ageMinutes])).to.deep.equal([
      ["T-A", "sealed", "north-gate", 1, 3, 119],
      ["T-B", "open", "south-gate", 1, 1, 29],
      ["T-C", "open", "north-gate", 2, 0, null],
    ]);
    expect(r.body.tubes[0]).to.include({ firstSwabAt: "2021-08-02T23:00:20.000Z", sendBy: "2021-08-03T02:25:20.000Z" });
    expect(JSON.stringify(r.body)).not.to.match(/R[1-5]\b/);
  });

  it("ages tubes as the server clock moves", async () => {
    t.clock.advance(60 * 60_000);
    const r = await call(t.base, "GET", `${S}/tubes?state=sealed`, { token: lead });
    expect(r.body.tubes.map((x: any) => [x.id, x.ageMinutes])).to.deep.equal([["T-A", 179]]);
  });

  it("lists every state before the lab when no state is named, boxed ones with their box", async () => {
    const r = await call(t.base, "GET", `${S}/tubes`, { token: await login(t.base, t.codes.lab) });
    expect(r.status).to.equal(200);
    expect(r.body.tubes.map((x: any) => x.id)).to.deep.equal(["T-A", "T-D", "T-B", "T-C"]);
    expect(r.body.tubes.find((x: any) => x.id === "T-D")).to.include({ state: "boxed", box: "B1" });
    const boxed = await call(t.base, "GET", `${S}/tubes?state=boxed`, { token: lead });
    expect(boxed.body.tubes.map((x: any) => x.id)).to.deep.equal(["T-D"]);
  });

  it("refuses an unknown state with 400 naming the field", async () => {
    for (const q of ["state=received", "state=open,", "state=", "state=open&x=1"]) {
      const r = await call(t.base, "GET", `${S}/tubes?${q}`, { token: lead });
      expect(r.status, q).to.equal(400);
      expect(r.body.error.path, q).to.match(/state|x/);
    }
  });

  it("lets only the lead and the lab of the site list tubes", async () => {
    expect((await call(t.base, "GET", `${S}/tubes`, { token: staff })).status).to.equal(403);
    expect((await call(t.base, "GET", `${S}/tubes`)).status).to.equal(401);
    const other = await startBoothSite(t, lead);
    expect((await call(t.base, "GET", `${S}/tubes`, { token: await login(t.base, other.codes.lab) })).status).to.equal(403);
  });
});
