// WBGT from air temperature and humidity (Australian Bureau of Meteorology screening formula), and
// the rule that a measured or forecast WBGT wins over the estimate (docs/domain.md "Heat").
import type { WeatherHour } from "../scenario/schema.ts";

/**
 * Water vapour pressure in hPa at temperature `tempC` and relative humidity `humidity` (%).
 * @example vapourPressure(35, 50) // ≈ 28.0
 */
export function vapourPressure(tempC: number, humidity: number): number {
  return (humidity / 100) * 6.105 * Math.exp((17.27 * tempC) / (237.7 + tempC));
}

/**
 * WBGT (°C) estimated from temperature and humidity; it assumes sun and light wind, so it
 * overstates the heat at night and under cloud.
 * @example estimateWbgt(35, 50) // ≈ 34.8
 * @example estimateWbgt(30, 60) // ≈ 30.9
 */
export function estimateWbgt(tempC: number, humidity: number): number {
  return 0.567 * tempC + 0.393 * vapourPressure(tempC, humidity) + 3.94;
}

/**
 * The WBGT of a weather hour before clothing and shade: the measured value where given, else the
 * BoM estimate.
 * @example hourWbgt({ at: "2021-08-03T07:00:00+08:00", tempC: 35, humidity: 50, wbgt: 29 }) // 29
 */
export function hourWbgt(hour: Pick<WeatherHour, "tempC" | "humidity" | "wbgt">): number {
  return typeof hour.wbgt === "number" ? hour.wbgt : estimateWbgt(hour.tempC, hour.humidity);
}
