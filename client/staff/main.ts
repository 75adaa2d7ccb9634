// The staff page (`/staff`, docs/api.md C8–C9): sign in, see now and next, act, and register swabs.
import type { Assignment, HeatHour, Plan } from "../../shared/plan/types.ts";
import { api, ApiError } from "../common/api.ts";
import { byId, h, replace } from "../common/dom.ts";
import type { Directory, DirectorySite } from "../common/directory.ts";
import type { CallEvent, RotationEvent, Swap, SwapEvent } from "../common/contract.ts";
import { connectLive, type LiveSocket } from "../common/live.ts";
import { loadSession, saveSession, type Session } from "../common/session.ts";
import { signIn } from "../common/signin.ts";
import { initLanguage, onLanguageChange, t, type MessageKey } from "../i18n/index.ts";
import { clock } from "../common/time.ts";
import { renderRotation, tickCountdowns, nowAndNext } from "./rotation.ts";
import { actionPanel, type ActionPanel } from "./actions.ts";
import { deskScreen, type DeskScreen } from "./desk.ts";
import { ring, unlockSound } from "./alarm.ts";

const root = byId("app");
const conn = byId("conn");
const who = byId("who");
const signOut = byId<HTMLButtonElement>("sign-out");
const banner = byId("banner");

let session: Session;
let site: DirectorySite;
let assignments: Assignment[] = [];
let heat: HeatHour[] = [];
let published = false;
let skew = 0;
let tab: "rotation" | "desk" = "rotation";
let desk: DeskScreen | undefined;
let socket: LiveSocket | undefined;
let swaps: Swap[] = [];
let actions: ActionPanel | undefined;
const now = () => Date.now() + skew;

const rotationHost = h("div", { id: "rotation" });
const actionsHost = h("div", { id: "actions" });
const deskHost = h("div", { id: "desk", class: "card" });
const tabs = h("nav", { class: "tabs" });

function showConnection(): void {
  const connected = socket?.connected ?? false;
  conn.textContent = connected ? t("app.live") : t("app.offline");
  conn.className = connected ? "conn live" : "conn";
}

function render(): void {
  showConnection();
  who.textContent = `${session.name ?? session.staff ?? ""} · ${site.name}`;
  replace(
    tabs,
    h("button", { type: "button", id: "tab-rotation", class: tab === "rotation" ? "on" : "", onclick: () => ((tab = "rotation"), render()) }, t("staff.tabRotation")),
    h("button", { type: "button", id: "tab-desk", class: tab === "desk" ? "on" : "", onclick: () => ((tab = "desk"), render()) }, t("staff.tabDesk")),
  );
  rotationHost.hidden = actionsHost.hidden = tab !== "rotation";
  deskHost.hidden = tab !== "desk";
  renderRotation(rotationHost, { assignments, heat, points: site.points, workload: site.workload, timezone: site.timezone, now: now(), published });
  actions?.update();
}

function showCall(call: CallEvent): void {
  const point = site.points.find((p) => p.id === call.point)?.name ?? call.point;
  const where = t("where.desk", { point, desk: call.desk });
  replace(banner, h("p", { id: "call-text" }, t("staff.call", { where })), h("button", { type: "button", class: "primary", onclick: () => (banner.hidden = true) }, t("staff.callAck")));
  banner.hidden = false;
  ring();
}

/** A swap's shift as a person reads it: its times and desk, or its id when not known. */
function shiftText(swap: Swap): string {
  const s = swap.shift;
  if (!s) return swap.assignment;
  const point = site.points.find((p) => p.id === s.point)?.name ?? s.point;
  const where = s.point ? t("where.desk", { point: point ?? "", desk: s.desk ?? "" }) : t(`activity.${s.activity}` as MessageKey);
  return `${clock(s.start, site.timezone)}–${clock(s.end, site.timezone)} ${where}`;
}

/** What the phone remembers for a start without network: the site, and this person's plan. */
interface Remembered {
  site?: DirectorySite;
  assignments?: Assignment[];
  heat?: HeatHour[];
}
const memoryKey = () => `tenfold.staff.memory.${session.site ?? ""}.${session.staff ?? ""}`;
const remembered = (): Remembered => {
  try {
    return JSON.parse(localStorage.getItem(memoryKey()) ?? "{}") as Remembered;
  } catch {
    return {};
  }
};
const remember = () => localStorage.setItem(memoryKey(), JSON.stringify({ site, assignments, heat } satisfies Remembered));

