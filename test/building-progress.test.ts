// Per-building progress (docs/api.md C14): swabs carry the resident's building (and unit); the
// public list counts them against the residents listed, with no names; the building heads and the
// lead see the least sampled first and, once a building's call-ups are over, who is missed (漏检).
// A swab naming an unknown building is kept and flagged to the lead.
import { expect } from "chai";
import { call, LEAD_CODE, login, publishExamplePlan, startServer, type TestServer } from "./support/server.ts";

const S = "/api/v1/sites/yiyuan";
const AT = "2021-08-03T07:30:00+08:00";

describe("per-building progress", () => {
  let t: TestServer;
  let desk: string;
  let lead: string;
  before(async () => {
    t = await startServer({ at: AT });
    desk = await login(t.base, t.codes.staff["zhou-ting"]);
    lead = await login(t.base, LEAD_CODE);
    await publishExamplePlan(t, lead);
  });
  after(() => t.close());

  const swab = (id: string, resident: string, extra: Record<string, unknown> = {}) => ({ id, type: "swab", at: AT, point: "north-gate", desk: 1, tube: "P1", resident, ...extra });

  it("counts swabs by the building they name, and keeps an unknown building's swab with a flag", async () => {
    const r = await call(t.base, "POST", `${S}/desk-events`, {
      token: desk,
      body: {
        events: [
          { id: "p-open", type: "tube.open", at: AT, point: "north-gate", desk: 1, tube: "P1" },
          swab("p-1", "R1", { building: "b01", unit: "2" }),
          swab("p-2", "R2", { building: "b01" }),
          swab("p-3", "R3", { building: "b02", unit: "1" }),
          swab("p-4", "R4", { building: "b99" }),
          swab("p-5", "R5"),
        ],
      },
    });
    expect(r.body.results.map((x: { status: string }) => x.status)).to.deep.equal(Array(6).fill("applied"));
    expect(r.body.results[4].flag).to.include({ code: "UNKNOWN_BUILDING" });
    const alerts = (await call(t.base, "GET", `${S}/alerts`, { token: lead })).body.alerts as { text: string; building: string }[];
    expect(alerts.filter((a) => a.text === "swab-unknown-building").map((a) => a.building)).to.deep.equal(["b99"]);

    const list = (await call(t.base, "GET", `${S}/buildings`)).body as { id: string; residents: number; sampled: number }[];
    const b01 = list.find((b) => b.id === "b01")!;
    expect(b01.sampled).to.equal(2);
    expect(b01.residents).to.equal(t.scenario.buildings.find((b) => b.id === "b01")!.residents);
    expect(list.find((b) => b.id === "b02")!.sampled).to.equal(1);
    expect(JSON.stringify(list)).not.to.contain("R1");
  });

  it("applies a resent swab once, and refuses its id with another building", async () => {
    const again = await call(t.base, "POST", `${S}/desk-events`, { token: desk, body: { events: [swab("p-1", "R1", { building: "b01", unit: "2" }), swab("p-2", "R2", { building: "b03" })] } });
    expect(again.body.results[0].status).to.equal("duplicate");
    expect(again.body.results[1]).to.deep.include({ status: "rejected" });
    expect(again.body.results[1].error.code).to.equal("EVENT_ID_REUSED");
    expect((await call(t.base, "GET", `${S}/buildings`)).body.find((b: { id: string }) => b.id === "b01").sampled).to.equal(2);
  });

  it("refuses a unit that is too long, naming the field", async () => {
    const r = await call(t.base, "POST", `${S}/desk-events`, { token: desk, body: { events: [swab("p-9", "R9", { building: "b01", unit: "x".repeat(40) })] } });
    expect(r.body.results[0].status).to.equal("rejected");
    expect(r.body.results[0].error.path).to.equal("$.events[0].unit");
  });

  it("shows staff and the lead the least sampled first, and the missed once the call-ups are over", async () => {
    expect((await call(t.base, "GET", `${S}/buildings/progress`)).status).to.equal(401);
    const early = (await call(t.base, "GET", `${S}/buildings/progress`, { token: desk })).body.buildings as { id: string; share: number; missed: number; callupsOver: boolean }[];
    for (let i = 1; i < early.length; i++) expect(early[i].share).to.be.at.least(early[i - 1].share);
    t.clock.set("2021-08-03T21:30:00+08:00");
    lead = await login(t.base, LEAD_CODE);
    const late = (await call(t.base, "GET", `${S}/buildings/progress`, { token: lead })).body.buildings as { id: string; residents: number; sampled: number; missed: number; callupsOver: boolean }[];
    const b01 = late.find((b) => b.id === "b01")!;
    expect(b01.missed).to.equal(b01.residents - 2);
    expect(late.filter((b) => b.callupsOver).length).to.be.greaterThan(0);
  });
});
