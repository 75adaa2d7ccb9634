// The plan's heat table on the lead's page (docs/api.md "Plan": `heat`): one row an hour with the
// sun and the WBGT in the open and in shade, one cell per point with its band and the sampler's
// allowance, shaded as the timelines are.
import type { Allowance, Plan } from "../../shared/plan/types.ts";
import { h } from "../common/dom.ts";
import { clock } from "../common/time.ts";
import { t } from "../i18n/index.ts";
import { bandLevel, HEAT_FILL } from "./timeline.ts";

/**
 * An allowance in a few characters: "45/15", "∞" (no limit) or "stop".
 * @example allowanceText({ work: 30, rest: 30 }) // "30/30"
 */
export function allowanceText(a: Allowance | undefined): string {
  if (a === undefined) return "";
  if (a === "unlimited") return "∞";
  if (a === "stop") return t("lead.heatStop");
  return `${a.work}/${a.rest}`;
}

/** The heat table: hours down, points across. */
export function heatTable(plan: Pick<Plan, "heat">, pointName: (id: string) => string, timezone: string): HTMLElement {
  const points = plan.heat.length ? Object.keys(plan.heat[0].points) : [];
  const role = plan.heat[0] && Object.keys(Object.values(plan.heat[0].points)[0]?.allowance ?? {})[0];
  return h(
    "div",
    { class: "heat-table-wrap" },
    h(
      "table",
      { class: "heat-table", id: "heat-table" },
      h("thead", {}, h("tr", {},
        h("th", {}, t("lead.heatHour")), h("th", {}, "°C"), h("th", {}, t("lead.heatSun")), h("th", {}, t("lead.heatOpen")), h("th", {}, t("lead.heatShade")),
        ...points.map((p) => h("th", {}, pointName(p))),
      )),
      h("tbody", {}, ...plan.heat.map((hour) => h("tr", {},
        h("td", {}, clock(hour.start, timezone)),
        h("td", {}, String(hour.tempC)),
        h("td", {}, hour.sunElevationDeg === null ? "—" : `${hour.sunElevationDeg > 0 ? "☀ " : ""}${hour.sunElevationDeg}°`),
        h("td", {}, String(hour.wbgt.open)),
        h("td", {}, String(hour.wbgt.shade)),
        ...points.map((p) => {
          const e = hour.points[p];
          const level = bandLevel(e.band);
          return h("td", { class: `band cat-${level}`, style: `background:${HEAT_FILL[level]}`, title: `${e.garment} +${e.clothingAdjustmentC} °C` },
            `${e.effectiveWbgt} · ${e.band} · ${allowanceText(role ? e.allowance[role as keyof typeof e.allowance] : undefined)}`);
        }),
      ))),
    ),
    h("p", { class: "fine" }, t("lead.heatKey", { source: plan.heat[0]?.source ?? "", role: role ? t(`role.${role}` as Parameters<typeof t>[0]) : "" })),
  );
}
