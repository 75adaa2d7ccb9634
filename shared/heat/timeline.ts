// The day's heat hour by hour, as minutes: which weather hour is in force at a minute, and the
// effective WBGT and category under each shelter. A weather hour holds until the next one.
import type { HeatCategory } from "../plan/types.ts";
import type { Scenario, Shelter } from "../scenario/schema.ts";
import { toMinute, type Minute } from "../time.ts";
import { heatCategory } from "./category.ts";
import { effectiveWbgt } from "./effective.ts";
import { hourWbgt } from "./wbgt.ts";

/** One weather hour in minutes, with its heat under the open sky and in shade. */
export interface HeatSpell {
  start: Minute;
  end: Minute;
  tempC: number;
  humidity: number;
  wbgt: number;
  effective: { open: number; shade: number };
  category: { open: HeatCategory; shade: HeatCategory };
}

/**
 * The weather hours as heat spells, sorted; each lasts until the next forecast (the last for 60 min).
 * @example heatSpells(yiyuan)[0].category.open // 5
 */
export function heatSpells(scenario: Pick<Scenario, "weather" | "heat">): HeatSpell[] {
  const hours = [...scenario.weather]
    .map((w) => ({ ...w, m: toMinute(w.at) }))
    .sort((a, b) => a.m - b.m);
  return hours.map((w, i) => {
    const wbgt = hourWbgt(w);
    const open = effectiveWbgt(wbgt, "open", scenario.heat)!;
    const shade = effectiveWbgt(wbgt, "shade", scenario.heat)!;
    return {
      start: w.m,
      end: i + 1 < hours.length ? hours[i + 1].m : w.m + 60,
      tempC: w.tempC,
      humidity: w.humidity,
      wbgt,
      effective: { open, shade },
      category: { open: heatCategory(open), shade: heatCategory(shade) },
    };
  });
}

/** Index of the spell in force at a minute: the last that started at or before it (else the first). */
export function spellIndexAt(spells: HeatSpell[], minute: Minute): number {
  let lo = 0, hi = spells.length - 1, found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spells[mid].start <= minute) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/**
 * The worst heat category under a shelter over minutes [start, end); null in a booth.
 * @example worstCategory(spells, "open", 780, 840) // 5
 */
export function worstCategory(spells: HeatSpell[], shelter: Shelter, start: Minute, end: Minute): HeatCategory | null {
  if (shelter === "booth" || spells.length === 0) return null;
  let i = spellIndexAt(spells, start);
  let worst: HeatCategory = spells[i].category[shelter];
  while (i + 1 < spells.length && spells[i + 1].start < end) {
    i++;
    if (spells[i].category[shelter] > worst) worst = spells[i].category[shelter];
  }
  return worst;
}
