// The queue forecast of one point as a small inline SVG chart (docs/api.md C2, C9): the predicted
// wait through the day against the target, and the line length shaded behind.
import type { ForecastSlot } from "../../shared/plan/types.ts";
import { h, svg } from "../common/dom.ts";
import { clock } from "../common/time.ts";
import { t } from "../i18n/index.ts";

const W = 560;
const H = 180;
const PAD = { l: 34, r: 40, t: 10, b: 22 };

/**
 * An SVG polyline path through (x, y) points.
 * @example pathOf([[0, 1], [2, 3]]) // "M0.0,1.0L2.0,3.0"
 */
export function pathOf(points: [number, number][]): string {
  return points.map(([x, y], i) => `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`).join("");
}

export function forecastChart(name: string, slots: ForecastSlot[], targetMinutes: number, timezone: string): HTMLElement {
  const sorted = [...slots].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const times = sorted.map((s) => Date.parse(s.at));
  const from = times[0] ?? 0;
  const to = Math.max(from + 1, times[times.length - 1] ?? 1);
  const maxWait = Math.max(targetMinutes * 1.2, ...sorted.map((s) => s.waitMinutes));
  const maxLine = Math.max(1, ...sorted.map((s) => s.queueLength));
  const x = (ms: number) => PAD.l + ((ms - from) / (to - from)) * (W - PAD.l - PAD.r);
  const yWait = (m: number) => H - PAD.b - (m / maxWait) * (H - PAD.t - PAD.b);
  const yLine = (n: number) => H - PAD.b - (n / maxLine) * (H - PAD.t - PAD.b);
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "forecast", role: "img", "aria-label": `${t("lead.forecast")} ${name}` });
  if (sorted.length) {
    const area = [[x(from), yLine(0)] as [number, number], ...sorted.map((s, i) => [x(times[i]), yLine(s.queueLength)] as [number, number]), [x(to), yLine(0)] as [number, number]];
    chart.appendChild(svg("path", { d: `${pathOf(area)}Z`, class: "line-area" }));
    chart.appendChild(svg("path", { d: pathOf(sorted.map((s, i) => [x(times[i]), yWait(s.waitMinutes)])), class: "wait-line" }));
  }
  chart.appendChild(svg("line", { x1: PAD.l, x2: W - PAD.r, y1: yWait(targetMinutes), y2: yWait(targetMinutes), class: "target" }));
  chart.appendChild(svg("text", { x: W - PAD.r + 2, y: yWait(targetMinutes) + 4, class: "axis" }, `${targetMinutes}′`));
  for (const m of [0, Math.round(maxWait / 2), Math.round(maxWait)]) chart.appendChild(svg("text", { x: 2, y: yWait(m) + 4, class: "axis" }, `${m}′`));
  chart.appendChild(svg("text", { x: W - PAD.r + 2, y: PAD.t + 8, class: "axis line-label" }, `${Math.round(maxLine)}`));
  const hour = 3600000;
  for (let at = Math.ceil(from / hour) * hour; at <= to; at += 2 * hour) chart.appendChild(svg("text", { x: x(at) - 14, y: H - 6, class: "axis" }, clock(at, timezone)));
  return h(
    "figure",
    { class: "card chart" },
    h("figcaption", {}, name, " · ", h("span", { class: "fine" }, `${t("lead.forecastWait")} — ${t("lead.target", { n: targetMinutes })}`)),
    chart,
  );
}
