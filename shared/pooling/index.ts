// The pooling area: tubes per point and Dorfman's pool-size advice.
export * from "./tubes.ts";
export * from "./dorfman.ts";
