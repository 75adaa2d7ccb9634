// Getting the plan out (docs/api.md C9): the plan as Excel, a calendar file per person, and a
// printable shift sheet (the page's print stylesheet shows only the sheet).
import type { Assignment } from "../../shared/plan/types.ts";
import { download } from "../common/api.ts";
import { h, replace } from "../common/dom.ts";
import { clock } from "../common/time.ts";
import { t, type MessageKey } from "../i18n/index.ts";
import type { StoredPlan } from "./plan-view.ts";

export interface ExportScreen {
  site: string;
  siteName: string;
  token: string;
  timezone: string;
  plan?: StoredPlan;
  staffName: (id: string) => string;
  pointName: (id: string) => string;
}

export function renderExports(host: HTMLElement, screen: ExportScreen): void {
  const base = `/api/v1/sites/${encodeURIComponent(screen.site)}`;
  const plan = screen.plan;
  if (!plan) return replace(host, h("p", { class: "card" }, t("lead.noPlan")));
  const people = [...new Set(plan.assignments.map((a) => a.staff))].sort();
  replace(
    host,
    h(
      "div",
      { class: "tools no-print" },
      h("button", { type: "button", id: "export-xlsx", onclick: () => void download(`${base}/plans/current.xlsx`, screen.token, `${screen.site}-plan.xlsx`).catch((e: Error) => alert(e.message)) }, t("lead.exportXlsx")),
      h("button", { type: "button", id: "print-sheet", onclick: () => print() }, t("lead.print")),
    ),
    h("h3", { class: "no-print" }, t("lead.exportIcs")),
    h(
      "ul",
      { class: "ics no-print" },
      // Downloaded with the sign-in token in the header; a calendar app subscribes with the person's own link (…/calendar-link).
      ...people.map((p) => h("li", {}, h("a", { href: "#", onclick: (e: Event) => { e.preventDefault(); void download(`${base}/staff/${encodeURIComponent(p)}/calendar.ics`, screen.token, `${p}.ics`).catch((err: Error) => alert(err.message)); } }, `${screen.staffName(p)} (${p})`))),
    ),
    shiftSheet(plan, people, screen),
  );
}

function shiftSheet(plan: StoredPlan, people: string[], screen: ExportScreen): HTMLElement {
  const describe = (a: Assignment) => (a.activity === "desk" && a.point ? t("where.desk", { point: screen.pointName(a.point), desk: a.desk ?? "" }) : t(`activity.${a.activity}` as MessageKey));
  return h(
    "section",
    { class: "sheet", id: "shift-sheet" },
    h("h2", {}, t("lead.shiftSheet"), " · ", screen.siteName),
    ...people.map((p) =>
      h(
        "table",
        { class: "person" },
        h("caption", {}, `${screen.staffName(p)} (${p})`),
        ...plan.assignments
          .filter((a) => a.staff === p)
          .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
          .map((a) => h("tr", { class: `act-${a.activity}` }, h("td", {}, `${clock(a.start, screen.timezone)}–${clock(a.end, screen.timezone)}`), h("td", {}, t(`role.${a.role}` as MessageKey)), h("td", {}, describe(a)))),
      ),
    ),
  );
}
