// Getting the plan out (docs/api.md C9 and "Exports"): the plan in force as an Excel workbook for
// the lead, and each person's shifts as an iCalendar file.
import type { Express } from "express";
import ExcelJS from "exceljs";
import ical from "ical-generator";
import type { AppContext } from "../app.ts";
import { allow, params, requireSelfOrLead } from "../auth/guard.ts";
import { errors } from "../errors.ts";
import { signCalendarLink } from "../auth/tokens.ts";
import { calendarCredential } from "../store/codes.ts";
import type { Plan } from "../../shared/plan/types.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function mountExports(app: Express, context: AppContext): void {
  const lead = allow(context, ["lead"]);

  app.get("/api/v1/sites/:site/plans/current.xlsx", lead, async (req, res) => {
    const { site } = params(req);
    const record = context.store.plans.current(site);
    if (!record) throw errors.notFound(`a published plan of site "${site}"`);
    const book = planWorkbook(record.plan, context.store.sites.get(site)!.scenario);
    res.set("Content-Type", XLSX);
    res.set("Content-Disposition", `attachment; filename="${site}-plan.xlsx"`);
    res.send(Buffer.from(await book.xlsx.writeBuffer()));
  });

  // A read-only link for a calendar app (docs/api.md "Exports"): its own token, good only for this
  // calendar, ended by DELETE (a new link) or when the person's code is rotated or they leave.
  app.get("/api/v1/sites/:site/staff/:staff/calendar-link", allow(context, ["lead", "staff"]), (req, res) => {
    const { site, staff } = params(req);
    requireSelfOrLead(req.account!, staff);
    if (!context.store.sites.get(site)!.scenario.staff.some((s) => s.id === staff)) throw errors.notFound(`staff "${staff}" of site "${site}"`);
    const token = signCalendarLink(context.store, site, staff, context.clock.now());
    res.json({ token, url: `/api/v1/sites/${encodeURIComponent(site)}/staff/${encodeURIComponent(staff)}/calendar.ics?token=${token}` });
  });
  app.delete("/api/v1/sites/:site/staff/:staff/calendar-link", allow(context, ["lead", "staff"]), (req, res) => {
    const { site, staff } = params(req);
    requireSelfOrLead(req.account!, staff);
    context.store.codes.bump(calendarCredential(site, staff), context.clock.now());
    res.status(204).end();
  });

  // Calendar apps cannot send headers: `?token=` takes a calendar link's token, never a sign-in token.
  app.get("/api/v1/sites/:site/staff/:staff/calendar.ics", allow(context, ["lead", "staff"], { queryToken: true }), (req, res) => {
    const { site, staff } = params(req);
    requireSelfOrLead(req.account!, staff);
    const record = context.store.plans.current(site);
    if (!record) throw errors.notFound(`a published plan of site "${site}"`);
    const scenario = context.store.sites.get(site)!.scenario;
    if (!scenario.staff.some((s) => s.id === staff)) throw errors.notFound(`staff "${staff}" of site "${site}"`);
    res.set("Content-Type", "text/calendar; charset=utf-8");
    res.set("Content-Disposition", `attachment; filename="${site}-${staff}.ics"`);
    res.send(staffCalendar(record.plan, scenario, staff));
  });
}

const ACTIVITY_ZH: Record<string, string> = { desk: "采样台", standby: "待命", rest: "休息", meal: "用餐" };
const ROLE_ZH: Record<string, string> = { sampler: "采样员", registrar: "登记员", marshal: "秩序维护", courier: "转运", lead: "组长" };

/**
 * "HH:mm" of an ISO instant as written in the plan (the site's own offset).
 * @example wallClock("2021-08-03T07:05:00+08:00") // "07:05"
 */
export function wallClock(iso: string): string {
  return /T(\d{2}:\d{2})/.exec(iso)?.[1] ?? iso;
}

