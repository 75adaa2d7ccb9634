// The resident page (`/`, docs/api.md C9): which point near me is short and how long the wait.
import { api } from "../common/api.ts";
import { byId, h, replace } from "../common/dom.ts";
import { callingAt, type Directory, type DirectorySite } from "../common/directory.ts";
import { initLanguage, onLanguageChange, t } from "../i18n/index.ts";
import { followQueues, POLL_SECONDS, type QueueFeed } from "../common/queue-feed.ts";
import { renderBoard } from "./board.ts";
import type { LatLng } from "./distance.ts";
import { callupsMoved, renderMyBuilding, type BuildingItem } from "./my-building.ts";

const list = byId("points");
const conn = byId("conn");
const siteName = byId("site-name");
const nearButton = byId<HTMLButtonElement>("near");
const note = byId("note");
const mineHost = byId("mine");

let directory: Directory = { now: Date.now(), sites: [] };
let site: DirectorySite | undefined;
let feed: QueueFeed | undefined;
let here: LatLng | undefined;
/** Server clock minus the phone's, so "called now" follows the site's day. */
let skew = 0;
let buildings: BuildingItem[] = [];
let chosen: string | undefined;
let moved = false;
let unknownBuilding: string | undefined;
/** A point named in the address (a poster's QR code): shown first. */
let focusPoint: string | undefined;
let directoryRead = false;

const savedKey = () => `tenfold.building.${site?.id ?? ""}`;

function choose(building: string): void {
  chosen = building || undefined;
  moved = false;
  unknownBuilding = undefined;
  try {
    if (chosen) localStorage.setItem(savedKey(), chosen);
    else localStorage.removeItem(savedKey());
  } catch {
    // Storage may be off (private mode): the choice lasts this visit.
  }
  render();
}

async function loadBuildings(): Promise<void> {
  if (!site) return;
  try {
    const fresh = await api<BuildingItem[]>(`/api/v1/sites/${encodeURIComponent(site.id)}/buildings`);
    const before = buildings.find((b) => b.id === chosen);
    const after = fresh.find((b) => b.id === chosen);
    if (before && after && callupsMoved(before.callups, after.callups)) moved = true;
    buildings = fresh;
  } catch {
    // Keep what we have; the board still shows every point.
  }
}

function render(): void {
  if (!site) return renderChooser();
  siteName.textContent = site.name;
  conn.textContent = feed?.live() ? t("app.live") : t("app.polling", { s: POLL_SECONDS });
  conn.className = feed?.live() ? "conn live" : "conn";
  const now = Date.now() + skew;
  const queues = feed?.points ?? new Map();
  renderMyBuilding(mineHost, { buildings, chosen, points: site.points, queues, timezone: site.timezone, now, moved, unknown: unknownBuilding, onChoose: choose });
  const points = focusPoint ? [...site.points.filter((p) => p.id === focusPoint), ...site.points.filter((p) => p.id !== focusPoint)] : site.points;
  renderBoard(list, {
    timezone: site.timezone,
    directory: points,
    queues,
    calling: callingAt(site.callups, now),
    here,
    now,
  });
}

function renderChooser(): void {
  siteName.textContent = t("resident.chooseSite");
  nearButton.hidden = true;
  conn.textContent = "";
  if (!directory.sites.length) return replace(list, h("li", { class: "empty" }, t("resident.noSites")));
  replace(
    list,
    ...directory.sites.map((s) =>
      h("li", { class: "site" }, h("a", { href: `/?site=${encodeURIComponent(s.id)}` }, s.name, s.district ? ` · ${s.district}` : "")),
    ),
  );
}

function locate(): void {
  if (!navigator.geolocation) return void (note.textContent = t("resident.noLocation"));
  note.textContent = t("resident.locating");
  navigator.geolocation.getCurrentPosition(
    (pos) => {
      here = { lat: pos.coords.latitude, lng: pos.coords.longitude };
      note.textContent = "";
      render();
    },
    () => (note.textContent = t("resident.noLocation")),
    { maximumAge: 60000, timeout: 10000 },
  );
}

async function refreshDirectory(): Promise<void> {
  try {
    directory = await api<Directory>("/api/v1/directory");
    skew = directory.now - Date.now();
    site = directory.sites.find((s) => s.id === site?.id) ?? site;
    await loadBuildings();
    render();
  } catch {
    // Keep the call-ups we have.
  }
}

async function start(): Promise<void> {
  initLanguage();
  onLanguageChange(render);
  nearButton.addEventListener("click", locate);
  const params = new URLSearchParams(location.search);
  const lat = Number(params.get("lat"));
  const lng = Number(params.get("lng"));
  if (params.has("lat") && Number.isFinite(lat) && Number.isFinite(lng)) here = { lat, lng };
  try {
    directory = await api<Directory>("/api/v1/directory");
    skew = directory.now - Date.now();
    directoryRead = true;
  } catch {
    // Without the directory the snapshot alone still gives names and numbers.
  }
  const wanted = params.get("site") ?? (directory.sites.length === 1 ? directory.sites[0].id : undefined);
  if (!wanted) return render();
  if (directoryRead && !directory.sites.some((s) => s.id === wanted)) {
    // A link to a site this server does not have: say so, and offer the sites it has.
    note.textContent = t("resident.unknownSite", { s: wanted });
    return render();
  }
  site = directory.sites.find((s) => s.id === wanted) ?? { id: wanted, name: wanted, timezone: "Asia/Shanghai", poolSize: 10, points: [], callups: [] };
  const askedPoint = params.get("point");
  if (askedPoint && site.points.some((p) => p.id === askedPoint)) focusPoint = askedPoint;
  else if (askedPoint) note.textContent = t("resident.unknownPoint", { p: askedPoint });
  await loadBuildings();
  const askedBuilding = params.get("building");
  let saved: string | undefined;
  try {
    saved = localStorage.getItem(savedKey()) ?? undefined;
  } catch {
    saved = undefined;
  }
  if (askedBuilding && buildings.some((b) => b.id === askedBuilding)) choose(askedBuilding);
  else {
    if (askedBuilding) unknownBuilding = askedBuilding;
    chosen = saved && buildings.some((b) => b.id === saved) ? saved : undefined;
  }
  feed = followQueues(site.id, render);
  // Ask for the place only when the phone already allows it; otherwise the button asks.
  void navigator.permissions?.query({ name: "geolocation" }).then((p) => p.state === "granted" && !here && locate(), () => {});
  setInterval(render, 30000);
  // A plan published later brings new call-up times: look again every few minutes.
  setInterval(() => void refreshDirectory(), 5 * 60000);
  render();
}

void start();
