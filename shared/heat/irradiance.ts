// Solar irradiance on a horizontal surface for a weather hour: the hour's own `solarWm2` when the
// scenario gives it, else a clear-sky estimate from the sun's elevation scaled by cloud
// (docs/domain.md "Heat", "WBGT from weather (Liljegren 2008)"). No sun below the horizon.

/**
 * Clear-sky global horizontal irradiance (W/m²) by Haurwitz's model (Haurwitz 1945, "Insolation in
 * relation to cloudiness and cloud density", J. Meteorol. 2:154–166; in the form used by Reno,
 * Hansen & Stein 2012, Sandia SAND2012-2389): `G = 1098·cos z·exp(−0.057 / cos z)`; 0 below the horizon.
 * @example clearSkyWm2(90) // 1037.2
 * @example clearSkyWm2(-5) // 0
 */
export function clearSkyWm2(elevationDeg: number): number {
  const cosZ = Math.sin((elevationDeg * Math.PI) / 180);
  if (cosZ <= 0) return 0;
  return 1098 * cosZ * Math.exp(-0.057 / cosZ);
}

/**
 * Irradiance under a cloud fraction, by Kasten & Czeplak (1980, "Solar and terrestrial radiation
 * dependent on the amount and type of cloud", Solar Energy 24:177–189): `G = G_clear·(1 − 0.75·c^3.4)`.
 * @example cloudScaled(1000, 1) // 250
 * @example cloudScaled(1000, 0.5) // 928.95
 */
export function cloudScaled(clearWm2: number, cloud: number): number {
  return clearWm2 * (1 - 0.75 * Math.max(0, Math.min(1, cloud)) ** 3.4);
}

/**
 * The irradiance (W/m²) of an hour: its given `solarWm2`, else the cloud-scaled clear-sky estimate;
 * always 0 with the sun below the horizon.
 * @example hourIrradiance({ cloud: 0 }, 68.5) // 960.9
 * @example hourIrradiance({ solarWm2: 600 }, 40) // 600
 * @example hourIrradiance({ solarWm2: 50 }, -3) // 0
 */
export function hourIrradiance(hour: { solarWm2?: number; cloud?: number }, elevationDeg: number): number {
  if (elevationDeg <= 0) return 0;
  if (typeof hour.solarWm2 === "number") return hour.solarWm2;
  return cloudScaled(clearSkyWm2(elevationDeg), hour.cloud ?? DEFAULT_CLOUD);
}

/** Weather rows that omit them (docs/api.md "Defaults"): wind 1.0 m/s at 2 m, pressure 1010 hPa, no cloud. */
export const DEFAULT_WIND_MS = 1.0;
export const DEFAULT_PRESSURE_HPA = 1010;
export const DEFAULT_CLOUD = 0;
