// Gap reasons a site lead understands: what rule or shortage left a desk without a role.
import type { Role } from "../scenario/schema.ts";
import { toIso, wallClock, type Minute } from "../time.ts";
import type { RotationContext } from "./context.ts";
import type { DeskSlot, Unfit } from "./person.ts";
import type { Position } from "./positions.ts";

const PHRASE: Record<Unfit | "reserve", string> = {
  "off-duty": "off duty",
  busy: "at other desks",
  "heat-rest": "resting after heat stints",
  "heat-stint": "at the end of the stint the heat allows",
  ppe: "on a break out of PPE",
  meal: "due a meal break",
  overtime: "at the daily work limit",
  "outdoor-limit": "at the day rule's 6-hour outdoor limit",
  "no-outdoor-person": "excused from outdoor work in the heat",
  "day-rule": "kept indoors by the day rule",
  "shift-rest": "resting between shifts",
  reserve: "held in reserve",
};

const ORDER: (Unfit | "reserve")[] = [
  "busy", "heat-rest", "heat-stint", "ppe", "meal", "overtime", "outdoor-limit", "no-outdoor-person", "day-rule", "shift-rest", "reserve",
];

const hhmm = (m: Minute, tz: string) => wallClock(toIso(m, tz));

/** Why the day rule closes an outdoor desk at these minutes, or null if it does not. */
export function dayRuleReason(ctx: RotationContext, start: Minute, end: Minute): string | null {
  const r = ctx.dayRule;
  const span = r.noOutdoor.find((s) => start < s.end && end > s.start);
  if (!span) return null;
  if (r.band === ">=40") return `day rule: forecast maximum ${r.maxTempC} °C, no outdoor work at 40 °C or more (2012 measures art. 8)`;
  return `day rule: forecast maximum ${r.maxTempC} °C, no outdoor work in the 3 hottest hours ${hhmm(span.start, ctx.timezone)}–${hhmm(span.end, ctx.timezone)} (2012 measures art. 8)`;
}

/**
 * The reason a position is unstaffed in a slot, from why each person with the role could not take it.
 * @example gapReason(ctx, lay.positions[0], { start: 800, end: 805, outdoor: true, limit: { work: 20, rest: 40 } }, ["heat-rest", "busy", "off-duty"])
 *   // "no sampler available: the 2 on duty are at other desks or resting after heat stints"
 */
export function gapReason(ctx: RotationContext, p: Position, slot: DeskSlot, causes: (Unfit | "reserve")[]): string {
  if (p.outdoor) {
    const rule = dayRuleReason(ctx, slot.start, slot.end);
    if (rule) return rule;
  }
  if (slot.limit && slot.limit.work === 0)
    return `heat stop: the ${p.role}'s allowance at ${p.point} is stop in this hour (docs/domain.md "Heat")`;
  if (slot.limit && slot.limit.work < slot.end - slot.start)
    return `heat allows ${p.role} stints of only ${slot.limit.work} min here, shorter than the ${slot.end - slot.start}-min slot`;
  const role: Role = p.role;
  if (causes.length === 0) return `no ${role} on the roster`;
  const onDuty = causes.filter((c) => c !== "off-duty");
  if (onDuty.length === 0) return `no ${role} on duty at this time (${causes.length} on the roster)`;
  const kinds = ORDER.filter((c) => (onDuty as string[]).includes(c)).map((c) => PHRASE[c]);
  const list = kinds.length === 1 ? kinds[0] : `${kinds.slice(0, -1).join(", ")} or ${kinds.at(-1)}`;
  return onDuty.length === 1
    ? `no ${role} available: the only one on duty is ${list.replace("desks", "desk").replace("stints", "stint")}`
    : `no ${role} available: ${kinds.length === 1 ? "all" : "the"} ${onDuty.length} on duty are ${list}`;
}
