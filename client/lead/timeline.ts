// The plan as a timeline (docs/api.md C9): one row per desk and one per person, bars coloured by
// role or activity, gaps hatched red, and each hour's heat category shaded behind.
import type { Assignment, HeatCategory, Plan } from "../../shared/plan/types.ts";
import type { Shelter } from "../../shared/scenario/schema.ts";
import { h, svg } from "../common/dom.ts";
import { clock } from "../common/time.ts";
import { t, type MessageKey } from "../i18n/index.ts";

export interface TimelineContext {
  timezone: string;
  pointName: (id: string) => string;
  shelter: (id: string) => Shelter;
  staffName: (id: string) => string;
}

const LABEL = 150;
const WIDTH = 1200;
const ROW = 20;
const AXIS = 22;

export const HEAT_FILL: Record<HeatCategory, string> = { 0: "#ffffff", 1: "#fff6d5", 2: "#ffeaa6", 3: "#ffd58c", 4: "#ffb98f", 5: "#ff9d94" };

interface Bar {
  start: string;
  end: string;
  cls: string;
  title: string;
  text?: string;
  /** Which of the row's lanes the bar sits in: a desk row has one lane per role (sampler, registrar…). */
  lane?: number;
}

interface Row {
  label: string;
  shelter: Shelter | "none";
  /** The point a desk row belongs to (people rows: none, shaded by the strictest point). */
  point?: string;
  lanes: number;
  bars: Bar[];
}

/** The first and last minute the plan covers, in ms. */
export function planSpan(plan: Plan): { from: number; to: number } {
  const times = [...plan.desks.flatMap((d) => d.open), ...plan.assignments, ...plan.callups].flatMap((s) => [Date.parse(s.start), Date.parse(s.end)]);
  if (!times.length) return { from: 0, to: 1 };
  const hour = 3600000;
  return { from: Math.floor(Math.min(...times) / hour) * hour, to: Math.ceil(Math.max(...times) / hour) * hour };
}

function deskRows(plan: Plan, ctx: TimelineContext): Row[] {
  return plan.desks.map((d) => {
    const work = plan.assignments.filter((a) => a.activity === "desk" && a.point === d.point && a.desk === d.desk);
    const gaps = plan.gaps.filter((g) => g.point === d.point && g.desk === d.desk);
    const roles = [...new Set([...work.map((a) => a.role), ...gaps.map((g) => g.role)])].sort();
    return {
      label: t("where.desk", { point: ctx.pointName(d.point), desk: d.desk }),
      shelter: ctx.shelter(d.point),
      point: d.point,
      lanes: Math.max(1, roles.length),
      bars: [
        ...d.open.map((o) => ({ ...o, cls: "open", title: "" })),
        ...work.map((a) => ({ start: a.start, end: a.end, lane: roles.indexOf(a.role), cls: `role-${a.role}`, title: `${ctx.staffName(a.staff)} · ${t(`role.${a.role}` as MessageKey)} ${clock(a.start, ctx.timezone)}–${clock(a.end, ctx.timezone)}`, text: ctx.staffName(a.staff) })),
        ...gaps.map((g) => ({ start: g.start, end: g.end, lane: roles.indexOf(g.role), cls: "gap", title: `${t(`role.${g.role}` as MessageKey)}: ${g.reason}` })),
      ],
    };
  });
}

function personRows(plan: Plan, ctx: TimelineContext): Row[] {
  const byStaff = new Map<string, Assignment[]>();
  for (const a of plan.assignments) byStaff.set(a.staff, [...(byStaff.get(a.staff) ?? []), a]);
  return [...byStaff.keys()].sort().map((staff) => ({
    label: ctx.staffName(staff),
    shelter: "none" as const,
    lanes: 1,
    bars: byStaff.get(staff)!.map((a) => ({
      start: a.start,
      end: a.end,
      cls: `act-${a.activity}`,
      title: `${t(`activity.${a.activity}` as MessageKey)} ${a.point ? ctx.pointName(a.point) : ""}${a.desk ? ` #${a.desk}` : ""} ${clock(a.start, ctx.timezone)}–${clock(a.end, ctx.timezone)}`,
      text: a.activity === "desk" && a.point ? `${ctx.pointName(a.point)} ${a.desk}` : undefined,
    })),
  }));
}

