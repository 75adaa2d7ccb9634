// The posters themselves (docs/api.md C14): one per point for its gate (where, when open, a QR code
// to its live line) and one per building for its door and group chat (which point, when it is
// called, a QR code to "my building").
import type { BuildingDay, PointDay } from "./site-day.ts";
import { dateLabel, spanLabel } from "./site-day.ts";
import { esc } from "./page.ts";
import { qrSvg } from "./qr.ts";

/** The resident page's address for one point or one building, as a QR code carries it. */
export function residentUrl(base: string, site: string, what: { point: string } | { building: string }): string {
  const url = new URL("/", base);
  url.searchParams.set("site", site);
  if ("point" in what) url.searchParams.set("point", what.point);
  else url.searchParams.set("building", what.building);
  return url.toString();
}

/**
 * A map link from coordinates (Amap's URI API, which phones in China open in the map app;
 * `coordinate=wgs84` because the scenario's coordinates are GPS ones).
 * @example mapLink({ lat: 34.8208, lng: 113.2853 }, "北门广场") // "https://uri.amap.com/marker?position=113.2853%2C34.8208&name=%E5%8C%97%E9%97%A8%E5%B9%BF%E5%9C%BA&coordinate=wgs84"
 */
export function mapLink(location: { lat: number; lng: number }, name: string): string {
  const url = new URL("https://uri.amap.com/marker");
  url.searchParams.set("position", `${location.lng},${location.lat}`);
  url.searchParams.set("name", name);
  url.searchParams.set("coordinate", "wgs84");
  return url.toString();
}

const spansText = (spans: { start: string; end: string }[], lang: "zh" | "en") =>
  spans.length === 0 ? "" : `${dateLabel(spans[0].start, lang)} ${spans.map(spanLabel).join(lang === "zh" ? "、" : ", ")}`;

export async function pointPoster(siteName: string, siteId: string, point: PointDay, base: string): Promise<string> {
  const url = residentUrl(base, siteId, { point: point.id });
  const where = point.location
    ? `<p class="line"><a href="${esc(mapLink(point.location, point.name))}">在地图中打开 · Open in a map</a> (${point.location.lat.toFixed(5)}, ${point.location.lng.toFixed(5)})</p>`
    : "";
  return `<section class="poster" data-poster="point" data-id="${esc(point.id)}">
  <p class="site">${esc(siteName)}</p>
  <h1>${esc(point.name)}<span class="en">核酸采样点 · Testing point</span></h1>
  ${where}
  <p class="big">开放时间 ${esc(spansText(point.hours, "zh"))}</p>
  <p class="line">Open ${esc(spansText(point.hours, "en"))}</p>
  <div class="qr">${await qrSvg(url)}</div>
  <p class="hint">扫码查看现在排队多长、要等多久<br>Scan to see the line and the wait now</p>
  <p class="link">${esc(url)}</p>
</section>`;
}

export async function buildingPoster(siteName: string, siteId: string, building: BuildingDay, pointName: string, base: string): Promise<string> {
  const url = residentUrl(base, siteId, { building: building.id });
  const when = building.callups.length
    ? `<p class="big">${esc(spansText(building.callups, "zh"))} 下楼采样</p>
  <p class="line">Come down ${esc(spansText(building.callups, "en"))}</p>`
    : `<p class="none">尚未安排采样时间，请留意楼栋群通知</p>
  <p class="line">No time set yet for this building: watch the building's group chat</p>`;
  return `<section class="poster" data-poster="building" data-id="${esc(building.id)}">
  <p class="site">${esc(siteName)}</p>
  <h1>${esc(building.name)}<span class="en">Building</span></h1>
  <p class="line">采样点 Testing point: <b>${esc(pointName)}</b></p>
  ${when}
  <div class="qr">${await qrSvg(url)}</div>
  <p class="hint">扫码查看本楼何时采样、现在排队情况<br>Scan to see when your building is called and the line now</p>
  <p class="link">${esc(url)}</p>
</section>`;
}
