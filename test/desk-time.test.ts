// Desk times are bounded by the server's clock (docs/api.md C6): an offline desk's events may come
// hours late, never days; a phone may run a few minutes fast. Out-of-window events are refused
// alone, naming `at`; the rest of the batch is applied.
import { expect } from "chai";
import { call, login, startServer, type TestServer } from "./support/server.ts";

const NOW = "2021-08-03T15:00:00+08:00";
const at = (minutesFromNow: number) => new Date(Date.parse(NOW) + minutesFromNow * 60_000).toISOString();

describe("desk times against the server's clock", () => {
  let t: TestServer;
  let desk: string;
  before(async () => {
    t = await startServer({ at: NOW });
    desk = await login(t.base, t.codes.staff[t.scenario.staff[0].id]);
  });
  after(() => t.close());

  it("refuses swabs dated 1971, 2099, days back or minutes ahead, and keeps the rest of the batch", async () => {
    const times = {
      "1971": "1971-01-01T00:00:00Z",
      "2099": "2099-01-01T00:00:00Z",
      "three days back": at(-3 * 24 * 60),
      "13 h back": at(-13 * 60),
      "11 h back (an offline desk)": at(-11 * 60),
      "now": at(0),
      "3 min ahead (a fast phone)": at(3),
      "10 min ahead": at(10),
    };
    const events = Object.values(times).map((when, i) => ({ id: `dt-${i}`, type: "tube.open", at: when, point: "north-gate", desk: 1, tube: `DT-${i}` }));
    const r = await call(t.base, "POST", "/api/v1/sites/yiyuan/desk-events", { token: desk, body: { events } });
    expect(r.status).to.equal(200);
    const status = Object.fromEntries(Object.keys(times).map((k, i) => [k, r.body.results[i].status]));
    expect(status).to.deep.equal({
      "1971": "rejected",
      "2099": "rejected",
      "three days back": "rejected",
      "13 h back": "rejected",
      "11 h back (an offline desk)": "applied",
      "now": "applied",
      "3 min ahead (a fast phone)": "applied",
      "10 min ahead": "rejected",
    });
    expect(r.body.results[2].error).to.include({ code: "INVALID_INPUT", path: "$.events[2].at" });
    expect(r.body.results[2].error.message).to.contain("3 days before the server's clock");
    expect(r.body.results[7].error.message).to.contain("10 min ahead of the server's clock");
    // Refused events left nothing behind: no tube for them.
    const tubes = t.store.db.prepare("SELECT id FROM tubes WHERE id LIKE 'DT-%' ORDER BY id").pluck().all();
    expect(tubes).to.deep.equal(["DT-4", "DT-5", "DT-6"]);
  });
});
