// Heat: the sun, WBGT per shelter (Liljegren 2008; BoM without a location), garments, the exposure
// limits (GBZ 2.2-2007, TB MED 507) as allowances per point and hour, and the day rule.
export { vapourPressure, estimateWbgt, hourWbgt } from "./wbgt.ts";
export { sunPosition, refraction, type LatLng, type SunPosition } from "./sun.ts";
export { clearSkyWm2, cloudScaled, hourIrradiance, DEFAULT_WIND_MS, DEFAULT_PRESSURE_HPA, DEFAULT_CLOUD } from "./irradiance.ts";
export { liljegrenWbgt, solarSplit, globeC, natWetBulbC, type WbgtInput, type WbgtResult } from "./liljegren.ts";
export { shelterWbgt, boothWbgt, DEFAULT_INDOOR_TEMP_C, type HeatSource, type ShelterWbgt } from "./shelters.ts";
export { dressAt, GARMENT_ADJUSTMENT_C, HOOD_ADJUSTMENT_C, DEFAULT_GARMENT, type Dress } from "./garments.ts";
export { gbzBand, gbzAllowance, HOT_REGION_C, UNACCLIMATIZED_C, type Allowance, type GbzBand } from "./gbz.ts";
export { celsiusToFahrenheit, heatCategory, workRest, restAfter, type WorkRest } from "./category.ts";
export { effectiveWbgt, isOutdoor } from "./effective.ts";
export { heatTable, locationOf, limitOf, strictestLimit, deskCanOpen, stopSpans, hourIndexAt, STOP_LIMIT, type HeatTableHour, type PointHeat } from "./table.ts";
export { lineWbgt, residentHeatMinutes, RESIDENT_HEAT_WBGT_C } from "./residents.ts";
export { dayRuleBand, hottestHours, dayRuleMinutes, dayRule, inNoOutdoor, type DayRuleMinutes } from "./day-rule.ts";
export { heatHours } from "./hours.ts";
export { drinkingAdvice, MAX_LITRES_PER_HOUR, type DrinkingAdvice } from "./drink.ts";
