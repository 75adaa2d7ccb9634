// The lead's site draft (docs/api.md C9): start from a scenario file or an existing site, import the
// roster, edit points, desks and windows, then create a new site or save the edit to the existing
// one (PUT …/scenario), and hand out the access codes of anyone new.
import type { Scenario, Shelter } from "../../shared/scenario/schema.ts";
import { api } from "../common/api.ts";
import { h, replace } from "../common/dom.ts";
import { t, type MessageKey } from "../i18n/index.ts";
import { importRoster, rosterDefaults } from "./roster-import.ts";

export interface DraftScreen {
  token: string;
  draft?: Scenario;
  onDraft: (draft: Scenario) => void;
  onCreated: (site: string, scenario: Scenario) => void;
  /** Ids of the sites that exist: a draft with one of them is saved to it, not created. */
  sites: string[];
  onSaved: (site: string) => void;
}

interface EditAnswer {
  site: { id: string };
  codes: { staff: Record<string, string> };
  added: string[];
  removed: string[];
  planInForce: boolean;
}

const SHELTERS: Shelter[] = ["open", "shade", "booth"];
let lastStatus = { text: "", ok: true };

export function renderDraft(host: HTMLElement, screen: DraftScreen): void {
  const message = h("p", { class: `result ${lastStatus.ok ? "ok" : "err"}`, role: "status", id: "draft-status" }, lastStatus.text);
  // The draft re-draws on every change; the last word said stays on screen across re-draws.
  const say = (text: string, ok = true) => {
    lastStatus = { text, ok };
    const shown = document.getElementById("draft-status") ?? message;
    shown.textContent = text;
    shown.className = `result ${ok ? "ok" : "err"}`;
  };
  const draft = screen.draft;

  const scenarioFile = h("input", { type: "file", id: "scenario-file", accept: ".json,application/json" });
  scenarioFile.addEventListener("change", async () => {
    const file = scenarioFile.files?.[0];
    if (!file) return;
    try {
      screen.onDraft(JSON.parse(await file.text()) as Scenario);
    } catch (err) {
      say(t("app.error", { message: (err as Error).message }), false);
    }
  });
  const rosterFile = h("input", { type: "file", id: "roster-file", accept: ".xlsx,.csv,text/csv" });
  rosterFile.addEventListener("change", async () => {
    const file = rosterFile.files?.[0];
    if (!file || !draft) return;
    try {
      const roster = await importRoster(file, rosterDefaults(draft.windows[0]?.start), screen.token);
      if (roster.problems.length) say(`${t("lead.rosterProblems", { n: roster.problems.length })}: ${roster.problems.map((p) => `#${p.row} ${p.message}`).join("; ")}`, false);
      if (roster.staff.length) {
        screen.onDraft({ ...draft, staff: roster.staff });
        say(t("lead.rosterLoaded", { n: roster.staff.length }));
      }
    } catch (err) {
      say(t("app.error", { message: (err as Error).message }), false);
    }
  });

  const create = async () => {
    if (!draft) return;
    try {
      const created = await api<{ site: { id: string }; codes: { staff: Record<string, string>; lab: string } }>("/api/v1/sites", { body: draft, token: screen.token });
      screen.onCreated(created.site.id, draft);
      replace(
        host,
        h("p", { class: "ok" }, t("lead.siteCreated")),
        h(
          "table",
          { class: "codes", id: "codes" },
          h("caption", {}, t("lead.codes")),
          ...Object.entries(created.codes.staff).map(([id, code]) => h("tr", {}, h("td", {}, draft.staff.find((s) => s.id === id)?.name ?? id), h("td", {}, id), h("td", { class: "code" }, code))),
          h("tr", {}, h("td", {}, "lab"), h("td", {}, ""), h("td", { class: "code" }, created.codes.lab)),
        ),
        h("button", { type: "button", onclick: () => print() }, t("lead.print")),
      );
    } catch (err) {
      say(t("app.error", { message: (err as Error).message }), false);
    }
  };

  // Every problem the server names, one per line, with its JSON path.
  const problems = (err: unknown) => {
    const list = (err as { problems?: { path: string; message: string }[] }).problems;
    return list?.length ? list.map((p) => `${p.path}: ${p.message}`).join("\n") : (err as Error).message;
  };
  const save = async () => {
    if (!draft) return;
    try {
      const edited = await api<EditAnswer>(`/api/v1/sites/${encodeURIComponent(draft.site.id)}/scenario`, { method: "PUT", body: draft, token: screen.token });
      screen.onSaved(edited.site.id);
      say([t("lead.siteSaved"), edited.planInForce ? t("lead.replanNeeded") : "", edited.removed.length ? t("lead.staffRemoved", { list: edited.removed.join(", ") }) : ""].filter(Boolean).join(" "));
      if (edited.added.length)
        host.append(
          h(
            "table",
            { class: "codes", id: "codes" },
            h("caption", {}, t("lead.codes")),
            ...Object.entries(edited.codes.staff).map(([id, code]) => h("tr", {}, h("td", {}, draft.staff.find((s) => s.id === id)?.name ?? id), h("td", {}, id), h("td", { class: "code" }, code))),
          ),
        );
    } catch (err) {
      say(t("app.error", { message: problems(err) }), false);
    }
  };
  const existing = draft !== undefined && screen.sites.includes(draft.site.id);

  replace(
    host,
    h("h2", {}, existing ? t("lead.editSite", { id: draft!.site.id }) : t("lead.newSite")),
    h("label", {}, t("lead.scenarioFile"), " ", scenarioFile),
    draft && h("label", {}, t("lead.rosterFile"), " ", rosterFile),
    message,
    draft && draftEditor(draft, screen),
    draft && h("p", {}, t("lead.staffCount", { n: draft.staff.length })),
    draft &&
      (existing
        ? h("button", { type: "button", class: "primary", id: "save-site", onclick: () => void save() }, t("lead.saveSite"))
        : h("button", { type: "button", class: "primary", id: "create-site", onclick: () => void create() }, t("lead.createSite"))),
  );
}

function draftEditor(draft: Scenario, screen: DraftScreen): HTMLElement {
  const change = (next: Partial<Scenario>) => screen.onDraft({ ...draft, ...next });
  const site = h("input", { value: draft.site.id, id: "draft-site-id", onchange: (e: Event) => change({ site: { ...draft.site, id: (e.target as HTMLInputElement).value.trim() } }) });
  const siteName = h("input", { value: draft.site.name, onchange: (e: Event) => change({ site: { ...draft.site, name: (e.target as HTMLInputElement).value } }) });
  const setPoint = (i: number, field: "name" | "desks" | "shelter", value: string) =>
    change({ points: draft.points.map((p, j) => (j === i ? { ...p, [field]: field === "desks" ? Math.max(0, Number(value) || 0) : value } : p)) });
  const setWindow = (i: number, field: "start" | "end", value: string) => change({ windows: draft.windows.map((w, j) => (j === i ? { ...w, [field]: value } : w)) });
  return h(
    "div",
    { class: "draft" },
    h("div", { class: "row" }, h("label", {}, "id ", site), h("label", {}, t("lead.pointName"), " ", siteName)),
    h("h3", {}, t("lead.points")),
    h(
      "table",
      { class: "edit", id: "points-table" },
      h("tr", {}, h("th", {}, "id"), h("th", {}, t("lead.pointName")), h("th", {}, t("lead.desks")), h("th", {}, t("lead.shelter")), h("th", {})),
      ...draft.points.map((p, i) =>
        h(
          "tr",
          {},
          h("td", {}, p.id),
          h("td", {}, h("input", { value: p.name, onchange: (e: Event) => setPoint(i, "name", (e.target as HTMLInputElement).value) })),
          h("td", {}, h("input", { type: "number", min: 0, max: 200, value: p.desks, class: "num", "data-point": p.id, onchange: (e: Event) => setPoint(i, "desks", (e.target as HTMLInputElement).value) })),
          h("td", {}, h("select", { onchange: (e: Event) => setPoint(i, "shelter", (e.target as HTMLSelectElement).value) }, ...SHELTERS.map((s) => h("option", { value: s, selected: s === p.shelter }, t(`lead.shelter.${s}` as MessageKey))))),
          h("td", {}, h("button", { type: "button", onclick: () => change({ points: draft.points.filter((_, j) => j !== i) }) }, t("lead.remove"))),
        ),
      ),
    ),
    h("button", { type: "button", onclick: () => change({ points: [...draft.points, { id: `p${draft.points.length + 1}`, name: `P${draft.points.length + 1}`, desks: 1, shelter: "shade" }] }) }, t("lead.addPoint")),
    h("h3", {}, t("lead.windows")),
    h(
      "table",
      { class: "edit" },
      h("tr", {}, h("th", {}, t("lead.start")), h("th", {}, t("lead.end")), h("th", {})),
      ...draft.windows.map((w, i) =>
        h(
          "tr",
          {},
          h("td", {}, h("input", { value: w.start, class: "iso", onchange: (e: Event) => setWindow(i, "start", (e.target as HTMLInputElement).value.trim()) })),
          h("td", {}, h("input", { value: w.end, class: "iso", onchange: (e: Event) => setWindow(i, "end", (e.target as HTMLInputElement).value.trim()) })),
          h("td", {}, draft.windows.length > 1 && h("button", { type: "button", onclick: () => change({ windows: draft.windows.filter((_, j) => j !== i) }) }, t("lead.remove"))),
        ),
      ),
    ),
    h("button", { type: "button", onclick: () => change({ windows: [...draft.windows, { ...draft.windows[draft.windows.length - 1] }] }) }, t("lead.addWindow")),
  );
}
