// The registrar's desk screen (docs/api.md C6): open a tube, add swabs by scanner or by hand, seal;
// every step goes to the outbox first, so the desk keeps working when the network does not.
import { h, replace } from "../common/dom.ts";
import { clock } from "../common/time.ts";
import { t, type MessageKey } from "../i18n/index.ts";
import type { DirectoryPoint } from "../common/directory.ts";
import { newEventId, Outbox, type DeskEventType } from "./outbox.ts";

export interface DeskContext {
  site: string;
  staff: string;
  token: () => string;
  points: DirectoryPoint[];
  poolSize: number;
  timezone: string;
  now: () => number;
  /** The desk of the current assignment, if any, as the default. */
  defaultDesk: () => { point?: string; desk?: number };
}

interface DeskState {
  point: string;
  desk: number;
  tube?: string;
  swabs: number;
}

export interface DeskScreen {
  outbox: Outbox;
  render(): void;
}

/** Builds the desk screen inside `host`; it keeps its own state on the phone. */
export function deskScreen(host: HTMLElement, ctx: DeskContext): DeskScreen {
  const stateKey = `tenfold.desk.${ctx.site}.${ctx.staff}`;
  const fallback = ctx.defaultDesk();
  const state: DeskState = { point: fallback.point ?? ctx.points[0]?.id ?? "", desk: fallback.desk ?? 1, swabs: 0, ...loadState(stateKey) };
  const saveState = () => localStorage.setItem(stateKey, JSON.stringify(state));
  const outbox = new Outbox(`tenfold.outbox.${ctx.site}.${ctx.staff}`, ctx.site, ctx.token, () => renderStatus());

  const pointSelect = h("select", { id: "desk-point", onchange: () => ((state.point = pointSelect.value), saveState()) });
  const deskInput = h("input", { id: "desk-no", type: "number", min: 1, max: 200, value: state.desk, onchange: () => ((state.desk = Number(deskInput.value) || 1), saveState()) });
  const tubeInput = h("input", { id: "tube-code", autocomplete: "off", inputmode: "text" });
  const residentInput = h("input", { id: "resident-code", autocomplete: "off" });
  const message = h("p", { class: "err", role: "alert", id: "desk-message" });
  const current = h("p", { class: "tube-now", id: "tube-now" });
  const status = h("div", { class: "outbox", id: "outbox" });

  const record = (type: DeskEventType, tube: string, resident?: string) =>
    outbox.add({ id: newEventId(), type, at: new Date(ctx.now()).toISOString(), point: state.point, desk: state.desk, tube, ...(resident ? { resident } : {}) });

  const openTube = (e: Event) => {
    e.preventDefault();
    const tube = tubeInput.value.trim();
    if (!tube) return;
    if (state.tube && state.swabs > 0) record("tube.seal", state.tube);
    record("tube.open", tube);
    Object.assign(state, { tube, swabs: 0 });
    saveState();
    tubeInput.value = "";
    residentInput.focus();
    renderTube();
  };
  const addSwab = (e: Event) => {
    e.preventDefault();
    const resident = residentInput.value.trim();
    if (!resident) return;
    message.textContent = "";
    if (!state.tube) return void (message.textContent = t("desk.noTube"));
    // A tube never holds more than its pool size (C6): refuse here, before the server must.
    if (state.swabs >= ctx.poolSize) return void (message.textContent = t("desk.full", { size: ctx.poolSize }));
    record("swab", state.tube, resident);
    state.swabs += 1;
    saveState();
    residentInput.value = "";
    residentInput.focus();
    renderTube();
  };
  const seal = () => {
    if (!state.tube) return;
    record("tube.seal", state.tube);
    Object.assign(state, { tube: undefined, swabs: 0 });
    saveState();
    tubeInput.focus();
    renderTube();
  };

  function renderTube(): void {
    current.textContent = state.tube ? t("desk.current", { tube: state.tube, n: state.swabs, size: ctx.poolSize }) : t("desk.noTube");
    current.className = `tube-now${state.tube && state.swabs >= ctx.poolSize ? " full" : ""}`;
  }

  function renderStatus(): void {
    const pending = outbox.pending;
    replace(
      status,
      h("p", { class: pending.length ? "pending" : "ok", id: "pending-count", "data-pending": pending.length }, pending.length ? t("desk.pending", { n: pending.length }) : t("desk.allSynced")),
      !outbox.online && h("p", { class: "err", id: "offline-note" }, t("desk.offline")),
      outbox.lastSync !== undefined && h("p", { class: "fine" }, t("desk.lastSync", { t: clock(outbox.lastSync, ctx.timezone) })),
      pending.length > 0 && h("button", { type: "button", id: "sync-now", onclick: () => void outbox.flush() }, t("desk.syncNow")),
      pending.length > 0 &&
        h("ol", { class: "pending-list" }, ...pending.slice(-20).map((e) => h("li", {}, `${clock(e.at, ctx.timezone)} ${t(`desk.event.${e.type}` as MessageKey)} ${e.tube}${e.resident ? ` · ${e.resident}` : ""}`))),
      outbox.refused.length > 0 && h("p", { class: "err" }, t("desk.rejected", { n: outbox.refused.length })),
      outbox.refused.length > 0 && h("ol", { class: "refused-list" }, ...outbox.refused.slice(-10).map((r) => h("li", {}, `${r.event.tube}${r.event.resident ? ` · ${r.event.resident}` : ""}: ${r.error}`))),
    );
  }

  function render(): void {
    replace(pointSelect, ...ctx.points.map((p) => h("option", { value: p.id, selected: p.id === state.point }, p.name)));
    tubeInput.placeholder = t("desk.tube");
    residentInput.placeholder = t("desk.resident");
    replace(
      host,
      h("h2", {}, t("desk.title")),
      h("div", { class: "row" }, h("label", {}, t("desk.point"), " ", pointSelect), h("label", {}, t("desk.desk"), " ", deskInput)),
      h("form", { class: "row", id: "open-form", onsubmit: openTube }, tubeInput, h("button", { type: "submit", class: "primary", id: "open-tube" }, t("desk.openTube"))),
      current,
      h("form", { class: "row", id: "swab-form", onsubmit: addSwab }, residentInput, h("button", { type: "submit", class: "primary", id: "add-swab" }, t("desk.addSwab"))),
      h("button", { type: "button", id: "seal-tube", onclick: seal }, t("desk.seal")),
      message,
      status,
    );
    renderTube();
    renderStatus();
  }

  // The network coming back is the moment to send; a timer catches a server that was down.
  addEventListener("online", () => void outbox.flush());
  setInterval(() => outbox.pending.length && void outbox.flush(), 5000);
  void outbox.flush();
  return { outbox, render };
}

function loadState(key: string): Partial<DeskState> {
  try {
    return JSON.parse(localStorage.getItem(key) ?? "{}") as Partial<DeskState>;
  } catch {
    return {};
  }
}
