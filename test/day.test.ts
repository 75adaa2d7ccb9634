// A whole day of the example site through the real API: plan published, residents called down
// building by building, tubes filled and sealed, boxes to the lab, one positive pool and its
// re-test list, a swap approved and one refused, someone unwell and relieved.
import { expect } from "chai";
import { call, collect, LEAD_CODE, login, next, socket, startServer, type TestServer, type TestSocket } from "./support/server.ts";

const S = "/api/v1/sites/yiyuan";
const at = (ms: number) => new Date(ms).toISOString();

describe("a whole day at the example site", function () {
  this.timeout(120_000);
  let t: TestServer;
  const sockets: TestSocket[] = [];
  after(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  it("runs from the published plan to the re-test list with every swab accounted for", async () => {
    t = await startServer({ at: "2021-08-03T06:30:00+08:00" });
    const lead = await login(t.base, LEAD_CODE);
    const lab = await login(t.base, t.codes.lab);
    const registrar: Record<string, string> = {
      "north-gate": await login(t.base, t.codes.staff["zhou-ting"]),
      "south-gate": await login(t.base, t.codes.staff["wu-hao"]),
    };
    const marshal = await login(t.base, t.codes.staff["liu-yuan"]);
    const courier = await login(t.base, t.codes.staff["ma-chao"]);
    const api = (method: string, path: string, token: string, body?: unknown) => call(t.base, method, S + path, { token, body });

    // The lead makes and publishes the day's plan.
    const draft = await api("POST", "/plans", lead);
    expect(draft.status).to.equal(201);
    expect(draft.body.id).to.be.a("string");
    const leadSocket = await socket(t.base, lead);
    sockets.push(leadSocket);
    const alerts = collect(leadSocket, "alert");
    expect((await api("POST", `/plans/${draft.body.id}/publish`, lead)).status).to.equal(200);
    const plan = (await api("GET", "/plans/current", lead)).body;

    // A resident watches the board all day.
    const resident = await socket(t.base);
    sockets.push(resident);
    const board = collect(resident, "queue");
    await resident.emitWithAck("queue:subscribe", { site: "yiyuan" });

    // Residents come down building by building: one tube per ten, sealed as it fills.
    const scenario = t.scenario;
    const pool = scenario.pooling.poolSize;
    const day = scenario.windows[0];
    const start = Date.parse(day.start);
    const queue: { point: string; resident: string }[] = [];
    for (const b of scenario.buildings) {
      const coming = Math.round(b.residents * scenario.service.attendance);
      for (let i = 0; i < coming; i++) queue.push({ point: b.point, resident: `${b.id}-${String(i).padStart(4, "0")}` });
    }
    const tubes: Record<string, string[]> = {};
    let tubeNo = 0;
    let eventNo = 0;
    const byPoint = new Map<string, { resident: string }[]>();
    for (const q of queue) byPoint.set(q.point, [...(byPoint.get(q.point) ?? []), q]);
    const minutes = (Date.parse(day.end) - start) / 60000;
    for (const [point, people] of byPoint) {
      await call(t.base, "POST", `${S}/points/${point}/queue`, { token: marshal, body: { arrivals: people.length } });
      const spacing = (minutes * 60000 * 0.8) / people.length;
      let batch: unknown[] = [];
      for (let i = 0; i < people.length; i += pool) {
        const tube = `T${String(++tubeNo).padStart(5, "0")}`;
        const t0 = start + i * spacing;
        const members = people.slice(i, i + pool).map((p) => p.resident);
        tubes[tube] = members;
        batch.push({ id: `e${++eventNo}`, type: "tube.open", at: at(t0), point, desk: 1 + (tubeNo % 2), tube });
        members.forEach((resident, k) => batch.push({ id: `e${++eventNo}`, type: "swab", at: at(t0 + k * spacing + 1000), point, desk: 1 + (tubeNo % 2), tube, resident }));
        batch.push({ id: `e${++eventNo}`, type: "tube.seal", at: at(t0 + members.length * spacing + 2000), point, desk: 1 + (tubeNo % 2), tube });
        if (batch.length >= 50 || i + pool >= people.length) {
          t.clock.set(Math.max(t.clock.now(), Date.parse((batch.at(-1) as { at: string }).at)));
          const r = await call(t.base, "POST", `${S}/desk-events`, { token: registrar[point], body: { events: batch } });
          expect(r.body.results.every((x: any) => x.status === "applied"), JSON.stringify(r.body.results.find((x: any) => x.status !== "applied"))).to.equal(true);
          batch = [];
        }
      }
    }
    expect(t.store.tubes.swabCount("yiyuan")).to.equal(queue.length);

    // Tubes go to the lab in boxes of at most the box capacity.
    const ids = Object.keys(tubes);
    const capacity = scenario.pooling.boxCapacity;
    for (let i = 0; i < ids.length; i += capacity) {
      const box = `B${i / capacity + 1}`;
      expect((await api("POST", "/boxes", registrar["north-gate"], { id: box, tubes: ids.slice(i, i + capacity) })).status).to.equal(201);
      expect((await api("POST", `/boxes/${box}/dispatch`, courier)).status).to.equal(200);
      t.clock.advance(scenario.pooling.labTravelMinutes * 60000);
      expect((await api("POST", `/boxes/${box}/receive`, lab)).status).to.equal(200);
    }

    // One pool is positive; the rest negative.
    const positive = ids[7];
    for (const tube of ids) await api("POST", "/results", lab, { tube, result: tube === positive ? "positive" : "negative" });
    const retests = (await api("GET", "/retests", lead)).body.retests;
    expect(retests.map((r: any) => r.resident)).to.deep.equal(tubes[positive]);
    expect(alerts.some((a) => a.kind === "positive" && a.tube === positive)).to.equal(true);
    const custody = (await api("GET", `/tubes/${positive}`, lab)).body.custody.map((c: any) => c.state);
    expect(custody).to.deep.equal(["open", "sealed", "boxed", "dispatched", "received", "resulted:positive"]);

    // The board moved, and never carried a resident's id.
    expect(board.length).to.be.greaterThan(0);
    expect(JSON.stringify(board)).not.to.match(/b\d\d-\d{4}/);
    const snapshot = await call(t.base, "GET", "/api/v1/queue?site=yiyuan");
    expect(JSON.stringify(snapshot.body)).not.to.match(/b\d\d-\d{4}/);

    // Rotation changes on the planner's own assignments, when it made any.
    const desks = (plan.assignments as any[]).filter((a) => a.activity === "desk");
    if (desks.length === 0) return;
    t.clock.set("2021-08-03T06:45:00+08:00");
    const roster = scenario.staff;
    const tokens = new Map<string, string>();
    const tokenOf = async (staff: string) => tokens.get(staff) ?? (tokens.set(staff, await login(t.base, t.codes.staff[staff])), tokens.get(staff)!);
    let approved = false;
    let refused = false;
    for (const a of desks) {
      if (approved && refused) break;
      const holder = await tokenOf(a.staff);
      for (const p of roster.filter((x) => x.id !== a.staff && x.roles.includes(a.role))) {
        const r = await api("POST", "/swaps", holder, { assignment: a.id, to: p.id });
        if (r.status === 409 && !refused) {
          expect(r.body.error.rule).to.be.a("string");
          refused = true;
        }
        if (r.status === 201 && !approved) {
          await api("POST", `/swaps/${r.body.id}/accept`, await tokenOf(p.id));
          const done = await api("POST", `/swaps/${r.body.id}/approve`, lead);
          if (done.status === 200) approved = true;
        }
        if (approved && refused) break;
      }
    }
    expect(refused, "some swap was refused by a rule").to.equal(true);
    expect(approved, "some swap was approved").to.equal(true);

    const current = (await api("GET", "/plans/current", lead)).body.assignments as any[];
    const firstDesk = current.filter((a) => a.activity === "desk").sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0];
    t.clock.set(Date.parse(firstDesk.start) + 5 * 60000);
    const unwellAlert = next(leadSocket, "alert", (a) => a.kind === "unwell");
    const repair = await api("POST", `/staff/${firstDesk.staff}/unwell`, lead, { reason: "dizzy" });
    expect(repair.status).to.equal(200);
    expect(repair.body.removed.length).to.be.greaterThan(0);
    expect(repair.body.added.length + repair.body.gaps.length).to.be.greaterThan(0);
    expect((await unwellAlert).staff).to.equal(firstDesk.staff);
  });
});