/** The timeline of desks ("desks") or of people ("people") as inline SVG. */
export function timeline(plan: Plan, ctx: TimelineContext, kind: "desks" | "people"): HTMLElement {
  const rows = kind === "desks" ? deskRows(plan, ctx) : personRows(plan, ctx);
  const { from, to } = planSpan(plan);
  const x = (iso: string | number) => LABEL + ((Date.parse(String(iso)) || Number(iso)) - from) / (to - from) * (WIDTH - LABEL);
  const heights = rows.map((r) => ROW * (r.lanes > 1 ? 0.9 * r.lanes : 1));
  const tops = heights.map((_, i) => AXIS + heights.slice(0, i).reduce((a, b) => a + b, 0));
  const height = AXIS + heights.reduce((a, b) => a + b, 0) + 4;
  const chart = svg("svg", { viewBox: `0 0 ${WIDTH} ${height}`, class: `timeline tl-${kind}`, role: "img", "aria-label": t(kind === "desks" ? "lead.timelineDesks" : "lead.timelinePeople") });

  // Heat behind: each hour's band at the row's point (people: the strictest point, the worst case).
  rows.forEach((row, i) => {
    for (const hour of plan.heat) {
      const entries = row.point ? [hour.points[row.point]].filter(Boolean) : Object.values(hour.points);
      const band = entries.map((e) => e.band).sort((a, b) => bandLevel(b) - bandLevel(a))[0];
      const level = band === undefined ? 0 : bandLevel(band);
      if (!level) continue;
      chart.appendChild(svg("rect", { x: x(hour.start), y: tops[i], width: Math.max(0, x(hour.end) - x(hour.start)), height: heights[i], fill: HEAT_FILL[level], class: `heat cat-${level}` }, svg("title", {}, t("staff.band", { b: band! }))));
    }
  });
  for (let at = from; at <= to; at += 3600000) {
    chart.appendChild(svg("line", { x1: x(at), x2: x(at), y1: AXIS - 4, y2: height, class: "tick" }));
    if (at < to) chart.appendChild(svg("text", { x: x(at) + 2, y: AXIS - 8, class: "hour" }, clock(at, ctx.timezone)));
  }
  rows.forEach((row, i) => {
    const y = tops[i];
    const laneHeight = heights[i] / row.lanes;
    chart.appendChild(svg("line", { x1: 0, x2: WIDTH, y1: y + heights[i], y2: y + heights[i], class: "row-rule" }));
    chart.appendChild(svg("text", { x: 4, y: y + heights[i] / 2 + 4, class: "row-label" }, row.label));
    for (const bar of row.bars) {
      const bx = x(bar.start);
      const w = Math.max(1, x(bar.end) - bx);
      const open = bar.cls === "open";
      const by = open ? y + 1 : y + (bar.lane ?? 0) * laneHeight + 2;
      const bh = open ? heights[i] - 2 : laneHeight - 4;
      const g = svg("g", { class: `bar ${bar.cls}` }, svg("rect", { x: bx, y: by, width: w, height: bh, rx: 2 }));
      if (bar.title) g.appendChild(svg("title", {}, bar.title));
      if (bar.text && w > bar.text.length * 7 + 4 && bh >= 11) g.appendChild(svg("text", { x: bx + 3, y: by + bh / 2 + 3.5 }, bar.text));
      chart.appendChild(g);
    }
  });
  return h("div", { class: "timeline-wrap" }, chart);
}

/** The colour key under the timelines. */
export function timelineLegend(): HTMLElement {
  const swatch = (cls: string, label: string) => h("span", { class: `key ${cls}` }, h("i", {}), label);
  return h(
    "p",
    { class: "legend" },
    swatch("role-sampler", t("role.sampler")),
    swatch("role-registrar", t("role.registrar")),
    swatch("act-standby", t("activity.standby")),
    swatch("act-rest", t("activity.rest")),
    swatch("act-meal", t("activity.meal")),
    swatch("gap", t("lead.gaps")),
    ...(["75%", "50%", "25%", "stop"] as const).map((b) => h("span", { class: "key", style: `--c:${HEAT_FILL[bandLevel(b)]}` }, h("i", { class: "heat-key" }), t("staff.band", { b }))),
    h("span", { class: "fine" }, t("lead.heatBehind")),
  );
}

/**
 * A heat band as a shade level 0–5: GBZ 2.2 "100%" 0, "75%" 2, "50%" 3, "25%" 4, "stop" 5; a TB MED 507
 * category as itself.
 * @example bandLevel("stop") // 5
 */
export function bandLevel(band: string): HeatCategory {
  const gbz: Record<string, HeatCategory> = { "100%": 0, "75%": 2, "50%": 3, "25%": 4, stop: 5 };
  if (band in gbz) return gbz[band];
  const n = Number(band);
  return (n >= 0 && n <= 5 ? Math.round(n) : 0) as HeatCategory;
}
