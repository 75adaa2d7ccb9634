// Live rotations: each person hears their own assignments when they change, is called to desks,
// relieved after N tubes; swaps and "unwell" re-check the rules and alert the lead.
import { expect } from "chai";
import { call, collect, next, type TestSocket, tubeEvents, useBoothSite } from "./support/server.ts";

describe("live rotations", () => {
  const site = useBoothSite();
  const { open, as, api } = site;

  it("sends a staff member their own assignments on connect, and only theirs", async () => {
    const s = await open(await as("bai-xue"));
    const r = await next(s, "rotation");
    expect(r.staff).to.equal("bai-xue");
    expect(r.assignments.map((a) => a.staff)).to.satisfy((xs: string[]) => xs.length === 3 && xs.every((x) => x === "bai-xue"));
  });

  it("shows staff only their own assignments in the plan in force; the lead sees all", async () => {
    const mine = await api("GET", "/plans/current", await as("wang-ke"));
    expect(mine.status).to.equal(200);
    expect(mine.body.assignments.every((a: any) => a.staff === "wang-ke")).to.equal(true);
    expect(mine.body).not.to.have.property("callups");
    const all = await api("GET", "/plans/current", site.lead);
    expect(new Set(all.body.assignments.map((a: any) => a.staff)).size).to.be.greaterThan(5);
  });

  it("calls a person to their desk when it comes due", async () => {
    const s = await open(await as("bai-xue"));
    site.t.clock.set("2021-08-03T07:56:00+08:00");
    const c = await next(s, "call");
    expect(c).to.include({ staff: "bai-xue", point: "north-gate", desk: 1, reason: "rotation" });
  });

  it("approves a swap that keeps every rule, moving only that assignment, and tells both people", async () => {
    const bai = await as("bai-xue");
    const yang = await as("yang-jianpeng");
    const ys = await open(yang);
    await next(ys, "rotation", (r) => r.reason === "connect");
    const proposed = await api("POST", "/swaps", bai, { assignment: "bai-xue-1000", to: "yang-jianpeng" });
    expect(proposed.status).to.equal(201);
    expect((await api("POST", `/swaps/${proposed.body.id}/approve`, site.lead)).status).to.equal(409); // not accepted yet
    expect((await api("POST", `/swaps/${proposed.body.id}/accept`, bai)).status).to.equal(403); // only the taker accepts
    expect((await api("POST", `/swaps/${proposed.body.id}/accept`, yang)).body.state).to.equal("accepted");
    const before = (await api("GET", "/plans/current", site.lead)).body.assignments;
    const pushed = next(ys, "rotation", (r) => r.reason === "swap");
    const approved = await api("POST", `/swaps/${proposed.body.id}/approve`, site.lead);
    expect(approved.status).to.equal(200);
    expect(approved.body.state).to.equal("approved");
    expect((await pushed).assignments.filter((a) => a.activity === "desk").map((a) => a.start.slice(11, 16))).to.deep.equal(["10:00"]);
    const after = (await api("GET", "/plans/current", site.lead)).body.assignments;
    // Work (desk and standby) changes only in the swapped assignment; rests follow the work.
    const work = (list: any[]) => list.filter((a) => a.activity === "desk" || a.activity === "standby");
    const changed = work(after).filter((a: any) => JSON.stringify(a) !== JSON.stringify(before.find((b: any) => b.id === a.id)));
    expect(changed).to.have.length(1);
    expect(changed[0]).to.include({ staff: "yang-jianpeng", point: "north-gate", desk: 1 });
    expect(Date.parse(changed[0].start)).to.equal(Date.parse("2021-08-03T10:00:00+08:00"));
    expect(work(after)).to.have.length(work(before).length);
  });

  it("refuses a swap that would put someone in two places with 409 naming the rule", async () => {
    const r = await api("POST", "/swaps", await as("li-jing"), { assignment: "li-jing-0800", to: "zhao-lei" });
    expect(r.status).to.equal(409);
    expect(r.body.error.code).to.equal("RULE_BROKEN");
    expect(r.body.error.rule).to.be.a("string");
    expect(r.body.error.message).to.match(/zhao-lei/);
  });

  it("refuses to let someone offer another person's assignment", async () => {
    const r = await api("POST", "/swaps", await as("li-jing"), { assignment: "wang-ke-0800", to: "yang-jianpeng" });
    expect(r.status).to.equal(403);
  });

  it("lets the lead reject an accepted swap, changing nothing", async () => {
    const bai = await as("bai-xue");
    const p = await api("POST", "/swaps", bai, { assignment: "bai-xue-1000", to: "yang-jianpeng" });
    await api("POST", `/swaps/${p.body.id}/accept`, await as("yang-jianpeng"));
    const r = await api("POST", `/swaps/${p.body.id}/reject`, site.lead, { reason: "keep the pairs" });
    expect(r.body).to.include({ state: "rejected", reason: "keep the pairs" });
    const plan = (await api("GET", "/plans/current", site.lead)).body;
    expect(plan.assignments.find((a: any) => a.id === "bai-xue-1000").staff).to.equal("bai-xue");
  });

  it("takes an unwell person off at once, calls the nearest rested sampler, and alerts the lead", async () => {
    site.t.clock.set("2021-08-03T09:10:00+08:00");
    const samplers = ["bai-xue", "wang-ke", "li-jing", "zhao-lei", "sun-yue", "gao-lin", "yang-jianpeng"];
    const phones = new Map<string, TestSocket>();
    for (const p of samplers) phones.set(p, await open(await as(p)));
    const leadSocket = await open(site.lead);
    const alerted = next(leadSocket, "alert", (a) => a.kind === "unwell");
    const r = await api("POST", "/staff/chen-chen/unwell", await as("chen-chen"), { reason: "dizzy" });
    expect(r.status).to.equal(200);
    expect(r.body.removed.map((a: any) => a.id)).to.include("chen-chen-0900");
    const first = r.body.added[0];
    expect(first).to.include({ point: "north-gate", desk: 1, activity: "desk" });
    expect(Date.parse(first.start)).to.equal(Date.parse("2021-08-03T09:10:00+08:00"));
    expect(r.body.called).to.include(first.staff);
    const call = await next(phones.get(first.staff)!, "call", (c) => c.reason === "relief");
    expect(call).to.include({ point: "north-gate", desk: 1 });
    expect((await alerted).message).to.match(/chen-chen/);
    const plan = (await api("GET", "/plans/current", site.lead)).body;
    const hers = plan.assignments.filter((a: any) => a.staff === "chen-chen");
    expect(hers.every((a: any) => Date.parse(a.end) <= Date.parse("2021-08-03T09:10:00+08:00"))).to.equal(true);
    // The desk she left is staffed or named as a gap, every minute to noon.
    const covered = [...plan.assignments.filter((a: any) => a.activity === "desk" && a.point === "north-gate" && a.desk === 1 && a.role === "sampler"), ...plan.gaps.filter((g: any) => g.point === "north-gate" && g.desk === 1 && g.role === "sampler")];
    for (let m = Date.parse("2021-08-03T09:10:00+08:00"); m < Date.parse("2021-08-03T10:00:00+08:00"); m += 60000)
      expect(covered.some((a: any) => Date.parse(a.start) <= m && m < Date.parse(a.end)), new Date(m).toISOString()).to.equal(true);
  });

  it("lets only the person or the lead report someone unwell", async () => {
    const r = await api("POST", "/staff/chen-chen/unwell", await as("sun-yue"), {});
    expect(r.status).to.equal(403);
  });

  it("calls the standby sampler after the set number of tubes at a desk", async () => {
    site.t.clock.set("2021-08-03T08:20:00+08:00");
    expect((await api("PUT", "/settings", site.lead, { swapAfterTubes: 2 })).status).to.equal(200);
    const gao = await open(await as("gao-lin"));
    const bai = await as("bai-xue");
    const calls = collect(gao, "call");
    await api("POST", "/desk-events", bai, { events: tubeEvents("a", "T1", ["R1", "R2"], "2021-08-03T08:05:00+08:00") });
    await new Promise((r) => setTimeout(r, 200));
    expect(calls.filter((c) => c.reason === "tubes")).to.have.length(0);
    const relief = next(gao, "call", (c) => c.reason === "tubes");
    await api("POST", "/desk-events", bai, { events: tubeEvents("b", "T2", ["R3", "R4"], "2021-08-03T08:10:00+08:00") });
    expect(await relief).to.include({ point: "north-gate", desk: 1, staff: "gao-lin" });
  });

  it("re-publishing tells everyone their rotation and alerts the lead to the plan's gaps", async () => {
    const leadSocket = await open(site.lead);
    const bai = await open(await as("bai-xue"));
    await next(bai, "rotation", (r) => r.reason === "connect");
    const plan = (await api("GET", "/plans/current", site.lead)).body;
    const gap = next(leadSocket, "alert", (a) => a.kind === "gap");
    const replan = next(bai, "rotation", (r) => r.reason === "replan");
    expect((await api("POST", `/plans/${plan.id}/publish`, site.lead)).status).to.equal(200);
    expect((await gap).message).to.match(/4 gap/);
    expect((await replan).assignments).to.have.length(3);
  });

  it("alerts the lead when the heat category rises", async () => {
    const leadSocket = await open(site.lead);
    site.t.clock.set("2021-08-03T09:00:30+08:00");
    const heat = await next(leadSocket, "alert", (a) => a.kind === "heat");
    expect(heat.message).to.match(/from 1 to 3/);
  });

  it("calls someone rested to a desk when the person there asks for relief", async () => {
    site.t.clock.set("2021-08-03T08:20:00+08:00");
    const gao = await open(await as("gao-lin"));
    const called = next(gao, "call", (c) => c.reason === "relief");
    const r = await api("POST", "/staff/bai-xue/relief", await as("bai-xue"), {});
    expect(r.status).to.equal(200);
    expect(r.body).to.deep.equal({ staff: "bai-xue", point: "north-gate", desk: 1, called: "gao-lin" });
    expect((await called).desk).to.equal(1);
    const resting = await api("POST", "/staff/chen-chen/relief", await as("chen-chen"), {});
    expect(resting.status).to.equal(409);
    expect(resting.body.error.code).to.equal("NOT_AT_A_DESK");
  });
});
