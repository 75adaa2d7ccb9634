// The plan in force as an Excel workbook for the lead (docs/api.md C9 and "Exports"): one sheet
// per part of the plan, headers in Chinese and English, times as the site's wall clock.
import ExcelJS from "exceljs";
import type { Plan } from "../../shared/plan/types.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { wallClock } from "../../shared/time.ts";
import { ACTIVITY_ZH, ROLE_ZH } from "./labels.ts";

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
    plan.gaps.map((g) => ({ ...g, desk: g.desk ?? "", point: pointName.get(g.point) ?? g.point, role: ROLE_ZH[g.role] ?? g.role, start: wallClock(g.start), end: wallClock(g.end) })),
  );
  sheet(
    "热强度 Heat",
    [["start", "时间 Hour", 8], ["point", "采样点 Point", 14], ["tempC", "气温 °C", 8], ["humidity", "湿度 %", 8], ["sun", "太阳高度 Sun °", 10], ["wbgt", "WBGT °C", 8], ["effective", "有效 WBGT Effective", 12], ["band", "等级 Band", 8], ["sampler", "采样 Sampler", 12]],
    plan.heat.flatMap((h) => Object.entries(h.points).map(([point, e]) => ({
      start: wallClock(h.start), point: pointName.get(point) ?? point, tempC: h.tempC, humidity: h.humidity,
      sun: h.sunElevationDeg ?? "", wbgt: e.wbgt, effective: e.effectiveWbgt, band: e.band,
      sampler: typeof e.allowance.sampler === "object" ? `${e.allowance.sampler.work}/${e.allowance.sampler.rest}` : e.allowance.sampler ?? "",
    }))),
  );
  return book;
}

