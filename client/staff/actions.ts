// What a staff member can ask for from the phone (docs/api.md C5): relief, "I feel unwell", and
// proposing or accepting a swap. Built once; `update` refreshes the lists without wiping what the
// person is typing, since pushes re-draw the page at any moment.
import type { Assignment } from "../../shared/plan/types.ts";
import { api } from "../common/api.ts";
import { h, replace } from "../common/dom.ts";
import { clock } from "../common/time.ts";
import { t, type MessageKey } from "../i18n/index.ts";
import type { DirectoryPoint } from "../common/directory.ts";
import type { Swap } from "../common/contract.ts";
import { describe } from "./rotation.ts";

export interface ActionContext {
  site: string;
  staff: string;
  token: () => string;
  timezone: string;
  points: DirectoryPoint[];
  now: () => number;
  assignments: () => Assignment[];
  /** Swaps naming this person, as last fetched. */
  swaps: () => Swap[];
  /** Fetches the swaps again and re-draws. */
  refreshSwaps: () => void;
  /** A swap's shift in words (time and desk). */
  shiftText: (swap: Swap) => string;
}

export interface ActionPanel {
  /** Re-reads assignments and swaps, and re-labels everything in the current language. */
  update(): void;
}

export function actionPanel(host: HTMLElement, ctx: ActionContext): ActionPanel {
  const base = `/api/v1/sites/${encodeURIComponent(ctx.site)}`;
  const me = `${base}/staff/${encodeURIComponent(ctx.staff)}`;
  const result = h("p", { class: "result", role: "status", id: "action-result" });
  const run = (work: () => Promise<string>) =>
    void work().then(
      (text) => ((result.textContent = text), (result.className = "result ok")),
      (err: Error) => ((result.textContent = t("app.error", { message: err.message })), (result.className = "result err")),
    );

  const relief = h("button", { type: "button", id: "relief" });
  relief.addEventListener("click", () =>
    run(async () => {
      const relief = await api<{ called: string | null }>(`${me}/relief`, { body: {}, token: ctx.token() });
      return relief.called ? t("staff.reliefCalled", { who: relief.called }) : t("staff.reliefSent");
    }),
  );
  const unwell = h("button", { type: "button", class: "danger", id: "unwell" });
  unwell.addEventListener("click", () => {
    if (!confirm(t("staff.unwellConfirm"))) return;
    run(async () => {
      await api(`${me}/unwell`, { body: {}, token: ctx.token() });
      return t("staff.unwellSent");
    });
  });

  const which = h("select", { id: "swap-assignment" });
  const to = h("input", { id: "swap-to", autocomplete: "off" });
  const whichLabel = h("span", {});
  const toLabel = h("span", {});
  const proposeTitle = h("h3", {});
  const proposeButton = h("button", { type: "submit" });
  const propose = h("form", { class: "swap", id: "swap-form" }, proposeTitle, h("label", {}, whichLabel, " ", which), h("label", {}, toLabel, " ", to), proposeButton);
  propose.addEventListener("submit", (e) => {
    e.preventDefault();
    run(async () => {
      const swap = await api<Swap>(`${base}/swaps`, { body: { assignment: which.value, to: to.value.trim() }, token: ctx.token() });
      ctx.refreshSwaps();
      return `${t("staff.swapSent")} (${t("staff.swapId")} ${swap.id})`;
    });
  });
  const accept = (id: string) =>
    run(async () => {
      await api(`${base}/swaps/${encodeURIComponent(id)}/accept`, { body: {}, token: ctx.token() });
      ctx.refreshSwaps();
      return t("staff.swapAccepted");
    });

  const offers = h("div", { id: "swap-offers" });
  const mine = h("div", { id: "my-swaps" });
  const summary = h("summary", {});
  replace(host, h("div", { class: "actions" }, relief, unwell), result, offers, h("details", { class: "card" }, summary, propose, mine));

  function update(): void {
    relief.textContent = t("staff.relief");
    unwell.textContent = t("staff.unwell");
    summary.textContent = t("staff.swap");
    proposeTitle.textContent = proposeButton.textContent = t("staff.swapPropose");
    whichLabel.textContent = t("staff.swapWhich");
    toLabel.textContent = to.placeholder = t("staff.swapTo");
    const chosen = which.value;
    const upcoming = ctx.assignments().filter((a) => a.activity === "desk" && Date.parse(a.end) > ctx.now());
    replace(which, ...upcoming.map((a) => h("option", { value: a.id, selected: a.id === chosen }, `${clock(a.start, ctx.timezone)}–${clock(a.end, ctx.timezone)} ${describe(a, ctx.points)}`)));
    propose.hidden = upcoming.length === 0;
    replace(
      offers,
      ...ctx
        .swaps()
        .filter((s) => s.to === ctx.staff && s.state === "proposed")
        .map((s) => h("p", { class: "card offer", "data-swap": s.id }, t("staff.swapIncoming", { from: s.fromName ?? s.from, what: ctx.shiftText(s) }), " ", h("button", { type: "button", class: "primary", onclick: () => accept(s.id) }, t("staff.swapAccept")))),
    );
    replace(
      mine,
      ...ctx
        .swaps()
        .filter((s) => s.from === ctx.staff)
        .map((s) => h("p", { class: "fine" }, `${t("staff.swapId")} ${s.id} ${ctx.shiftText(s)} → ${s.toName ?? s.to}: ${t(`swap.${s.state}` as MessageKey)}`)),
    );
  }
  update();
  return { update };
}
