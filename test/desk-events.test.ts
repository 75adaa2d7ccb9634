// Desk events: applied once by id, one transaction per batch, tubes never over the pool size.
import { expect } from "chai";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { call, LEAD_CODE, login, startServer, tubeEvents, type TestServer } from "./support/server.ts";

const ten = (from: number) => Array.from({ length: 10 }, (_, i) => `R${String(from + i).padStart(5, "0")}`);

describe("desk events", () => {
  let t: TestServer;
  let staff: string;
  const post = (events: unknown[], token = staff) => call(t.base, "POST", "/api/v1/sites/yiyuan/desk-events", { token, body: { events } });

  beforeEach(async () => {
    t = await startServer({ at: "2021-08-03T08:00:00+08:00" });
    staff = await login(t.base, t.codes.staff["li-na"] ?? Object.values(t.codes.staff)[0]);
  });
  afterEach(() => t.close());

  it("applies a tube's open, ten swabs and seal, and says so per event", async () => {
    const events = tubeEvents("d1", "T0001", ten(1), "2021-08-03T08:00:00+08:00");
    const r = await post(events);
    expect(r.status).to.equal(200);
    expect(r.body.results.map((x: any) => x.status)).to.deep.equal(events.map(() => "applied"));
    expect(t.store.tubes.get("yiyuan", "T0001")).to.include({ state: "sealed", swabs: 10 });
  });

  it("answers a resent batch with duplicate and changes nothing", async () => {
    const events = tubeEvents("d1", "T0001", ten(1), "2021-08-03T08:00:00+08:00");
    await post(events);
    const before = t.store.tubes.deskEventCount("yiyuan");
    const again = await post(events);
    expect(again.body.results.every((x: any) => x.status === "duplicate")).to.equal(true);
    expect(t.store.tubes.deskEventCount("yiyuan")).to.equal(before);
    expect(t.store.tubes.swabCount("yiyuan")).to.equal(10);
  });

  it("counts an event resent with its time written another way as a duplicate", async () => {
    const open = { id: "o1", type: "tube.open", at: "2021-08-03T08:00:00+08:00", point: "north-gate", desk: 1, tube: "T1" };
    await post([open]);
    const r = await post([{ ...open, at: "2021-08-03T00:00:00.000Z" }]);
    expect(r.body.results[0].status).to.equal("duplicate");
  });

  it("rejects an old id sent with other content, naming the id", async () => {
    const events = tubeEvents("d1", "T0001", ten(1), "2021-08-03T08:00:00+08:00", "north-gate", 1, false);
    await post(events);
    const changed = { ...events[3], resident: "SOMEONE-ELSE" };
    const r = await post([changed]);
    expect(r.body.results[0]).to.deep.include({ status: "rejected" });
    expect(r.body.results[0].error).to.include({ code: "EVENT_ID_REUSED", path: "$.events[0].id" });
    expect(t.store.tubes.swabCount("yiyuan")).to.equal(10);
  });

  it("rejects the eleventh swab with TUBE_FULL, telling the desk to open a new tube", async () => {
    const events = tubeEvents("d1", "T0001", [...ten(1), "R99999"], "2021-08-03T08:00:00+08:00", "north-gate", 1, false);
    const r = await post(events);
    const last = r.body.results.at(-1);
    expect(last.status).to.equal("rejected");
    expect(last.error.code).to.equal("TUBE_FULL");
    expect(last.error.message).to.match(/open a new tube/);
    expect(t.store.tubes.get("yiyuan", "T0001")!.swabs).to.equal(10);
  });

  it("rejects a swab into a sealed tube and into an unknown one", async () => {
    await post(tubeEvents("d1", "T0001", ten(1).slice(0, 3), "2021-08-03T08:00:00+08:00"));
    const r = await post([
      { id: "late", type: "swab", at: "2021-08-03T08:05:00+08:00", point: "north-gate", desk: 1, tube: "T0001", resident: "R5" },
      { id: "lost", type: "swab", at: "2021-08-03T08:05:00+08:00", point: "north-gate", desk: 1, tube: "T9999", resident: "R6" },
    ]);
    expect(r.body.results.map((x: any) => x.error.code)).to.deep.equal(["TUBE_SEALED", "TUBE_UNKNOWN"]);
  });

  it("keeps the good events of a batch when one is bad", async () => {
    const events: unknown[] = tubeEvents("d1", "T0001", ten(1).slice(0, 2), "2021-08-03T08:00:00+08:00", "north-gate", 1, false);
    events.splice(1, 0, { id: "bad", type: "swab", at: "yesterday", point: "north-gate", desk: 1, tube: "T0001" });
    const r = await post(events);
    expect(r.body.results.map((x: any) => x.status)).to.deep.equal(["applied", "rejected", "applied", "applied"]);
    expect(r.body.results[1].error.path).to.equal("$.events[1].at");
  });

  it("applies an out-of-order offline batch by desk time", async () => {
    const events = tubeEvents("d1", "T0001", ten(1).slice(0, 4), "2021-08-03T08:00:00+08:00").reverse();
    const r = await post(events);
    expect(r.body.results.every((x: any) => x.status === "applied")).to.equal(true);
    expect(t.store.tubes.get("yiyuan", "T0001")).to.include({ state: "sealed", swabs: 4 });
  });

  it("takes a swab rejected for an unknown tube once the tube's open arrives later", async () => {
    const events = tubeEvents("d1", "T0001", ten(1).slice(0, 2), "2021-08-03T08:00:00+08:00", "north-gate", 1, false);
    const first = await post(events.slice(1));
    expect(first.body.results.every((x: any) => x.error?.code === "TUBE_UNKNOWN")).to.equal(true);
    await post(events.slice(0, 1));
    const retry = await post(events.slice(1));
    expect(retry.body.results.every((x: any) => x.status === "applied")).to.equal(true);
  });

  it("flags a resident who is in two open tubes and tells the lead", async () => {
    await post(tubeEvents("a", "T0001", ["R1"], "2021-08-03T08:00:00+08:00", "north-gate", 1, false));
    const r = await post(tubeEvents("b", "T0002", ["R1"], "2021-08-03T08:01:00+08:00", "north-gate", 2, false));
    expect(r.body.results[1].status).to.equal("applied");
    expect(r.body.results[1].flag).to.include({ code: "RESIDENT_IN_TWO_TUBES" });
  });

  it("judges each swab of one batch against the swabs before it in that batch", async () => {
    const events = [
      ...tubeEvents("a", "T0001", ["R1", "R1"], "2021-08-03T08:00:00+08:00", "north-gate", 1, true),
      ...tubeEvents("b", "T0002", ["R1"], "2021-08-03T08:02:00+08:00", "north-gate", 2, false),
      ...tubeEvents("c", "T0003", ["R1"], "2021-08-03T08:03:00+08:00", "north-gate", 1, false),
    ];
    const r = await post(events);
    const of = (id: string) => r.body.results.find((x: any) => x.id === id);
    expect(of("a-s0").status).to.equal("applied");
    expect(of("a-s1").error).to.include({ code: "RESIDENT_ALREADY_IN_TUBE", path: "$.events[2].resident" });
    // T0001 was sealed earlier in the batch: only an open tube makes a second one suspect.
    expect(of("b-s0")).to.deep.equal({ id: "b-s0", status: "applied" });
    expect(of("c-s0").flag).to.deep.include({ code: "RESIDENT_IN_TWO_TUBES", tubes: ["T0002"] });
  });

  it("keeps both the desk's time and the server's receipt time", async () => {
    t.clock.set("2021-08-03T09:30:00+08:00");
    await post(tubeEvents("d1", "T0001", ["R1"], "2021-08-03T08:00:00+08:00", "north-gate", 1, false));
    const row = t.store.db.prepare("SELECT at, received_at FROM desk_events WHERE site = 'yiyuan' AND id = 'd1-s0'").get() as any;
    expect(row.at).to.equal("2021-08-03T00:00:20.000Z");
    expect(row.received_at).to.equal(Date.parse("2021-08-03T09:30:00+08:00"));
  });

  it("refuses events at a point the site does not have", async () => {
    const r = await post([{ id: "x", type: "tube.open", at: "2021-08-03T08:00:00+08:00", point: "moon", desk: 1, tube: "T1" }]);
    expect(r.body.results[0].error).to.include({ code: "INVALID_INPUT", path: "$.events[0].point" });
  });

  it("refuses desk events from the lab with 403", async () => {
    const lab = await login(t.base, t.codes.lab);
    expect((await post([], lab)).status).to.equal(403);
    void LEAD_CODE;
  });
});

describe("desk events across a restart", () => {
  it("keeps every acknowledged event, and a resend after the restart is a duplicate", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tenfold-restart-"));
    const db = join(dir, "tenfold.db");
    try {
      const first = await startServer({ at: "2021-08-03T08:00:00+08:00", db });
      const token = await login(first.base, first.codes.staff["zhou-ting"]);
      const events = tubeEvents("r", "T1", ten(1), "2021-08-03T08:00:00+08:00");
      const r = await call(first.base, "POST", "/api/v1/sites/yiyuan/desk-events", { token, body: { events } });
      expect(r.body.results.every((x: any) => x.status === "applied")).to.equal(true);
      await first.close();
      const second = await startServer({ at: "2021-08-03T08:05:00+08:00", db });
      try {
        // The signing secret lives in the file: the token from before the restart still works.
        const again = await call(second.base, "POST", "/api/v1/sites/yiyuan/desk-events", { token, body: { events } });
        expect(again.body.results.every((x: any) => x.status === "duplicate")).to.equal(true);
        expect(second.store.tubes.get("yiyuan", "T1")).to.include({ state: "sealed", swabs: 10 });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
