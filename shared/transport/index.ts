// The transport area: courier pickups and the boxes they carry.
export * from "./pickups.ts";
export * from "./boxes.ts";
export * from "./couriers.ts";
