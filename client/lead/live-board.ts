// The lead's day-of screen (PRODUCT.md C5–C7): points now, alerts as they come, swaps waiting for
// approval, and re-test lists from positive pools.
import { api } from "../common/api.ts";
import { h, replace } from "../common/dom.ts";
import { clock } from "../common/time.ts";
import { statusClass, statusKey } from "../common/status.ts";
import type { AlertEvent, Swap } from "../common/contract.ts";
import type { KnownPoint } from "../common/queue-feed.ts";
import { t, type MessageKey } from "../i18n/index.ts";

export interface LiveScreen {
  site: string;
  token: string;
  timezone: string;
  points: Map<string, KnownPoint>;
  alerts: AlertEvent[];
  staffName: (id: string) => string;
  pointName: (id: string) => string;
}

/** One resident to re-swab, from `GET …/retests`. */
interface Retest {
  tube: string;
  point: string;
  resident: string;
  team: string;
}

export function renderLive(host: HTMLElement, screen: LiveScreen): void {
  const base = `/api/v1/sites/${encodeURIComponent(screen.site)}`;
  const swapsHost = h("div", { id: "swaps" }, t("app.loading"));
  const retestHost = h("div", { id: "retests" }, t("app.loading"));

  // A swap waits for the lead once the colleague has accepted it (C5); a `swap` alert re-draws this.
  const loadSwaps = async () => {
    try {
      const { swaps } = await api<{ swaps: Swap[] }>(`${base}/swaps`, { token: screen.token });
      const open = swaps.filter((s) => s.state === "accepted" || s.state === "proposed");
      const decide = (id: string, verdict: "approve" | "reject", row: HTMLElement) => async () => {
        try {
          await api(`${base}/swaps/${encodeURIComponent(id)}/${verdict}`, { body: {}, token: screen.token });
          replace(row, `${id}: ${t(verdict === "approve" ? "swap.approved" : "swap.rejected")}`);
        } catch (err) {
          replace(row, h("span", { class: "err" }, t("app.error", { message: (err as Error).message })));
        }
      };
      replace(
        swapsHost,
        open.length
          ? h(
              "ul",
              {},
              ...open.map((s) => {
                const row = h("li", { "data-swap": s.id }, `${screen.staffName(s.from)} → ${screen.staffName(s.to)} · ${s.assignment} · ${t(`swap.${s.state}` as MessageKey)} `);
                if (s.state === "accepted")
                  row.append(h("button", { type: "button", class: "primary", onclick: decide(s.id, "approve", row) }, t("lead.approve")), " ", h("button", { type: "button", onclick: decide(s.id, "reject", row) }, t("lead.reject")));
                return row;
              }),
            )
          : h("p", {}, t("lead.noSwaps")),
      );
    } catch (err) {
      replace(swapsHost, h("p", { class: "err" }, t("app.error", { message: (err as Error).message })));
    }
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
    h("h2", {}, t("lead.alerts")),
    h(
      "ul",
      { class: "alerts", id: "alerts" },
      ...(screen.alerts.length ? screen.alerts.slice(-30).reverse().map((a) => h("li", { class: `alert-${a.kind}` }, h("span", { class: "fine" }, clock(a.at, screen.timezone)), " ", h("b", {}, a.kind), " ", a.message)) : [h("li", {}, t("lead.noAlerts"))]),
    ),
    h("h2", {}, t("lead.swaps"), " ", h("button", { type: "button", onclick: () => void loadSwaps() }, t("lead.refresh"))),
    swapsHost,
    h("h2", {}, t("lead.retests"), " ", h("button", { type: "button", onclick: () => void loadRetests() }, t("lead.refresh"))),
    retestHost,
  );
  void loadSwaps();
  void loadRetests();
}
