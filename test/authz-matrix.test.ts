// Every route × every role × own and other site (docs/api.md C10): who may call what.
import { expect } from "chai";
import { call, LEAD_CODE, login, startBoothSite, startServer, storeFingerprint, type TestServer } from "./support/server.ts";

type Caller = "nobody" | "lead" | "staff" | "staff-other-site" | "lab" | "lab-other-site";
type Allowed = "lead" | "staff" | "lab" | "public";

interface Route {
  method: string;
  path: string;
  allowed: Allowed[];
  body?: unknown;
}

const S = "/api/v1/sites/yiyuan";
const ROUTES: Route[] = [
  { method: "POST", path: "/api/v1/sites", allowed: ["lead"], body: {} },
  { method: "POST", path: `${S}/plans`, allowed: ["lead"] },
  { method: "POST", path: `${S}/plans/plan-none/publish`, allowed: ["lead"] },
  { method: "GET", path: `${S}/plans/current`, allowed: ["lead", "staff"] },
  { method: "PUT", path: `${S}/settings`, allowed: ["lead"], body: { swapAfterTubes: "x" } },
  { method: "POST", path: `${S}/desk-events`, allowed: ["staff"], body: { events: [] } },
  { method: "POST", path: `${S}/points/north-gate/queue`, allowed: ["staff"], body: {} },
  { method: "POST", path: `${S}/boxes`, allowed: ["staff"], body: { id: "B1", tubes: [] } },
  { method: "POST", path: `${S}/boxes/B0/dispatch`, allowed: ["staff"] },
  { method: "POST", path: `${S}/boxes/B0/receive`, allowed: ["lab"] },
  { method: "POST", path: `${S}/results`, allowed: ["lab"], body: { tube: "T0", result: "maybe" } },
  { method: "GET", path: `${S}/retests`, allowed: ["lead", "lab"] },
  { method: "GET", path: `${S}/tubes/T0`, allowed: ["lead", "lab"] },
  { method: "POST", path: `${S}/swaps`, allowed: ["staff"], body: {} },
  { method: "GET", path: `${S}/swaps`, allowed: ["lead", "staff"] },
  { method: "POST", path: `${S}/swaps/swap-none/accept`, allowed: ["staff"] },
  { method: "POST", path: `${S}/swaps/swap-none/approve`, allowed: ["lead"] },
  { method: "POST", path: `${S}/swaps/swap-none/reject`, allowed: ["lead"] },
  { method: "POST", path: `${S}/staff/bai-xue/unwell`, allowed: ["lead", "staff"], body: { reason: 5 } },
  { method: "POST", path: `${S}/staff/bai-xue/relief`, allowed: ["lead", "staff"], body: { x: 1 } },
  { method: "GET", path: `${S}/scenario.json`, allowed: ["lead"] },
  { method: "PUT", path: `${S}/scenario`, allowed: ["lead"], body: { site: { id: "yiyuan" } } },
  { method: "GET", path: `${S}/alerts?since=0`, allowed: ["lead"] },
  { method: "GET", path: `${S}/tubes?state=open`, allowed: ["lead", "lab"] },
  { method: "GET", path: "/api/v1/directory", allowed: ["public"] },
  { method: "GET", path: "/api/v1/queue?site=yiyuan", allowed: ["public"] },
];

const CALLERS: Caller[] = ["nobody", "lead", "staff", "staff-other-site", "lab", "lab-other-site"];

/** What a caller should get: refused (401/403) or let through to the handler (anything else). */
function expected(route: Route, caller: Caller): "401" | "403" | "through" {
  if (route.allowed.includes("public")) return "through";
  if (caller === "nobody") return "401";
  const role = caller.replace("-other-site", "") as Allowed;
  if (!route.allowed.includes(role)) return "403";
  if (caller.endsWith("-other-site")) return "403";
  return "through";
}

describe("the authorization matrix", () => {
  let t: TestServer;
  const tokens: Partial<Record<Caller, string>> = {};

  before(async () => {
    t = await startServer({ at: "2021-08-03T08:00:00+08:00" });
    tokens.lead = await login(t.base, LEAD_CODE);
    const other = await startBoothSite(t, tokens.lead);
    tokens.staff = await login(t.base, t.codes.staff["bai-xue"]);
    tokens.lab = await login(t.base, t.codes.lab);
    tokens["staff-other-site"] = await login(t.base, other.codes.staff["bai-xue"]);
    tokens["lab-other-site"] = await login(t.base, other.codes.lab);
  });
  after(() => t.close());

  for (const route of ROUTES)
    for (const caller of CALLERS) {
      const want = expected(route, caller);
      it(`${route.method} ${route.path} as ${caller}: ${want === "through" ? "let through" : want}`, async () => {
        const before = want === "through" ? undefined : storeFingerprint(t.store);
        const r = await call(t.base, route.method, route.path, { token: tokens[caller], body: route.body });
        if (want === "through") expect(r.status, JSON.stringify(r.body)).to.be.oneOf([200, 201, 400, 404, 409, 503]);
        else {
          expect(r.status, JSON.stringify(r.body)).to.equal(Number(want));
          expect(r.body.error.code).to.equal(want === "401" ? "UNAUTHENTICATED" : "FORBIDDEN");
          expect(storeFingerprint(t.store)).to.equal(before);
        }
      });
    }

  it("lets staff report only themselves unwell", async () => {
    const r = await call(t.base, "POST", `${S}/staff/wang-ke/unwell`, { token: tokens.staff, body: {} });
    expect(r.status).to.equal(403);
  });

  it("answers a lead asking about a site that does not exist with 404", async () => {
    const r = await call(t.base, "GET", "/api/v1/sites/nowhere/retests", { token: tokens.lead });
    expect(r.status).to.equal(404);
  });
});
