// Exports and roster import (docs/api.md C9 and "Exports"): the plan as .xlsx, a person's shifts as
// .ics (with `?token=` for calendar apps), the site's scenario, and a roster read from Excel or CSV.
import { expect } from "chai";
import ExcelJS from "exceljs";
import { call, LEAD_CODE, login, publishExamplePlan, startServer, type TestServer } from "./support/server.ts";
import { csvRows, fullTime, staffFromRows } from "../shared/roster/rows.ts";
import { publishRealPlan } from "./support/real-plan.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function fetchBytes(url: string, token?: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, type: res.headers.get("content-type"), bytes: Buffer.from(await res.arrayBuffer()) };
}

async function fetchJson(url: string, token: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).to.equal(200);
  return (await res.json()) as Record<string, unknown>;
}

describe("exports and roster import", () => {
  let t: TestServer;
  let lead: string;
  beforeEach(async () => {
    t = await startServer();
    lead = await login(t.base, LEAD_CODE);
  });
  afterEach(() => t.close());

  it("gives the lead the plan in force as an Excel workbook with a row per assignment", async () => {
    const plan = publishRealPlan(t);
    expect(plan.assignments.length).to.be.greaterThan(0);
    const got = await fetchBytes(`${t.base}/api/v1/sites/yiyuan/plans/current.xlsx`, lead);
    expect(got.status).to.equal(200);
    expect(got.type).to.contain(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(got.bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).to.include.members(["排班 Assignments", "采样台 Desks", "呼叫 Call-ups", "排队预测 Forecast", "缺口 Gaps"]);
    expect(book.getWorksheet("排班 Assignments")!.actualRowCount).to.equal(plan.assignments.length + 1);
    expect(book.getWorksheet("呼叫 Call-ups")!.actualRowCount).to.equal(plan.callups.length + 1);
  });

  it("refuses the workbook to staff and says so when no plan is published", async () => {
    const staff = await login(t.base, t.codes.staff[t.scenario.staff[0].id]);
    expect((await fetchBytes(`${t.base}/api/v1/sites/yiyuan/plans/current.xlsx`, staff)).status).to.equal(403);
    expect((await fetchBytes(`${t.base}/api/v1/sites/yiyuan/plans/current.xlsx`, lead)).status).to.equal(404);
  });

  it("gives a person their own calendar with ?token=, one event per assignment, and not someone else's", async () => {
    const plan = publishRealPlan(t);
    const [me, other] = t.scenario.staff.map((s) => s.id);
    expect(plan.assignments.filter((a) => a.staff === me)).to.not.have.length(0);
    // `?token=` takes the person's calendar link token (GET …/calendar-link), not their sign-in token.
    const signIn = await login(t.base, t.codes.staff[me]);
    const token = (await fetchJson(`${t.base}/api/v1/sites/yiyuan/staff/${me}/calendar-link`, signIn)).token as string;
    const mine = await fetchBytes(`${t.base}/api/v1/sites/yiyuan/staff/${me}/calendar.ics?token=${encodeURIComponent(token)}`);
    expect(mine.status).to.equal(200);
    expect(mine.type).to.contain("text/calendar");
    const text = mine.bytes.toString("utf8");
    expect(text).to.match(/^BEGIN:VCALENDAR/);
    expect(text.match(/BEGIN:VEVENT/g)?.length ?? 0).to.equal(plan.assignments.filter((a) => a.staff === me).length);
    expect((await fetchBytes(`${t.base}/api/v1/sites/yiyuan/staff/${other}/calendar.ics?token=${encodeURIComponent(token)}`)).status).to.equal(403);
    expect((await fetchBytes(`${t.base}/api/v1/sites/yiyuan/staff/${other}/calendar.ics`, lead)).status).to.equal(200);
    expect((await fetchBytes(`${t.base}/api/v1/sites/yiyuan/staff/${other}/calendar.ics`)).status).to.equal(401);
  });

  it("reads a roster from an .xlsx with Chinese headers, Excel dates and times of day", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("名单");
    sheet.addRow(["工号", "姓名", "角色", "开始", "结束"]);
    sheet.addRow(["s01", "王芳", "采样员", new Date(Date.UTC(2021, 7, 3, 7, 0)), new Date(Date.UTC(2021, 7, 3, 15, 0))]);
    sheet.addRow(["s02", "李强", "登记员、采样员", "13:00", "21:00"]);
    sheet.addRow(["bad id", "?", "厨师", "07:00", "08:00"]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const res = await fetch(`${t.base}/api/v1/roster/parse?day=2021-08-03&offset=%2B08:00`, { method: "POST", headers: { authorization: `Bearer ${lead}`, "content-type": XLSX }, body: bytes });
    const r = { status: res.status, body: await res.json() };
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    expect(r.body.staff).to.deep.equal([
      { id: "s01", name: "王芳", roles: ["sampler"], available: [{ start: "2021-08-03T07:00:00+08:00", end: "2021-08-03T15:00:00+08:00" }] },
      { id: "s02", name: "李强", roles: ["registrar", "sampler"], available: [{ start: "2021-08-03T13:00:00+08:00", end: "2021-08-03T21:00:00+08:00" }] },
    ]);
    expect(r.body.problems).to.have.length(1);
    expect(r.body.problems[0].row).to.equal(4);
  });

  it("refuses a roster upload that is not a workbook, and one from staff", async () => {
    const notXlsx = await call(t.base, "POST", "/api/v1/roster/parse", { token: lead, headers: { "content-type": XLSX }, body: "hello" });
    expect(notXlsx.status).to.equal(400);
    expect(notXlsx.body.error.code).to.equal("NOT_XLSX");
    const staff = await login(t.base, t.codes.staff[t.scenario.staff[0].id]);
    expect((await call(t.base, "POST", "/api/v1/roster/parse", { token: staff, headers: { "content-type": XLSX }, body: "x" })).status).to.equal(403);
  });

  it("reads a CSV roster with quoted cells and ISO spans", () => {
    const rows = csvRows('id,name,roles,available\r\na1,"Zhang, Wei",sampler;registrar,2021-08-03T07:00+08:00/2021-08-03T11:00+08:00;2021-08-03T15:00+08:00/2021-08-03T19:00+08:00\r\n');
    const { staff, problems } = staffFromRows(rows);
    expect(problems).to.deep.equal([]);
    expect(staff[0]).to.deep.equal({
      id: "a1",
      name: "Zhang, Wei",
      roles: ["sampler", "registrar"],
      available: [
        { start: "2021-08-03T07:00:00+08:00", end: "2021-08-03T11:00:00+08:00" },
        { start: "2021-08-03T15:00:00+08:00", end: "2021-08-03T19:00:00+08:00" },
      ],
    });
    expect(fullTime("7:30", { day: "2021-08-03", offset: "+08:00" })).to.equal("2021-08-03T07:30:00+08:00");
    expect(fullTime("07:30", {})).to.equal(undefined);
  });

  it("lists sites publicly with points and published call-ups, and no people", async () => {
    await publishExamplePlan(t, lead);
    const r = await call(t.base, "GET", "/api/v1/directory");
    expect(r.status).to.equal(200);
    const site = r.body.sites[0];
    expect(site).to.include({ id: "yiyuan", timezone: "Asia/Shanghai", poolSize: 10 });
    expect(site.points.map((p: { id: string }) => p.id)).to.deep.equal(["north-gate", "south-gate"]);
    expect(site.callups.length).to.be.greaterThan(0);
    expect(JSON.stringify(r.body)).to.not.contain(t.scenario.staff[0].name);
  });

  it("serves the three pages as HTML", async () => {
    for (const path of ["/", "/staff", "/lead"]) {
      const r = await call(t.base, "GET", path);
      expect(r.status, path).to.equal(200);
      expect(r.headers.get("content-type")).to.contain("text/html");
    }
  });
});
