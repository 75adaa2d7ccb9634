// A staff member's day at a glance (docs/api.md C8): what now, what next with a countdown, the heat
// band of this hour at this point (with the allowance for the role) and how much to drink, and the breaks.
import type { Assignment, HeatCategory, HeatHour, PointHeat } from "../../shared/plan/types.ts";
import { heatCategory } from "../../shared/heat/category.ts";
import type { DirectoryPoint } from "../common/directory.ts";
import { h, replace } from "../common/dom.ts";
import { clock, countdown } from "../common/time.ts";
import { t, type MessageKey } from "../i18n/index.ts";
import { drinkingAdvice } from "../../shared/heat/drink.ts";
import { DEFAULT_RULES } from "../../shared/scenario/rules.ts";
import type { Role, Workload } from "../../shared/scenario/schema.ts";
import { isWithin } from "../../shared/time.ts";

export interface RotationView {
  assignments: Assignment[];
  heat: HeatHour[];
  points: DirectoryPoint[];
  /** The site's workload per role (its rules); the defaults when the directory has none. */
  workload?: Partial<Record<Role, Workload>>;
  timezone: string;
  now: number;
  published: boolean;
}

/** The assignment running at `now` and the first one after it. */
export function nowAndNext(assignments: Assignment[], now: number): { current?: Assignment; next?: Assignment } {
  const sorted = [...assignments].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const current = sorted.find((a) => isWithin(now, a));
  const next = sorted.find((a) => Date.parse(a.start) > now);
  return { current, next };
}

/** The heat table's entry for a point at an instant: its band, effective WBGT and allowances. */
export function heatAt(heat: HeatHour[], point: string | undefined, at: number): PointHeat | undefined {
  const hour = heat.find((x) => isWithin(at, x));
  if (!hour || !point) return undefined;
  return hour.points[point];
}

/**
 * The TB MED 507 category of a point's effective WBGT, which the drinking table is indexed by.
 * @example categoryAt(plan.heat, "north-gate", Date.parse("2021-08-03T13:10:00+08:00")) // 5
 */
export function categoryAt(heat: HeatHour[], point: string | undefined, at: number): HeatCategory | undefined {
  const e = heatAt(heat, point, at);
  return e ? heatCategory(e.effectiveWbgt) : undefined;
}

export function describe(a: Assignment, points: DirectoryPoint[]): string {
  const activity = t(`activity.${a.activity}` as MessageKey);
  const role = t(`role.${a.role}` as MessageKey);
  if (a.activity === "desk" && a.point) {
    const point = points.find((p) => p.id === a.point)?.name ?? a.point;
    return `${role} · ${t("where.desk", { point, desk: a.desk ?? "" })}`;
  }
  return `${activity} · ${role}`;
}

export function renderRotation(host: HTMLElement, view: RotationView): void {
  if (!view.published && !view.assignments.length) return replace(host, h("p", { class: "card" }, t("staff.notPublished")));
  const { current, next } = nowAndNext(view.assignments, view.now);
  const here = heatAt(view.heat, current?.point ?? next?.point, view.now);
  const category = categoryAt(view.heat, current?.point ?? next?.point, view.now);
  const role = (current ?? next)?.role ?? "sampler";
  const allowance = here?.allowance[role];
  // The site's workload for the role (docs/api.md "Defaults"); at a point the heat stops, the
  // person rests, and drinks as for easy work.
  const workload = allowance === "stop" ? "easy" : (view.workload?.[role] ?? DEFAULT_RULES.workload[role]);
  const breaks = view.assignments.filter((a) => a.activity === "rest" || a.activity === "break" || a.activity === "meal");
  replace(
    host,
    h(
      "section",
      { class: `card now act-${current?.activity ?? "none"}`, id: "now" },
      h("h2", {}, t("staff.now")),
      current
        ? [h("p", { class: "what" }, describe(current, view.points)), h("p", { class: "when" }, t("staff.until", { t: clock(current.end, view.timezone) }), " · ", h("b", { class: "countdown", "data-until": current.end }, t("staff.endsIn", { c: countdown(Date.parse(current.end) - view.now) })))]
        : h("p", { class: "what" }, t("staff.offDuty")),
    ),
    h(
      "section",
      { class: "card next", id: "next" },
      h("h2", {}, t("staff.next")),
      next
        ? [h("p", { class: "what" }, describe(next, view.points)), h("p", { class: "when" }, t("staff.startsAt", { t: clock(next.start, view.timezone) }), " · ", h("b", { class: "countdown", "data-until": next.start }, t("staff.startsIn", { c: countdown(Date.parse(next.start) - view.now) })))]
        : h("p", { class: "what" }, t("staff.noMore")),
    ),
    here !== undefined && category !== undefined &&
      h(
        "section",
        { class: `card heat cat-${category} band-${here.band.replace("%", "")}`, id: "heat" },
        h("h2", {}, t("staff.band", { b: here.band })),
        h("p", { class: "allowance" }, t("staff.wbgt", { w: here.effectiveWbgt }), " · ",
          allowance === "stop" ? t("staff.allowStop") : allowance === "unlimited" || allowance === undefined ? t("staff.allowAny") : t("staff.allowWorkRest", { w: allowance.work, r: allowance.rest })),
        h("p", {}, t("staff.drinkFew", { min: drinkingAdvice({ category: category ?? 0, workload }).litresPerHour })),
      ),
    h(
      "section",
      { class: "card", id: "breaks" },
      h("h2", {}, t("staff.breaks")),
      breaks.length
        ? h("ul", {}, ...breaks.map((b) => h("li", {}, `${clock(b.start, view.timezone)}–${clock(b.end, view.timezone)} ${t(`activity.${b.activity}` as MessageKey)}`)))
        : h("p", {}, t("staff.noBreaks")),
    ),
    h(
      "section",
      { class: "card", id: "day" },
      h("h2", {}, t("staff.myDay")),
      !view.assignments.length && h("p", {}, t("app.none")),
      h(
        "ol",
        { class: "day" },
        ...[...view.assignments]
          .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
          .map((a) =>
            h("li", { class: `act-${a.activity}${a === current ? " current" : ""}` }, h("span", { class: "t" }, `${clock(a.start, view.timezone)}–${clock(a.end, view.timezone)}`), " ", describe(a, view.points)),
          ),
      ),
    ),
  );
}

/** Moves each countdown on by one tick without redrawing the page. */
export function tickCountdowns(host: HTMLElement, now: number): void {
  for (const el of host.querySelectorAll<HTMLElement>(".countdown")) {
    const until = Date.parse(el.dataset.until ?? "");
    const key: MessageKey = el.closest("#now") ? "staff.endsIn" : "staff.startsIn";
    el.textContent = t(key, { c: countdown(until - now) });
  }
}