async function loadPlan(): Promise<void> {
  if (site.published === null) return void (published = false);
  try {
    // Staff get their own assignments with the day's heat (docs/api.md: "staff: their own only").
    const body = await api<Partial<Plan> & { name?: string }>(`/api/v1/sites/${encodeURIComponent(site.id)}/plans/current`, { token: session.token });
    assignments = (body.assignments ?? []).filter((a) => !session.staff || a.staff === session.staff);
    heat = body.heat ?? [];
    published = true;
    // A session from before names were sent learns the name here.
    if (body.name && body.name !== session.name) saveSession("staff", (session = { ...session, name: body.name }));
    remember();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return void restart();
    const saved = remembered();
    assignments = saved.assignments ?? [];
    heat = saved.heat ?? [];
    published = assignments.length > 0;
  }
}

async function loadSwaps(): Promise<void> {
  if (!site.published) return;
  try {
    swaps = (await api<{ swaps: Swap[] }>(`/api/v1/sites/${encodeURIComponent(site.id)}/swaps`, { token: session.token })).swaps;
  } catch {
    // Offline: the last list stays.
  }
}

function restart(): void {
  saveSession("staff", undefined);
  location.reload();
}

async function start(): Promise<void> {
  initLanguage();
  // The page itself must open without network too; service workers need https or localhost.
  void navigator.serviceWorker?.register("/sw.js").catch(() => {});
  unlockSound();
  signOut.addEventListener("click", restart);
  session = loadSession("staff") ?? (await signIn(root, "staff", ["staff"]));
  signOut.hidden = false;
  let directory: Directory = { now: Date.now(), sites: [] };
  try {
    directory = await api<Directory>("/api/v1/directory");
    skew = directory.now - Date.now();
  } catch {
    // Offline at start: the desk still works with what the phone remembers.
  }
  site =
    directory.sites.find((s) => s.id === session.site) ??
    remembered().site ?? { id: session.site ?? "", name: session.site ?? "", timezone: "Asia/Shanghai", poolSize: 10, points: [], callups: [] };
  replace(root, tabs, rotationHost, actionsHost, deskHost);
  desk = deskScreen(deskHost, {
    site: site.id,
    staff: session.staff ?? "",
    token: () => session.token,
    points: site.points,
    poolSize: site.poolSize,
    timezone: site.timezone,
    now,
    defaultDesk: () => {
      const a = nowAndNext(assignments, now()).current ?? assignments.find((x) => x.activity === "desk");
      return { point: a?.point, desk: a?.desk };
    },
  });
  await loadPlan();
  await loadSwaps();
  actions = actionPanel(actionsHost, {
    site: site.id,
    staff: session.staff ?? "",
    token: () => session.token,
    timezone: site.timezone,
    points: site.points,
    now,
    assignments: () => assignments,
    swaps: () => swaps,
    refreshSwaps: () => void loadSwaps().then(render),
    shiftText,
  });
  if (assignments.some((a) => a.role === "registrar") && new URLSearchParams(location.search).get("tab") !== "rotation") tab = "desk";
  if (new URLSearchParams(location.search).get("tab") === "desk") tab = "desk";
  render();
  desk.render();
  // The desk screen is drawn again only for a new language: a push must not steal a scanner's focus.
  onLanguageChange(() => (render(), desk?.render()));

  socket = connectLive(session.token, showConnection);
  socket.on("connect_error", (err: Error) => {
    if (/token|auth/i.test(err.message)) restart();
  });
  socket.on("rotation", (push: RotationEvent) => {
    assignments = (push.assignments ?? []).filter((a) => !session.staff || a.staff === session.staff);
    published = true;
    remember();
    void loadSwaps().then(render);
    // The push on connect is the state as it stands, not news: only a change earns the banner.
    if (push.reason === "connect") return;
    replace(banner, h("p", {}, t("staff.rotationChanged")), h("button", { type: "button", onclick: () => (banner.hidden = true) }, t("app.close")));
    banner.hidden = false;
  });
  socket.on("call", (call: CallEvent) => showCall(call));
  // A swap offered to me, or a step of one I offered, shows at once (C5), without a poll.
  socket.on("swap", (push: SwapEvent) => {
    const { site: _site, at: _at, ...swap } = push;
    swaps = [...swaps.filter((x) => x.id !== swap.id), swap];
    actions?.update();
    if (swap.to !== session.staff || swap.state !== "proposed") return;
    replace(banner, h("p", { id: "swap-offer" }, t("staff.swapOffer", { from: swap.fromName ?? swap.from, what: shiftText(swap) })), h("button", { type: "button", class: "primary", onclick: () => (banner.hidden = true) }, t("app.close")));
    banner.hidden = false;
    ring();
  });
  setInterval(() => tickCountdowns(rotationHost, now()), 1000);
  // Re-draw each minute so "now" moves on to "next" without a push; swaps offered arrive the same way.
  setInterval(() => tab === "rotation" && void loadSwaps().then(render), 60000);
}

void start();
