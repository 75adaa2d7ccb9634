// The WBGT of one weather hour under each shelter, before clothing (docs/domain.md "Heat", "WBGT
// from weather (Liljegren 2008)", "BoM screening formula"): `open` in sun and shade, `shade` without
// the direct beam, `booth` indoors with no sun. A measured WBGT wins for the open air.
import type { Location, WeatherHour } from "../scenario/schema.ts";
import { DEFAULT_PRESSURE_HPA, DEFAULT_WIND_MS, hourIrradiance } from "./irradiance.ts";
import { liljegrenWbgt } from "./liljegren.ts";
import { sunPosition } from "./sun.ts";
import { estimateWbgt } from "./wbgt.ts";

/** Where the numbers came from: a measured WBGT, the Liljegren model, or the BoM formula (no location). */
export type HeatSource = "measured" | "liljegren" | "bom";

/** Inside a booth: air at the point's indoorTempC (default 26 °C), humidity and air speed of an
 * air-conditioned room (GB 50736-2012 §3.0.2, summer comfort level I: 24–26 °C, 40–60 %, ≤ 0.25 m/s). */
export const DEFAULT_INDOOR_TEMP_C = 26;
export const INDOOR_HUMIDITY = 60;
export const INDOOR_WIND_MS = 0.25;

export interface ShelterWbgt {
  source: HeatSource;
  /** The sun at mid-hour; null without a location. */
  sunElevationDeg: number | null;
  /** Irradiance on the horizontal used, W/m²; null without a location. */
  solarWm2: number | null;
  windMs: number;
  pressureHpa: number;
  open: number;
  shade: number;
  booth: number;
}

/**
 * WBGT in a booth: the Liljegren model indoors, no sun, still air.
 * @example boothWbgt(26) // 21.7
 */
export function boothWbgt(indoorTempC = DEFAULT_INDOOR_TEMP_C, pressureHpa = DEFAULT_PRESSURE_HPA): number {
  return liljegrenWbgt({ tempC: indoorTempC, humidity: INDOOR_HUMIDITY, windMs: INDOOR_WIND_MS, pressureHpa, solarWm2: 0, cosZenith: 0 }).wbgt;
}

/**
 * The WBGT of an hour under each shelter at a location, the sun taken at `midMs` (mid-hour). With
 * no location: the BoM formula in the open and in shade alike (it cannot tell them apart).
 * @example shelterWbgt({ at: "2021-08-03T13:00:00+08:00", tempC: 36, humidity: 48 }, { lat: 34.82, lng: 113.29 }, Date.parse("2021-08-03T13:30:00+08:00"))
 *   // { source: "liljegren", sunElevationDeg: 68.5, solarWm2: 960.8, open: 35.2, shade: 30.6, booth: 21.7 }
 */
export function shelterWbgt(
  hour: Pick<WeatherHour, "tempC" | "humidity" | "windMs" | "cloud" | "solarWm2" | "pressureHpa" | "wbgt">,
  location: Location | undefined,
  midMs: number,
  indoorTempC = DEFAULT_INDOOR_TEMP_C,
): ShelterWbgt {
  const windMs = hour.windMs ?? DEFAULT_WIND_MS;
  const pressureHpa = hour.pressureHpa ?? DEFAULT_PRESSURE_HPA;
  const booth = boothWbgt(indoorTempC, pressureHpa);
  const measured = typeof hour.wbgt === "number" ? hour.wbgt : undefined;
  if (!location) {
    const w = measured ?? estimateWbgt(hour.tempC, hour.humidity);
    return { source: measured !== undefined ? "measured" : "bom", sunElevationDeg: null, solarWm2: null, windMs, pressureHpa, open: w, shade: w, booth };
  }
  const sun = sunPosition(location, midMs);
  const solarWm2 = hourIrradiance(hour, sun.elevationDeg);
  const base = { tempC: hour.tempC, humidity: hour.humidity, windMs, pressureHpa, solarWm2, cosZenith: sun.cosZenith, distanceAu: sun.distanceAu };
  const open = liljegrenWbgt(base).wbgt;
  const shade = solarWm2 > 0 ? liljegrenWbgt({ ...base, shaded: true }).wbgt : open;
  // a measured WBGT is the open air's; shade keeps the model's difference (what the beam adds)
  if (measured !== undefined)
    return { source: "measured", sunElevationDeg: sun.elevationDeg, solarWm2, windMs, pressureHpa, open: measured, shade: measured - Math.max(0, open - shade), booth };
  return { source: "liljegren", sunElevationDeg: sun.elevationDeg, solarWm2, windMs, pressureHpa, open, shade, booth };
}
