// The queue area: the sampling day's minute frame, the time-stepped line, Erlang C, the slot forecast.
export * from "./day.ts";
export * from "./fluid.ts";
export * from "./erlang.ts";
export * from "./mmc-sim.ts";
export * from "./forecast.ts";
