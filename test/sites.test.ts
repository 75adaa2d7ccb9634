// Sites and plans through the API: a site from a scenario with its codes, plans drafted and published.
import { expect } from "chai";
import { call, exampleScenario, LEAD_CODE, login, startServer, type TestServer } from "./support/server.ts";

describe("sites and plans", () => {
  let t: TestServer;
  let lead: string;
  beforeEach(async () => {
    t = await startServer();
    lead = await login(t.base, LEAD_CODE);
  });
  afterEach(() => t.close());

  it("makes a site from a scenario with a code for each staff member and the lab", async () => {
    const s = exampleScenario();
    s.site.id = "yiyuan-2";
    const r = await call(t.base, "POST", "/api/v1/sites", { token: lead, body: s });
    expect(r.status).to.equal(201);
    expect(r.body.site).to.deep.equal({ id: "yiyuan-2", name: s.site.name, timezone: s.site.timezone });
    expect(Object.keys(r.body.codes.staff)).to.deep.equal(s.staff.map((p) => p.id));
    expect((await call(t.base, "POST", "/api/v1/login", { body: { code: r.body.codes.lab } })).body.site).to.equal("yiyuan-2");
  });

  it("refuses a scenario with 400 naming every problem by its path", async () => {
    const s: any = exampleScenario();
    s.site.id = "x";
    s.points[0].desks = -1;
    s.pooling.poolSize = 7;
    const r = await call(t.base, "POST", "/api/v1/sites", { token: lead, body: s });
    expect(r.status).to.equal(400);
    const paths = r.body.error.problems.map((p: any) => p.path);
    expect(paths).to.include.members(["$.points[0].desks", "$.pooling.poolSize"]);
    expect(t.store.sites.count()).to.equal(1);
  });

  it("refuses a site id that is taken with 409", async () => {
    const r = await call(t.base, "POST", "/api/v1/sites", { token: lead, body: exampleScenario() });
    expect(r.status).to.equal(409);
    expect(r.body.error.code).to.equal("SITE_EXISTS");
  });

  it("drafts a plan with an id, publishes it, and serves it as the plan in force", async () => {
    expect((await call(t.base, "GET", "/api/v1/sites/yiyuan/plans/current", { token: lead })).body.error.code).to.equal("NO_PUBLISHED_PLAN");
    const draft = await call(t.base, "POST", "/api/v1/sites/yiyuan/plans", { token: lead });
    expect(draft.status).to.equal(201);
    expect(draft.body.id).to.match(/^plan-/);
    expect(draft.body).to.include.keys("heat", "dayRule", "desks", "assignments", "callups", "forecast", "tubes", "pickups", "gaps", "summary");
    expect(draft.body.publishedAt).to.equal(null);
    expect((await call(t.base, "POST", "/api/v1/sites/yiyuan/plans/plan-nope/publish", { token: lead })).status).to.equal(404);
    expect((await call(t.base, "POST", `/api/v1/sites/yiyuan/plans/${draft.body.id}/publish`, { token: lead })).status).to.equal(200);
    const current = await call(t.base, "GET", "/api/v1/sites/yiyuan/plans/current", { token: lead });
    expect(current.body.id).to.equal(draft.body.id);
    expect(current.body.publishedAt).to.be.a("string");
  });

  it("lists sites in a public directory with points and the plan in force, naming no one", async () => {
    const before = await call(t.base, "GET", "/api/v1/directory");
    expect(before.status).to.equal(200);
    expect(before.body.now).to.equal(t.clock.now());
    const site = before.body.sites[0];
    expect(site).to.include({ id: "yiyuan", poolSize: 10, published: null });
    expect(site.points.map((p: any) => p.id)).to.deep.equal(["north-gate", "south-gate"]);
    const draft = await call(t.base, "POST", "/api/v1/sites/yiyuan/plans", { token: lead });
    await call(t.base, "POST", `/api/v1/sites/yiyuan/plans/${draft.body.id}/publish`, { token: lead });
    const after = (await call(t.base, "GET", "/api/v1/directory")).body.sites[0];
    expect(after.published.id).to.equal(draft.body.id);
    expect(after.callups.length).to.equal(draft.body.callups.length);
    const text = JSON.stringify(after);
    for (const person of t.scenario.staff) expect(text).not.to.include(person.id);
  });

  it("gives the lead the site's scenario as stored", async () => {
    const r = await call(t.base, "GET", "/api/v1/sites/yiyuan/scenario.json", { token: lead });
    expect(r.body).to.deep.equal(t.scenario);
  });
});
