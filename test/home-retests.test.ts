// A positive pool's residents are listed by building and unit as "keep at home, re-sample singly",
// for the grid team that covers their building (docs/domain.md "Home sampling").
import { expect } from "chai";
import { readFileSync } from "node:fs";
import { call, LEAD_CODE, login, startServer, type TestServer } from "./support/server.ts";

const AT = "2021-08-03T07:30:00+08:00";

describe("a positive pool's re-tests at home", () => {
  let t: TestServer;
  before(async () => (t = await startServer({ at: AT })));
  after(() => t.close());

  it("lists each resident with their building, unit and the team that covers it", async () => {
    const lead = await login(t.base, LEAD_CODE);
    const scenario = JSON.parse(readFileSync(new URL("../examples/yiyuan-home.json", import.meta.url), "utf8"));
    const made = await call(t.base, "POST", "/api/v1/sites", { token: lead, body: scenario });
    expect(made.status).to.equal(201);
    const S = `/api/v1/sites/${scenario.site.id}`;
    const desk = await login(t.base, made.body.codes.staff["zhou-ting"]);
    const courier = await login(t.base, made.body.codes.staff["ma-chao"]);
    const lab = await login(t.base, made.body.codes.lab);
    const where = [["b01", "1"], ["b01", "2"], ["b09", "3"], ["b13", "1"]];
    const events = [
      { id: "h-open", type: "tube.open", at: AT, point: "north-gate", desk: 1, tube: "H1" },
      ...where.map(([building, unit], i) => ({ id: `h-${i}`, type: "swab", at: AT, point: "north-gate", desk: 1, tube: "H1", resident: `R${i}`, building, unit })),
      { id: "h-seal", type: "tube.seal", at: AT, point: "north-gate", desk: 1, tube: "H1" },
    ];
    const r = await call(t.base, "POST", `${S}/desk-events`, { token: desk, body: { events } });
    expect(r.body.results.every((x: { status: string }) => x.status === "applied")).to.equal(true);
    expect((await call(t.base, "POST", `${S}/boxes`, { token: desk, body: { id: "HB", tubes: ["H1"] } })).status).to.equal(201);
    expect((await call(t.base, "POST", `${S}/boxes/HB/dispatch`, { token: courier })).status).to.equal(200);
    expect((await call(t.base, "POST", `${S}/boxes/HB/receive`, { token: lab })).status).to.equal(200);
    const positive = await call(t.base, "POST", `${S}/results`, { token: lab, body: { tube: "H1", result: "positive" } });
    expect(positive.status).to.equal(200);
    const list = (await call(t.base, "GET", `${S}/retests`, { token: lead })).body.retests as { resident: string; building: string; unit: string; team: string; method: string }[];
    expect(list.map((x) => [x.resident, x.building, x.unit, x.team])).to.deep.equal([
      ["R0", "b01", "1", "grid-north"],
      ["R1", "b01", "2", "grid-north"],
      ["R2", "b09", "3", "grid-middle"],
      ["R3", "b13", "1", "grid-south"],
    ]);
    for (const x of list) expect(x.method).to.equal("single-tube");
  });
});
