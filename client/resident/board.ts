// The resident board: one card per point with the line, the wait, the status in colour and words,
// the desks open, when it was last updated and which buildings are being called.
import { h, replace } from "../common/dom.ts";
import { t } from "../i18n/index.ts";
import { clock, dateTime } from "../common/time.ts";
import { statusClass, statusKey } from "../common/status.ts";
import type { KnownPoint } from "../common/queue-feed.ts";
import type { DirectoryPoint } from "../common/directory.ts";
import { distanceLabel, metresBetween, type LatLng } from "./distance.ts";

export interface BoardView {
  timezone: string;
  directory: DirectoryPoint[];
  queues: Map<string, KnownPoint>;
  calling: Record<string, string[]>;
  here?: LatLng;
  now: number;
}

interface Row {
  id: string;
  name: string;
  queue?: KnownPoint;
  metres?: number;
}

/** Points in the directory's order, or nearest first when the resident's place is known. */
export function boardRows(view: BoardView): Row[] {
  const rows: Row[] = view.directory.map((p) => ({
    id: p.id,
    name: p.name,
    queue: view.queues.get(p.id),
    metres: view.here && p.location ? metresBetween(view.here, p.location) : undefined,
  }));
  for (const q of view.queues.values()) if (!rows.some((r) => r.id === q.point)) rows.push({ id: q.point, name: q.name, queue: q });
  if (view.here) rows.sort((a, b) => (a.metres ?? Infinity) - (b.metres ?? Infinity));
  return rows;
}

export function renderBoard(list: HTMLElement, view: BoardView): void {
  const rows = boardRows(view);
  if (!rows.length) return replace(list, h("li", { class: "empty" }, t("resident.noSites")));
  replace(list, ...rows.map((row) => pointCard(row, view)));
}

function pointCard(row: Row, view: BoardView): HTMLElement {
  const q = row.queue;
  const status = q?.status ?? "closed";
  const calling = view.calling[row.id] ?? [];
  const updated = q ? updatedLabel(q.updatedAt, view) : "";
  return h(
    "li",
    { class: `point ${statusClass(status)}`, "data-point": row.id },
    h(
      "div",
      { class: "point-head" },
      h("h2", {}, row.name),
      row.metres !== undefined && h("span", { class: "dist" }, distanceLabel(row.metres)),
      h("span", { class: "badge", "data-status": status }, t(statusKey(status))),
    ),
    q &&
      h(
        "div",
        { class: "figures" },
        h("span", { class: "length", "data-length": q.length }, t("resident.waiting", { n: q.length })),
        h("span", { class: "wait", "data-wait": q.waitMinutes }, q.waitMinutes > 0 ? t("resident.wait", { n: Math.ceil(q.waitMinutes) }) : t("resident.waitNone")),
      ),
    q && h("p", { class: "desks" }, t("resident.desks", { n: q.desksOpen })),
    h("p", { class: "calling" }, calling.length ? t("resident.calling", { list: calling.join("、") }) : t("resident.notCalling")),
    updated && h("p", { class: "updated" }, updated),
  );
}

function updatedLabel(at: string | number, view: BoardView): string {
  const ms = typeof at === "number" ? at : Date.parse(at);
  if (!Number.isFinite(ms)) return "";
  const sameDay = Math.abs(view.now - ms) < 12 * 3600 * 1000;
  return t("resident.updated", { t: sameDay ? clock(ms, view.timezone) : dateTime(ms, view.timezone) });
}
