// The lead's plan screen: build, look (summary, timelines, forecast, gaps and what would close
// them), then publish (docs/api.md C1–C4, C9).
import type { Plan } from "../../shared/plan/types.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { api, ApiError } from "../common/api.ts";
import { h, replace } from "../common/dom.ts";
import { clock } from "../common/time.ts";
import { t, type MessageKey } from "../i18n/index.ts";
import { timeline, timelineLegend, type TimelineContext } from "./timeline.ts";
import { heatTable } from "./heat-table.ts";
import { forecastChart } from "./forecast-chart.ts";

export type StoredPlan = Plan & { id: string; site?: string; publishedAt?: string | null };

export interface PlanScreen {
  site: string;
  token: string;
  scenario?: Scenario;
  timezone: string;
  plan?: StoredPlan;
  onPlan: (plan: StoredPlan) => void;
}

export function timelineContext(screen: PlanScreen): TimelineContext {
  const points = screen.scenario?.points ?? [];
  const staff = screen.scenario?.staff ?? [];
  return {
    timezone: screen.timezone,
    pointName: (id) => points.find((p) => p.id === id)?.name ?? id,
    shelter: (id) => points.find((p) => p.id === id)?.shelter ?? "open",
    staffName: (id) => staff.find((s) => s.id === id)?.name ?? id,
  };
}

export function renderPlan(host: HTMLElement, screen: PlanScreen): void {
  const status = h("p", { class: "result", role: "status", id: "plan-status" });
  const base = `/api/v1/sites/${encodeURIComponent(screen.site)}/plans`;
  // The planner runs in a worker thread on the server (a district takes up to a minute): the page
  // shows the time so far, and when the server is busy (503) it waits as told and tries again.
  const build = async () => {
    const started = Date.now();
    const tick = () => (status.textContent = t("lead.planning", { seconds: Math.round((Date.now() - started) / 1000) }));
    tick();
    status.className = "result";
    const timer = setInterval(tick, 1000);
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          screen.onPlan(await api<StoredPlan>(base, { body: {}, token: screen.token }));
          return;
        } catch (err) {
          if (!(err instanceof ApiError) || err.code !== "WORKERS_BUSY" || attempt >= 5) throw err;
          const wait = 5 * (attempt + 1);
          status.textContent = t("lead.plannerBusy", { seconds: wait });
          await new Promise((resolve) => setTimeout(resolve, wait * 1000));
        }
      }
    } catch (err) {
      status.textContent = t("app.error", { message: (err as Error).message });
      status.className = "result err";
    } finally {
      clearInterval(timer);
    }
  };
  const publish = async () => {
    if (!screen.plan) return;
    try {
      await api(`${base}/${encodeURIComponent(screen.plan.id)}/publish`, { body: {}, token: screen.token });
      screen.onPlan({ ...screen.plan, publishedAt: new Date().toISOString() });
    } catch (err) {
      status.textContent = t("app.error", { message: (err as Error).message });
      status.className = "result err";
    }
  };
  const plan = screen.plan;
  replace(
    host,
    h(
      "div",
      { class: "tools" },
      h("button", { type: "button", class: "primary", id: "build-plan", onclick: () => void build() }, t("lead.buildPlan")),
      plan && h("button", { type: "button", id: "publish-plan", disabled: Boolean(plan.publishedAt), onclick: () => void publish() }, t("lead.publish")),
      plan?.publishedAt && h("span", { class: "ok", id: "published" }, t("lead.published")),
      plan && h("span", { class: "fine" }, plan.id),
    ),
    status,
    plan ? planBody(plan, screen) : h("p", { class: "card" }, t("lead.noPlan")),
  );
}

function planBody(plan: StoredPlan, screen: PlanScreen): HTMLElement {
  const ctx = timelineContext(screen);
  const s = plan.summary;
  const target = screen.scenario?.targets.maxWaitMinutes ?? 25;
  const points = [...new Set(plan.forecast.map((f) => f.point))];
  return h(
    "div",
    { class: "plan" },
    h(
      "p",
      { class: "card summary", id: "plan-summary" },
      t("lead.summary", { residents: s.residents, swabs: s.expectedSwabs, tubes: s.expectedTubes, wait: Math.round(s.maxWaitMinutes), staff: s.staffUsed, coverage: `${Math.round(s.coverage * 100)}%` }),
      plan.dayRule && h("span", { class: "fine" }, " · ", t("lead.dayRule", { t: plan.dayRule.maxTempC, band: plan.dayRule.band })),
    ),
    gapsCard(plan, screen),
    h("h2", {}, t("lead.timelineDesks")),
    timelineLegend(),
    timeline(plan, ctx, "desks"),
    h("h2", {}, t("lead.timelinePeople")),
    timeline(plan, ctx, "people"),
    h("h2", {}, t("lead.heatTable")),
    heatTable(plan, ctx.pointName, screen.timezone),
    h("h2", {}, t("lead.forecast")),
    h("div", { class: "charts" }, ...points.map((p) => forecastChart(ctx.pointName(p), plan.forecast.filter((f) => f.point === p), target, screen.timezone))),
  );
}

function gapsCard(plan: StoredPlan, screen: PlanScreen): HTMLElement {
  const ctx = timelineContext(screen);
  const shortfall = Array.isArray(plan.shortfall) ? (plan.shortfall as { message?: string; point?: string }[]) : [];
  const needed = plan.staffShort as Partial<Record<string, number>> | undefined;
  return h(
    "section",
    { class: "card gaps", id: "gaps" },
    h("h3", {}, t("lead.gaps"), ` (${plan.gaps.length})`),
    plan.gaps.length
      ? h(
          "ul",
          {},
          ...plan.gaps.slice(0, 50).map((g) =>
            h("li", {}, t("lead.gapLine", { where: g.desk === undefined ? ctx.pointName(g.point) : t("where.desk", { point: ctx.pointName(g.point), desk: g.desk }), role: t(`role.${g.role}` as MessageKey), start: clock(g.start, screen.timezone), end: clock(g.end, screen.timezone), reason: g.reason })),
          ),
        )
      : h("p", { class: "ok" }, t("lead.noGaps")),
    (shortfall.length > 0 || (needed && Object.values(needed).some((n) => (n ?? 0) > 0))) &&
      h(
        "div",
        { id: "shortfall" },
        h("h3", {}, t("lead.shortfall")),
        h(
          "ul",
          {},
          ...shortfall.map((f) => h("li", {}, f.message ?? JSON.stringify(f))),
          ...Object.entries(needed ?? {})
            .filter(([, n]) => (n ?? 0) > 0)
            .map(([role, n]) => h("li", {}, `+${n} ${t(`role.${role}` as MessageKey)}`)),
        ),
      ),
  );
}
