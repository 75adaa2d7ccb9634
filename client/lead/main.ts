// The lead page (`/lead`, docs/api.md C9): the site, the plan, the live day and the exports.
import type { Scenario } from "../../shared/scenario/schema.ts";
import { api, ApiError } from "../common/api.ts";
import { byId, h, replace } from "../common/dom.ts";
import type { Directory } from "../common/directory.ts";
import type { AlertEvent, Swap, SwapEvent } from "../common/contract.ts";
import { connectLive, type LiveSocket } from "../common/live.ts";
import { followQueues, type QueueFeed } from "../common/queue-feed.ts";
import { loadSession, saveSession, type Session } from "../common/session.ts";
import { signIn } from "../common/signin.ts";
import { initLanguage, onLanguageChange, t, type MessageKey } from "../i18n/index.ts";
import { renderDraft } from "./draft.ts";
import { renderPlan, timelineContext, type StoredPlan } from "./plan-view.ts";
import { renderLive } from "./live-board.ts";
import { renderExports } from "./exports.ts";
import { AlertLog } from "./alert-log.ts";
import { TUBE_REFRESH_MS } from "./tube-ages.ts";

type Tab = "site" | "plan" | "live" | "export";
const TABS: Tab[] = ["site", "plan", "live", "export"];

const root = byId("app");
const conn = byId("conn");
const signOut = byId<HTMLButtonElement>("sign-out");

let session: Session;
let directory: Directory = { now: Date.now(), sites: [] };
let site = "";
let scenario: Scenario | undefined;
let draft: Scenario | undefined;
let plan: StoredPlan | undefined;
let tab: Tab = (new URLSearchParams(location.search).get("tab") as Tab | null) ?? "plan";
let socket: LiveSocket;
let feed: QueueFeed | undefined;
let alerts: AlertLog | undefined;
/** The site's swaps by id: fetched on open and on reconnect, then kept by `swap` pushes. */
let swaps = new Map<string, Swap>();

const siteSelect = h("select", { id: "site-select" });
const siteLabel = h("span", {});
const nav = h("nav", { class: "tabs no-print" });
const body = h("div", { id: "tab-body" });

const timezone = () => scenario?.site.timezone ?? directory.sites.find((s) => s.id === site)?.timezone ?? "Asia/Shanghai";

function render(): void {
  siteLabel.textContent = t("lead.site");
  showConnection();
  replace(siteSelect, ...directory.sites.map((s) => h("option", { value: s.id, selected: s.id === site }, `${s.name} (${s.id})`)));
  replace(nav, ...TABS.map((x) => h("button", { type: "button", id: `tab-${x}`, class: x === tab ? "on" : "", onclick: () => ((tab = x), render()) }, t(`lead.tab${x[0].toUpperCase()}${x.slice(1)}` as MessageKey))));
  const ctx = timelineContext({ site, token: session.token, scenario, timezone: timezone(), onPlan: () => {} });
  if (tab === "site")
    renderDraft(body, {
      token: session.token,
      draft,
      sites: directory.sites.map((s) => s.id),
      onDraft: (d) => ((draft = d), render()),
      onCreated: (id) => void created(id),
      onSaved: (id) => void saved(id),
    });
  if (tab === "plan") renderPlan(body, { site, token: session.token, scenario, timezone: timezone(), plan, onPlan: (p) => ((plan = p), render()) });
  if (tab === "live") renderLive(body, { site, token: session.token, timezone: timezone(), points: feed?.points ?? new Map(), alerts: alerts?.list() ?? [], swaps: [...swaps.values()], staffName: ctx.staffName, pointName: ctx.pointName });
  if (tab === "export") renderExports(body, { site, siteName: scenario?.site.name ?? site, token: session.token, timezone: timezone(), plan, staffName: ctx.staffName, pointName: ctx.pointName });
}

function showConnection(): void {
  const connected = socket?.connected ?? false;
  conn.textContent = connected ? t("app.live") : t("app.offline");
  conn.className = connected ? "conn live" : "conn";
}

async function created(id: string): Promise<void> {
  await loadDirectory();
  await selectSite(id, false);
}

/** After an edit of a site in place: its scenario (names, desks) read again; the draft stays. */
async function saved(id: string): Promise<void> {
  await loadDirectory();
  await selectSite(id, false);
}

/** What the live tab needs that pushes alone cannot give: alerts and swaps from before we listened. */
async function catchUp(): Promise<void> {
  const log = alerts;
  const from = site;
  if (!log || !from) return;
  try {
    const [newAlerts, list] = await Promise.all([
      log.catchUp(),
      api<{ swaps: Swap[] }>(`/api/v1/sites/${encodeURIComponent(from)}/swaps`, { token: session.token }),
    ]);
    if (site !== from) return;
    swaps = new Map(list.swaps.map((x) => [x.id, x]));
    if (tab === "live" || newAlerts) render();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) restart();
  }
}

async function loadDirectory(): Promise<void> {
  try {
    directory = await api<Directory>("/api/v1/directory");
  } catch {
    // The lead can still create a site without it.
  }
}

/** Loads a site's scenario (for names and shelters) and its plan in force. */
async function selectSite(id: string, draw = true): Promise<void> {
  site = id;
  localStorage.setItem("tenfold.lead.site", id);
  scenario = undefined;
  plan = undefined;
  try {
    scenario = await api<Scenario>(`/api/v1/sites/${encodeURIComponent(id)}/scenario.json`, { token: session.token });
    draft ??= structuredClone(scenario);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return restart();
  }
  // Asked only when the directory says one is published, so the console stays free of 404s.
  if (directory.sites.find((s) => s.id === id)?.published) {
    try {
      plan = await api<StoredPlan>(`/api/v1/sites/${encodeURIComponent(id)}/plans/current`, { token: session.token });
    } catch {
      // Withdrawn in between: the plan tab offers to build one.
    }
  }
  alerts = new AlertLog(id, session.token);
  swaps = new Map();
  void catchUp();
  feed?.stop();
  feed = followQueues(id, () => tab === "live" && render(), socket);
  if (draw) render();
}

function restart(): void {
  saveSession("lead", undefined);
  location.reload();
}

async function start(): Promise<void> {
  initLanguage();
  signOut.addEventListener("click", restart);
  session = loadSession("lead") ?? (await signIn(root, "lead", ["lead"]));
  signOut.hidden = false;
  socket = connectLive(session.token, showConnection);
  socket.on("alert", (a: AlertEvent) => {
    if (alerts?.take(a) && tab === "live") render();
  });
  socket.on("swap", (x: SwapEvent) => {
    if (x.site !== site) return;
    const { site: _site, at: _at, ...swap } = x;
    swaps.set(x.id, swap);
    if (tab === "live") render();
  });
  // Back after a drop: whatever was sent meanwhile is read from the server (C11).
  socket.on("connect", () => void catchUp());
  // Tube ages move with time alone.
  setInterval(() => tab === "live" && render(), TUBE_REFRESH_MS);
  siteSelect.addEventListener("change", () => void selectSite(siteSelect.value));
  replace(root, h("div", { class: "tools no-print" }, h("label", {}, siteLabel, " ", siteSelect)), nav, body);
  await loadDirectory();
  const wanted = new URLSearchParams(location.search).get("site") ?? localStorage.getItem("tenfold.lead.site");
  const first = directory.sites.find((s) => s.id === wanted)?.id ?? directory.sites[0]?.id;
  if (first) await selectSite(first, false);
  else tab = "site";
  render();
  onLanguageChange(render);
}

void start();
