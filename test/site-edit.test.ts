// Editing a site in place (docs/api.md C9, C10): the lead sends the whole scenario again under the
// same id; it is validated like a new one, new staff get codes, staff taken off lose theirs, and
// plans already made stay as they were.
import { expect } from "chai";
import { call, LEAD_CODE, login, socket, startBoothSite, startServer, type TestServer } from "./support/server.ts";
import { BOOTH_SITE } from "./support/plan.ts";

const S = "/api/v1/sites/yiyuan";

describe("editing a site in place", () => {
  let t: TestServer;
  let lead: string;
  const scenarioNow = async () => (await call(t.base, "GET", `${S}/scenario.json`, { token: lead })).body;
  const codeRows = () => t.store.db.prepare("SELECT code_hash, staff FROM access_codes ORDER BY code_hash").all();

  beforeEach(async () => {
    t = await startServer();
    lead = await login(t.base, LEAD_CODE);
  });
  afterEach(() => t.close());

  it("replaces points, desks and windows of the same site, which the directory then shows", async () => {
    const edited = structuredClone(t.scenario);
    edited.points[0].desks = 7;
    edited.points[0].name = "北门（扩）";
    edited.windows[0].end = edited.windows[0].end.replace(/T\d\d:\d\d/, (m) => m); // unchanged, still valid
    const r = await call(t.base, "PUT", `${S}/scenario`, { token: lead, body: edited });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    expect(r.body).to.deep.include({ codes: { staff: {} }, added: [], removed: [], planInForce: false });
    expect(r.body.site).to.include({ id: "yiyuan", revision: 1 });
    expect(await scenarioNow()).to.deep.equal(edited);
    const dir = (await call(t.base, "GET", "/api/v1/directory")).body.sites.find((s: any) => s.id === "yiyuan");
    expect(dir.points[0]).to.include({ desks: 7, name: "北门（扩）" });
  });

  it("gives staff added a code, and takes the code, token and live room from staff taken off", async () => {
    const gone = t.scenario.staff[0];
    const goneToken = await login(t.base, t.codes.staff[gone.id]);
    const goneSocket = await socket(t.base, goneToken);
    const disconnected = new Promise<void>((resolve) => goneSocket.once("disconnect", () => resolve()));
    const edited = structuredClone(t.scenario);
    edited.staff = [...edited.staff.slice(1), { ...edited.staff[1], id: "new-person", name: "新人" }];
    const r = await call(t.base, "PUT", `${S}/scenario`, { token: lead, body: edited });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    expect(r.body.added).to.deep.equal(["new-person"]);
    expect(r.body.removed).to.deep.equal([gone.id]);
    expect(Object.keys(r.body.codes.staff)).to.deep.equal(["new-person"]);
    const signedIn = await call(t.base, "POST", "/api/v1/login", { body: { code: r.body.codes.staff["new-person"] } });
    expect(signedIn.body).to.include({ role: "staff", site: "yiyuan", staff: "new-person", name: "新人" });
    expect((await call(t.base, "POST", "/api/v1/login", { body: { code: t.codes.staff[gone.id] } })).status).to.equal(401);
    // Their token is ended for good (a credential version raised), not merely off the roster: 401.
    const refused = await call(t.base, "POST", `${S}/points/north-gate/queue`, { token: goneToken, body: { headcount: 3 } });
    expect(refused.status).to.equal(401);
    expect(refused.body.error.code).to.equal("BAD_TOKEN");
    await disconnected;
    // Everyone else keeps the code they have.
    expect((await call(t.base, "POST", "/api/v1/login", { body: { code: t.codes.staff[edited.staff[0].id] } })).status).to.equal(200);
  });

  it("refuses an invalid scenario with 400 naming every problem, changing nothing", async () => {
    const before = [await scenarioNow(), codeRows()];
    const edited = structuredClone(t.scenario) as any;
    edited.points[0].desks = -1;
    edited.service.swabSeconds = "slow";
    const r = await call(t.base, "PUT", `${S}/scenario`, { token: lead, body: edited });
    expect(r.status).to.equal(400);
    const paths = r.body.error.problems.map((p: any) => p.path);
    expect(paths).to.include.members(["$.points[0].desks", "$.service.swabSeconds"]);
    expect([await scenarioNow(), codeRows()]).to.deep.equal(before);
  });

  it("refuses another site id with 400 naming $.site.id, changing nothing", async () => {
    const before = [await scenarioNow(), codeRows()];
    const edited = structuredClone(t.scenario);
    edited.site.id = "elsewhere";
    edited.staff.push({ ...edited.staff[0], id: "extra" });
    const r = await call(t.base, "PUT", `${S}/scenario`, { token: lead, body: edited });
    expect(r.status).to.equal(400);
    expect(r.body.error.path).to.equal("$.site.id");
    expect([await scenarioNow(), codeRows()]).to.deep.equal(before);
    expect((await call(t.base, "GET", "/api/v1/sites/elsewhere/scenario.json", { token: lead })).status).to.equal(404);
  });

  it("lets only the lead edit a site", async () => {
    const staff = await login(t.base, t.codes.staff[t.scenario.staff[0].id]);
    expect((await call(t.base, "PUT", `${S}/scenario`, { token: staff, body: t.scenario })).status).to.equal(403);
    expect((await call(t.base, "PUT", `${S}/scenario`, { token: await login(t.base, t.codes.lab), body: t.scenario })).status).to.equal(403);
    expect((await call(t.base, "PUT", `${S}/scenario`, { body: t.scenario })).status).to.equal(401);
    expect((await call(t.base, "PUT", "/api/v1/sites/nowhere/scenario", { token: lead, body: t.scenario })).status).to.equal(404);
  });

  it("leaves the plan in force as it was: a new plan must be built", async () => {
    const { plan } = await startBoothSite(t, lead);
    const scenario = (await call(t.base, "GET", `/api/v1/sites/${BOOTH_SITE}/scenario.json`, { token: lead })).body;
    scenario.points[0].desks += 1;
    const r = await call(t.base, "PUT", `/api/v1/sites/${BOOTH_SITE}/scenario`, { token: lead, body: scenario });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    expect(r.body.planInForce).to.equal(true);
    const after = (await call(t.base, "GET", `/api/v1/sites/${BOOTH_SITE}/plans/current`, { token: lead })).body;
    expect(after).to.deep.equal(plan);
  });
});

describe("a staff member's name", () => {
  let t: TestServer;
  afterEach(() => t.close());

  it("comes with the sign-in and with their own plan", async () => {
    t = await startServer({ at: "2021-08-03T07:30:00+08:00" });
    const lead = await login(t.base, LEAD_CODE);
    const { codes } = await startBoothSite(t, lead);
    const name = t.scenario.staff.find((s) => s.id === "bai-xue")!.name;
    const signedIn = await call(t.base, "POST", "/api/v1/login", { body: { code: codes.staff["bai-xue"] } });
    expect(signedIn.body).to.include({ staff: "bai-xue", name });
    const mine = await call(t.base, "GET", `/api/v1/sites/${BOOTH_SITE}/plans/current`, { token: signedIn.body.token });
    expect(mine.body).to.include({ staff: "bai-xue", name });
  });
});
