// The staff page judges heat and drinking by the site's own workload per role (docs/api.md
// "Defaults": rules.workload), which the public directory carries (no personal data in it).
import { expect } from "chai";
import { call, LEAD_CODE, login, startServer, type TestServer } from "./support/server.ts";

describe("the directory's workload per role", () => {
  let t: TestServer;
  before(async () => (t = await startServer()));
  after(() => t.close());

  it("gives the defaults for a site without its own, and a site's own setting where it has one", async () => {
    const lead = await login(t.base, LEAD_CODE);
    const own = { ...t.scenario, site: { ...t.scenario.site, id: "yiyuan-hard" }, rules: { workload: { sampler: "hard" as const } } };
    expect((await call(t.base, "POST", "/api/v1/sites", { token: lead, body: own })).status).to.equal(201);
    const sites = (await call(t.base, "GET", "/api/v1/directory")).body.sites as { id: string; workload: Record<string, string> }[];
    expect(sites.find((s) => s.id === "yiyuan")!.workload).to.include({ sampler: "moderate", registrar: "easy" });
    expect(sites.find((s) => s.id === "yiyuan-hard")!.workload).to.include({ sampler: "hard", registrar: "easy" });
  });
});
