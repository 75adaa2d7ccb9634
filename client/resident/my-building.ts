// "My building" on the resident page (docs/api.md C14): the building chosen once (kept on the
// phone), its point, its call-up window, whether it is being called now, and the line there; a
// notice when its call-up moves after the plan is published again.
import { h, replace } from "../common/dom.ts";
import { clock, dateTime } from "../common/time.ts";
import { t } from "../i18n/index.ts";
import type { KnownPoint } from "../common/queue-feed.ts";
import type { DirectoryPoint } from "../common/directory.ts";
import { isWithin } from "../../shared/time.ts";

/** One building of GET /api/v1/sites/:site/buildings (no personal data). */
export interface BuildingItem {
  id: string;
  name: string;
  point: string;
  callups: { start: string; end: string }[];
}

export interface MyBuildingView {
  buildings: BuildingItem[];
  chosen?: string;
  points: DirectoryPoint[];
  queues: Map<string, KnownPoint>;
  timezone: string;
  now: number;
  /** Set when the chosen building's call-up changed since the page last looked. */
  moved?: boolean;
  /** A building named in the address that the site does not have. */
  unknown?: string;
  onChoose: (building: string) => void;
}

/**
 * The call-up windows as one line: "09:20–09:40", several joined.
 * @example windowsText([{ start: "2021-08-03T09:20:00+08:00", end: "2021-08-03T09:40:00+08:00" }], "Asia/Shanghai") // "09:20–09:40"
 */
export function windowsText(callups: { start: string; end: string }[], timezone: string): string {
  return callups.map((c) => `${clock(c.start, timezone)}–${clock(c.end, timezone)}`).join(", ");
}

/** Whether two lists of call-ups differ (a re-published plan moved them). */
export function callupsMoved(before: { start: string; end: string }[], after: { start: string; end: string }[]): boolean {
  return JSON.stringify(before) !== JSON.stringify(after);
}

export function renderMyBuilding(host: HTMLElement, view: MyBuildingView): void {
  if (!view.buildings.length) return replace(host);
  const select = h(
    "select",
    { id: "my-building", "aria-label": t("resident.myBuilding") },
    h("option", { value: "" }, t("resident.chooseBuilding")),
    ...view.buildings.map((b) => h("option", { value: b.id, ...(b.id === view.chosen ? { selected: true } : {}) }, b.name)),
  );
  select.addEventListener("change", () => view.onChoose(select.value));
  const mine = view.buildings.find((b) => b.id === view.chosen);
  replace(
    host,
    h("label", { class: "my-building-label", for: "my-building" }, t("resident.myBuilding")),
    select,
    view.unknown ? h("p", { class: "note warn", role: "status" }, t("resident.unknownBuilding", { b: view.unknown })) : null,
    mine ? buildingCard(mine, view) : null,
  );
}

function buildingCard(b: BuildingItem, view: MyBuildingView): HTMLElement {
  const point = view.points.find((p) => p.id === b.point);
  const q = view.queues.get(b.point);
  const calledNow = b.callups.some((c) => isWithin(view.now, c));
  return h(
    "section",
    { class: `card mine${calledNow ? " called" : ""}`, "data-building": b.id, "aria-live": "polite" },
    h("h2", {}, b.name),
    h("p", { class: "mine-point" }, t("resident.goTo", { p: point?.name ?? b.point })),
    h(
      "p",
      { class: "mine-window" },
      b.callups.length ? t("resident.yourWindow", { d: dateTime(b.callups[0].start, view.timezone).slice(0, 5), w: windowsText(b.callups, view.timezone) }) : t("resident.noWindow"),
    ),
    calledNow && h("p", { class: "mine-now" }, t("resident.calledNow")),
    q && h("p", { class: "mine-line" }, t("resident.lineThere", { n: q.length, m: Math.ceil(q.waitMinutes) })),
    view.moved && h("p", { class: "note warn", role: "alert" }, t("resident.windowMoved")),
  );
}
