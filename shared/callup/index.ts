// The call-up area: which building comes down to which point when, and which desks that needs.
export * from "./place.ts";
export * from "./spread.ts";
export * from "./cool-hours.ts";
export * from "./schedule-point.ts";
export * from "./schedule.ts";
export * from "./reroute.ts";
export * from "./shortfall.ts";
export * from "./desk-demand.ts";
