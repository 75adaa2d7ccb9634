// GET /metrics (docs/scaling.md "Metrics"): Prometheus text for the lead's token, or without a
// token on TENFOLD_METRICS_PORT at 127.0.0.1; each app counts in its own registry.
import { expect } from "chai";
import { call, LEAD_CODE, login, publishExamplePlan, socket, startServer, tubeEvents, type TestServer } from "./support/server.ts";
import { freePort } from "./support/child.ts";

/** The value of one sample line, e.g. `tenfold_desk_events_total{status="applied"}`; undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split("\n")) {
    const m = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = m[2] ? m[2].split(",") : [];
    if (wanted.every((w) => have.includes(w)) && have.length === wanted.length) return Number(m[3]);
  }
  return undefined;
}

describe("metrics", () => {
  let t: TestServer;
  let lead: string;
  let staff: string;
  const scrape = async (token = lead) => (await fetch(`${t.base}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();

  beforeEach(async () => {
    t = await startServer({ at: "2021-08-03T08:00:00+08:00" });
    lead = await login(t.base, LEAD_CODE);
    staff = await login(t.base, t.codes.staff["li-na"] ?? Object.values(t.codes.staff)[0]!);
  });
  afterEach(() => t.close());

  it("is for the lead: 401 without a token, 403 with a staff token, text for the lead", async () => {
    const none = await call(t.base, "GET", "/metrics");
    expect(none.status).to.equal(401);
    const asStaff = await call(t.base, "GET", "/metrics", { token: staff });
    expect(asStaff.status).to.equal(403);
    const res = await fetch(`${t.base}/metrics`, { headers: { authorization: `Bearer ${lead}` } });
    expect(res.status).to.equal(200);
    expect(res.headers.get("content-type")).to.contain("text/plain");
    const text = await res.text();
    // The process's defaults, event-loop delay among them.
    expect(text).to.contain("# TYPE nodejs_eventloop_lag_p99_seconds gauge").and.contain("process_resident_memory_bytes");
  });

  it("counts requests by route and status class, desk events by what became of them, pushes and sockets", async () => {
    const events = tubeEvents("m", "T0001", ["R00001", "R00002", "R00003"], "2021-08-03T08:00:00+08:00", "north-gate", 1, false);
    const post = (body: unknown[]) => call(t.base, "POST", "/api/v1/sites/yiyuan/desk-events", { token: staff, body: { events: body } });
    expect((await post(events)).status).to.equal(200); // 4 applied: the open and three swabs
    expect((await post(events.slice(0, 2))).status).to.equal(200); // 2 duplicates
    expect((await post([{ ...events[1], resident: "SOMEONE-ELSE" }])).status).to.equal(200); // 1 rejected
    for (let i = 0; i < 3; i++) expect((await call(t.base, "GET", "/healthz")).status).to.equal(200);
    expect((await call(t.base, "GET", "/api/v1/nowhere")).status).to.equal(404);

    const s = await socket(t.base);
    try {
      await s.emitWithAck("queue:subscribe", { site: "yiyuan" });
      const text = await scrape();
      expect(sample(text, "tenfold_desk_events_total", { status: "applied" })).to.equal(4);
      expect(sample(text, "tenfold_desk_events_total", { status: "duplicate" })).to.equal(2);
      expect(sample(text, "tenfold_desk_events_total", { status: "rejected" })).to.equal(1);
      expect(sample(text, "tenfold_http_requests_total", { route: "/healthz", status: "2xx" })).to.equal(3);
      expect(sample(text, "tenfold_http_requests_total", { route: "/api/v1/sites/:site/desk-events", status: "2xx" })).to.equal(3);
      expect(sample(text, "tenfold_http_requests_total", { route: "other", status: "4xx" })).to.be.at.least(1);
      expect(sample(text, "tenfold_sockets_connected")).to.equal(1);
      // The subscriber was sent each point's state on subscribing.
      expect(sample(text, "tenfold_live_pushes_total", { event: "queue" })).to.be.at.least(1);
    } finally {
      s.close();
    }
  });

  it("times the planner's runs in the worker threads", async () => {
    await publishExamplePlan(t, lead);
    const text = await scrape();
    expect(sample(text, "tenfold_planner_runs_total", { outcome: "ok" })).to.equal(1);
    expect(sample(text, "tenfold_planner_duration_seconds_count")).to.equal(1);
    expect(sample(text, "tenfold_planner_duration_seconds_sum")).to.be.greaterThan(0);
  });

  it("counts apart in two apps in one process", async () => {
    const other = await startServer({ at: "2021-08-03T08:00:00+08:00" });
    try {
      await call(other.base, "GET", "/healthz");
      await call(other.base, "GET", "/healthz");
      await call(t.base, "GET", "/healthz");
      expect(sample(await scrape(), "tenfold_http_requests_total", { route: "/healthz", status: "2xx" })).to.equal(1);
    } finally {
      await other.close();
    }
  });

  it("answers on TENFOLD_METRICS_PORT at 127.0.0.1 without a token", async () => {
    const port = await freePort();
    const m = await startServer({ config: { metricsPort: port } });
    try {
      await call(m.base, "GET", "/healthz");
      const res = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(res.status).to.equal(200);
      expect(sample(await res.text(), "tenfold_http_requests_total", { route: "/healthz", status: "2xx" })).to.equal(1);
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).to.equal(404);
    } finally {
      await m.close();
    }
    // Closed with the app.
    let refused = false;
    await fetch(`http://127.0.0.1:${port}/metrics`).catch(() => (refused = true));
    expect(refused).to.equal(true);
  });
});
