// Heat: WBGT, effective WBGT per shelter, TB MED 507 categories and work/rest, and the day rule.
export { vapourPressure, estimateWbgt, hourWbgt } from "./wbgt.ts";
export { celsiusToFahrenheit, heatCategory, workRest, restAfter, type WorkRest } from "./category.ts";
export { effectiveWbgt, isOutdoor } from "./effective.ts";
export { heatSpells, spellIndexAt, worstCategory, type HeatSpell } from "./timeline.ts";
export { dayRuleBand, hottestHours, dayRuleMinutes, dayRule, inNoOutdoor, type DayRuleMinutes } from "./day-rule.ts";
export { heatHours } from "./hours.ts";
export { drinkingAdvice, MAX_LITRES_PER_HOUR, type DrinkingAdvice } from "./drink.ts";
