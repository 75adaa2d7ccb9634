// What each position's slots are like, worked out once per run: the engine asks, for every slot,
// about every candidate, and the heat limit, the day rule and the long-run desk share do not
// depend on who stands there.
import type { Role } from "../scenario/schema.ts";
import { inNoOutdoor } from "../heat/day-rule.ts";
import { heatLimit, type RotationContext } from "./context.ts";
import { dutyShare } from "./duty-share.ts";
import type { DeskSlot } from "./person.ts";
import type { Layout } from "./positions.ts";

export interface SlotTable {
  /** slots[p][i]: the desk slot of position p in slot i (shared by positions of one role and point). */
  slots: DeskSlot[][];
  /** forbidden[p][i]: nobody may take it (the day rule, or a heat limit shorter than a slot). */
  forbidden: Uint8Array[];
  /** The best long-run desk share of each role in each slot, over the shelters it works under. */
  shares: Map<Role, Float64Array>;
}

/**
 * The desk slots, bans and desk shares of a layout's positions.
 * @example slotTable(ctx, lay).slots[0][0].limit // { work: 30, rest: 30 } (a sampler in shade at 07:00 on the example's day)
 */
export function slotTable(ctx: RotationContext, { grid, positions }: Layout): SlotTable {
  const S = grid.slot;
  const byKind = new Map<string, { slots: DeskSlot[]; forbidden: Uint8Array }>();
  const shares = new Map<Role, Float64Array>();
  const slots: DeskSlot[][] = [], forbidden: Uint8Array[] = [];
  for (const p of positions) {
    const k = `${p.role}|${p.point}`;
    let kind = byKind.get(k);
    if (!kind) {
      kind = { slots: [], forbidden: new Uint8Array(grid.count) };
      const share = shares.get(p.role) ?? new Float64Array(grid.count);
      for (let i = 0; i < grid.count; i++) {
        const m = grid.origin + i * S;
        const limit = heatLimit(ctx, p.role, p.point, m, m + S);
        kind.slots.push({ start: m, end: m + S, outdoor: p.outdoor, limit });
        // unfitFor turns everyone away here: the day rule, or a stint that cannot last one slot (a heat stop among them)
        if ((p.outdoor && inNoOutdoor(ctx.dayRule, m, m + S)) || (limit !== null && limit.work < S)) kind.forbidden[i] = 1;
        share[i] = Math.max(share[i], dutyShare(limit, ctx.rules));
      }
      byKind.set(k, kind);
      shares.set(p.role, share);
    }
    slots.push(kind.slots);
    forbidden.push(kind.forbidden);
  }
  return { slots, forbidden, shares };
}
