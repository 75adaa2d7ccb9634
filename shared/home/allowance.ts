// The heat allowance a route follows: work and rest minutes per hour, no limit, or no work at all
// (docs/domain.md "Heat": the GBZ 2.2-2007 exposure limits turned into work/rest).
export type Allowance = { work: number; rest: number } | "unlimited" | "stop";

/**
 * The stricter of two allowances: stop over any work, less work per hour over more.
 * @example stricter({ work: 45, rest: 15 }, { work: 30, rest: 30 }) // { work: 30, rest: 30 }
 * @example stricter("unlimited", "stop") // "stop"
 */
export function stricter(a: Allowance, b: Allowance): Allowance {
  if (a === "stop" || b === "stop") return "stop";
  if (a === "unlimited") return b;
  if (b === "unlimited") return a;
  return a.work / (a.work + a.rest) <= b.work / (b.work + b.rest) ? a : b;
}