/** The plan as a workbook: one sheet per part of the contract a lead reads or prints. */
export function planWorkbook(plan: Plan, scenario: Scenario): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = "tenfold";
  const staffName = new Map(scenario.staff.map((s) => [s.id, s.name]));
  const pointName = new Map(scenario.points.map((p) => [p.id, p.name]));
  const sheet = (name: string, columns: [string, string, number][], rows: Record<string, unknown>[]) => {
    const ws = book.addWorksheet(name);
    ws.columns = columns.map(([key, header, width]) => ({ key, header, width }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: "frozen", ySplit: 1 }];
    ws.addRows(rows);
  };
  sheet(
    "排班 Assignments",
    [["staff", "工号 Staff", 10], ["name", "姓名 Name", 12], ["role", "角色 Role", 12], ["activity", "安排 Activity", 12], ["point", "采样点 Point", 14], ["desk", "台 Desk", 7], ["start", "开始 Start", 8], ["end", "结束 End", 8], ["id", "编号 Id", 14]],
    [...plan.assignments]
      .sort((a, b) => a.staff.localeCompare(b.staff) || a.start.localeCompare(b.start))
      .map((a) => ({ ...a, name: staffName.get(a.staff) ?? a.staff, role: ROLE_ZH[a.role] ?? a.role, activity: ACTIVITY_ZH[a.activity] ?? a.activity, point: a.point ? (pointName.get(a.point) ?? a.point) : "", start: wallClock(a.start), end: wallClock(a.end) })),
  );
  sheet(
    "采样台 Desks",
    [["point", "采样点 Point", 14], ["desk", "台 Desk", 7], ["start", "开放 Open", 8], ["end", "关闭 Close", 8]],
    plan.desks.flatMap((d) => d.open.map((o) => ({ point: pointName.get(d.point) ?? d.point, desk: d.desk, start: wallClock(o.start), end: wallClock(o.end) }))),
  );
  const buildingName = new Map(scenario.buildings.map((b) => [b.id, b.name]));
  sheet(
    "呼叫 Call-ups",
    [["building", "楼栋 Building", 12], ["point", "采样点 Point", 14], ["start", "开始 Start", 8], ["end", "结束 End", 8], ["residents", "人数 Residents", 10], ["reroutedFrom", "改派自 Rerouted from", 16]],
    plan.callups.map((c) => ({ ...c, building: buildingName.get(c.building) ?? c.building, point: pointName.get(c.point) ?? c.point, start: wallClock(c.start), end: wallClock(c.end), reroutedFrom: c.reroutedFrom ? (pointName.get(c.reroutedFrom) ?? c.reroutedFrom) : "" })),
  );
  sheet(
    "排队预测 Forecast",
    [["point", "采样点 Point", 14], ["at", "时间 At", 8], ["arrivalsPerHour", "到达/时 Arrivals/h", 12], ["capacityPerHour", "能力/时 Capacity/h", 12], ["queueLength", "排队 Line", 8], ["waitMinutes", "等待分钟 Wait min", 10]],
    plan.forecast.map((f) => ({ ...f, point: pointName.get(f.point) ?? f.point, at: wallClock(f.at), queueLength: Math.round(f.queueLength), waitMinutes: Math.round(f.waitMinutes * 10) / 10 })),
  );
  sheet(
    "缺口 Gaps",
    [["point", "采样点 Point", 14], ["desk", "台 Desk", 7], ["role", "角色 Role", 10], ["start", "开始 Start", 8], ["end", "结束 End", 8], ["reason", "原因 Reason", 60]],
    plan.gaps.map((g) => ({ ...g, point: pointName.get(g.point) ?? g.point, role: ROLE_ZH[g.role] ?? g.role, start: wallClock(g.start), end: wallClock(g.end) })),
  );
  sheet(
    "热强度 Heat",
    [["start", "时间 Hour", 8], ["tempC", "气温 °C", 8], ["humidity", "湿度 %", 8], ["wbgt", "WBGT °C", 8], ["open", "露天等级 Open", 10], ["shade", "遮阳等级 Shade", 10]],
    plan.heat.map((h) => ({ start: wallClock(h.start), tempC: h.tempC, humidity: h.humidity, wbgt: Math.round(h.wbgt * 10) / 10, open: h.category.open, shade: h.category.shade })),
  );
  return book;
}

/** One person's assignments as calendar events; rest and meals too, so the phone shows the breaks. */
export function staffCalendar(plan: Plan, scenario: Scenario, staff: string): string {
  const pointName = new Map(scenario.points.map((p) => [p.id, p.name]));
  const calendar = ical({ name: `${scenario.site.name} · ${scenario.staff.find((s) => s.id === staff)?.name ?? staff}`, prodId: { company: "tenfold", product: "tenfold", language: "ZH" } });
  for (const a of plan.assignments.filter((x) => x.staff === staff).sort((x, y) => x.start.localeCompare(y.start))) {
    const where = a.point ? `${pointName.get(a.point) ?? a.point}${a.desk ? ` 第${a.desk}台` : ""}` : scenario.site.name;
    calendar.createEvent({
      id: `${scenario.site.id}-${a.id}@tenfold`,
      start: new Date(a.start),
      end: new Date(a.end),
      summary: `${ACTIVITY_ZH[a.activity] ?? a.activity} · ${ROLE_ZH[a.role] ?? a.role}${a.activity === "desk" ? ` · ${where}` : ""}`,
      location: where,
      description: `${a.activity} ${a.role} ${a.id}`,
    });
  }
  return calendar.toString();
}
