// Residents wait in line outside the desks: the person-minutes they spend at a WBGT of 28 °C or more
// (docs/api.md "Plan": `summary.residentHeatMinutes`). The line stands where the point is: in the
// sun at an open point, under the awning at a shaded one, outside a booth in the open air. Residents
// wear their own clothes, so no clothing adjustment.
import type { Point } from "../scenario/schema.ts";
import type { Minute } from "../time.ts";
import { hourIndexAt, type HeatTableHour } from "./table.ts";

/** The WBGT (°C) at or above which a resident's minute in line counts as a minute in the heat. */
export const RESIDENT_HEAT_WBGT_C = 28;

/**
 * The WBGT residents in line at a point stand in at a minute: the point's own shelter's WBGT before
 * clothing, or the open air's outside a booth (the line is not in the booth).
 * @example lineWbgt(heatTable(yiyuan), yiyuan.points[1], heatTable(yiyuan)[6].start) // 35.2 (13:00, the open south gate)
 */
export function lineWbgt(table: HeatTableHour[], point: Pick<Point, "id" | "shelter">, minute: Minute): number {
  if (table.length === 0) return -Infinity;
  const h = table[hourIndexAt(table, minute)];
  return point.shelter === "booth" ? h.wbgt.open : h.points[point.id]?.wbgt ?? h.wbgt.open;
}

/**
 * Person-minutes in line at a WBGT of 28 °C or more, from the line's length at each minute of the day.
 * @example residentHeatMinutes(table, yiyuan.points[1], day.origin, trace.line) // 90 (30 arrive at 07:00 at the open south gate, WBGT 29.6)
 */
export function residentHeatMinutes(table: HeatTableHour[], point: Pick<Point, "id" | "shelter">, origin: Minute, line: ArrayLike<number>): number {
  let total = 0;
  for (let m = 0; m < line.length; m++)
    if (line[m] > 0 && lineWbgt(table, point, origin + m) >= RESIDENT_HEAT_WBGT_C) total += line[m];
  return total;
}
