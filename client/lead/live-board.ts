// The lead's day-of screen (docs/api.md C5–C7): points now, tubes on the way and their ages, alerts
// (kept and live), swaps waiting for approval as they are pushed, and re-test lists.
import { api } from "../common/api.ts";
import { h, replace } from "../common/dom.ts";
import { clock } from "../common/time.ts";
import { statusClass, statusKey } from "../common/status.ts";
import type { AlertEvent, Retest, Swap } from "../common/contract.ts";
import type { KnownPoint } from "../common/queue-feed.ts";
import { language, t, type MessageKey } from "../i18n/index.ts";
import { renderTubeAges } from "./tube-ages.ts";
import { ALERT_KIND_NAMES, alertMessage, isAlertText } from "../../shared/live/alert-texts.ts";

export interface LiveScreen {
  site: string;
  token: string;
  timezone: string;
  points: Map<string, KnownPoint>;
  alerts: AlertEvent[];
  /** The site's swaps as last fetched and pushed, by id. */
  swaps: Swap[];
  staffName: (id: string) => string;
  pointName: (id: string) => string;
}


export function renderLive(host: HTMLElement, screen: LiveScreen): void {
  const base = `/api/v1/sites/${encodeURIComponent(screen.site)}`;
  const swapsHost = h("div", { id: "swaps" });
  const tubesHost = h("div", { id: "tubes" });
  const retestHost = h("div", { id: "retests" }, t("app.loading"));

  // A swap waits for the lead once the colleague has accepted it (C5); each step arrives as a push.
  const decide = (id: string, verdict: "approve" | "reject", row: HTMLElement) => async () => {
    try {
      await api(`${base}/swaps/${encodeURIComponent(id)}/${verdict}`, { body: {}, token: screen.token });
      replace(row, `${id}: ${t(verdict === "approve" ? "swap.approved" : "swap.rejected")}`);
    } catch (err) {
      replace(row, h("span", { class: "err" }, t("app.error", { message: (err as Error).message })));
    }
  };
  const drawSwaps = () => {
    const open = screen.swaps.filter((s) => s.state === "accepted" || s.state === "proposed");
    replace(
      swapsHost,
      open.length
        ? h(
            "ul",
            {},
            ...open.map((s) => {
              const when = s.shift ? ` ${clock(s.shift.start, screen.timezone)}–${clock(s.shift.end, screen.timezone)}${s.shift.point ? ` ${t("where.desk", { point: screen.pointName(s.shift.point), desk: s.shift.desk ?? "" })}` : ""}` : "";
              const row = h("li", { "data-swap": s.id, class: `swap-${s.state}` }, `${s.fromName ?? screen.staffName(s.from)} → ${s.toName ?? screen.staffName(s.to)} · ${s.assignment}${when} · ${t(`swap.${s.state}` as MessageKey)} `);
              if (s.state === "accepted")
                row.append(h("button", { type: "button", class: "primary", onclick: decide(s.id, "approve", row) }, t("lead.approve")), " ", h("button", { type: "button", onclick: decide(s.id, "reject", row) }, t("lead.reject")));
              return row;
            }),
          )
        : h("p", {}, t("lead.noSwaps")),
    );
  };
  // A positive pool's residents, grouped by tube: each re-swabbed alone, at home, by the grid's group.
  const loadRetests = async () => {
    try {
      const { retests } = await api<{ retests: Retest[] }>(`${base}/retests`, { token: screen.token });
      const byTube = new Map<string, Retest[]>();
      for (const r of retests) byTube.set(r.tube, [...(byTube.get(r.tube) ?? []), r]);
      replace(
        retestHost,
        byTube.size
          ? h(
              "ul",
              { class: "retests" },
              ...[...byTube].map(([tube, people]) =>
                h("li", { "data-tube": tube }, h("b", {}, tube), ` · ${screen.pointName(people[0].point)} · ${people[0].team} · ${t("lead.retestHow")}: `, people.map((p) => p.resident).join("、")),
              ),
            )
          : h("p", {}, t("lead.noRetests")),
      );
    } catch (err) {
      replace(retestHost, h("p", { class: "err" }, t("app.error", { message: (err as Error).message })));
    }
  };

  const points = [...screen.points.values()];
  replace(
    host,
    h("h2", {}, t("lead.liveBoard")),
    h(
      "table",
      { class: "board", id: "live-board" },
      ...points.map((p) =>
        h("tr", { class: statusClass(p.status), "data-point": p.point }, h("td", {}, p.name), h("td", {}, h("span", { class: "badge" }, t(statusKey(p.status)))), h("td", {}, t("resident.waiting", { n: p.length })), h("td", {}, t("resident.wait", { n: Math.ceil(p.waitMinutes) })), h("td", {}, t("resident.desks", { n: p.desksOpen })), h("td", { class: "fine" }, p.updatedAt ? clock(p.updatedAt, screen.timezone) : "")),
      ),
    ),
    h("h2", {}, t("lead.tubes")),
    tubesHost,
    h("h2", {}, t("lead.alerts")),
    h(
      "ul",
      { class: "alerts", id: "alerts" },
      ...(screen.alerts.length ? screen.alerts.slice(-100).reverse().map((a) => h("li", { class: `alert-${a.kind}`, "data-seq": a.seq ?? "" }, h("span", { class: "fine" }, clock(a.at, screen.timezone)), " ", h("b", {}, alertKindName(a)), " ", alertTextOf(a))) : [h("li", {}, t("lead.noAlerts"))]),
    ),
    h("h2", {}, t("lead.swaps")),
    swapsHost,
    h("h2", {}, t("lead.retests"), " ", h("button", { type: "button", onclick: () => void loadRetests() }, t("lead.refresh"))),
    retestHost,
  );
  drawSwaps();
  renderTubeAges(tubesHost, screen);
  void loadRetests();
}

/** An alert's kind in the reader's language. */
function alertKindName(a: AlertEvent): string {
  return ALERT_KIND_NAMES[a.kind]?.[language()] ?? a.kind;
}

/** An alert's text in the reader's language, from the shared table; an alert without one keeps its message. */
function alertTextOf(a: AlertEvent): string {
  return isAlertText(a.text) && a.params ? alertMessage(a.text, a.params as never, language()) : a.message;
}
