// The time-stepped rotation: slot by slot, whoever holds a desk stays while the heat, PPE and meal
// rules allow; a vacant desk takes the rested, qualified person with the fewest desk minutes
// (fairness); a spare fresh person relieves whoever has been in PPE longest, staggering breaks.
import type { Role } from "../scenario/schema.ts";
import { shiftOf, type RotationContext } from "./context.ts";
import { PersonState, recordWork, unfitFor, type Unfit } from "./person.ts";
import type { Layout } from "./positions.ts";
import { gapReason } from "./reasons.ts";
import { slotTable } from "./slot-table.ts";

export interface EngineInput {
  layout: Layout;
  /** People each role may draw on, best first; a person may be in several. */
  pools: Map<Role, number[]>;
  /** Person states carried in from earlier minutes (a re-plan); fresh when absent. */
  states?: PersonState[];
  /** Who holds each position just before the grid starts (a re-plan), -1 for nobody. */
  holders?: Int32Array;
  /** Build a reason for every unstaffed slot (the final run only: it costs a scan of the roster). */
  explain: boolean;
}

export interface EngineResult {
  /** occupant[p][i]: person index at position p in slot i, -1 for nobody. */
  occupant: Int32Array[];
  states: PersonState[];
  /** Unstaffed slots more people of the role would fill (not forbidden by day rule or heat). */
  gaps: Map<Role, number>;
  /** Why each unstaffed open slot is unstaffed (explain only). */
  reasons: (string | null)[][] | null;
}

/** How far ahead the desk cap looks when a person's daily work limit runs short. */
const SHARE_HORIZON_MINUTES = 240;

/** Runs the rotation over the layout's grid. */
export function runRotation(ctx: RotationContext, input: EngineInput): EngineResult {
  const { layout: { grid, positions, openAt }, pools } = input;
  const S = grid.slot;
  const states = input.states ?? ctx.people.map((p) => new PersonState(p));
  const occupant = positions.map(() => new Int32Array(grid.count).fill(-1));
  const reasons = input.explain ? positions.map(() => new Array<string | null>(grid.count).fill(null)) : null;
  const gaps = new Map<Role, number>();

  const { slots, forbidden, shares } = slotTable(ctx, input.layout);

  // desks in priority order: desk 1 of every point, then desk 2, … so each point opens its first desk
  const byDesk = new Map<string, number[]>();
  for (const p of positions) {
    const k = `${p.point}#${p.desk}`;
    const list = byDesk.get(k);
    if (list) list.push(p.index); else byDesk.set(k, [p.index]);
  }
  const pointOrder = new Map(ctx.scenario.points.map((p, k) => [p.id, k]));
  const desks = [...byDesk.values()].sort((a, b) => positions[a[0]].desk - positions[b[0]].desk
    || (pointOrder.get(positions[a[0]].point) ?? 0) - (pointOrder.get(positions[b[0]].point) ?? 0));
  const deskOf: number[][] = [];
  for (const d of desks) for (const pi of d) deskOf[pi] = d;
  const need = new Map<Role, number>();
  for (const pi of desks[0] ?? []) need.set(positions[pi].role, (need.get(positions[pi].role) ?? 0) + 1);

  const onDuty = (st: PersonState, m: number) => shiftOf(st.person, m, m + S);
  /** Desks the on-duty people can keep staffed: their long-run desk shares, summed by role. */
  const sustainable = (i: number, m: number): { cap: number; short: Set<Role>; byRole: Map<Role, number> } => {
    let cap = Infinity;
    const byRole = new Map<Role, number>();
    for (const [role, n] of need) {
      let seats = 0;
      const share = shares.get(role)![i];
      for (const x of pools.get(role) ?? []) {
        const st = states[x];
        const k = onDuty(st, m);
        if (k < 0) continue;
        const worked = st.dayWork[st.person.dayIndex[k]];
        // the daily cap binds only if it cannot last the next few hours (a late arrival may take over)
        const left = Math.max(0, ctx.rules.maxWorkMinutesPerDay - worked);
        seats += Math.min(share, left / Math.min(st.person.shifts[k].end - m, SHARE_HORIZON_MINUTES));
      }
      // a short crew still opens one desk part of the time rather than none
      const k = seats > 0 ? Math.max(1, Math.floor(seats / n + 1e-6)) : 0;
      byRole.set(role, k);
      cap = Math.min(cap, k);
    }
    return { cap, short: new Set([...byRole].filter(([, k]) => k === cap).map(([r]) => r)), byRole };
  };

  // out of PPE long enough that a new stint starts a fresh PPE run
  const fresh = (st: PersonState, m: number) => m - st.lastPpeEnd >= ctx.rules.ppeBreakMinutes;
  // who is preferred for a vacant desk: a fresh person first (a whole PPE run ahead), then fairness
  // (fewest desk minutes), then whoever has rested longest, then roster order; a total order, so
  // the first fit person of a list sorted by it is the best fit one
  const preferred = (x: number, y: number, m: number) => {
    const a = states[x], b = states[y];
    const fa = fresh(a, m), fb = fresh(b, m);
    if (fa !== fb) return fa ? -1 : 1;
    return a.deskMinutes - b.deskMinutes || a.lastDeskEnd - b.lastDeskEnd || a.person.index - b.person.index;
  };

  // the slot's working arrays, reused from slot to slot (a district runs this thousands of times)
  let holder = input.holders ? Int32Array.from(input.holders) : new Int32Array(positions.length).fill(-1);
  let now = new Int32Array(positions.length);
  const stays = new Int32Array(positions.length);
  const released = new Uint8Array(positions.length), capped = new Uint8Array(positions.length);
  const idle = new Map<Role, number[]>();
  for (let i = 0; i < grid.count; i++) {
    const m = grid.origin + i * S;
    now.fill(-1);
    // 1. whoever holds a desk may stay while every rule allows
    stays.fill(-1);
    for (let pi = 0; pi < positions.length; pi++) {
      const h = holder[pi];
      if (h < 0 || !openAt[pi][i]) continue;
      const st = states[h];
      if (st.busySlot !== i && unfitFor(ctx, st, slots[pi][i], i) === null) { stays[pi] = h; st.busySlot = i; }
    }
    // people free now, per role, in order of preference: on duty, not placed, rested (or joining
    // their stint); listed when a role is first asked for, as the placements so far leave them
    idle.clear();
    const byPreference = (x: number, y: number) => preferred(x, y, m);
    const idleFor = (role: Role) => {
      let list = idle.get(role);
      if (!list) {
        list = (pools.get(role) ?? []).filter((x) => {
          const st = states[x];
          return st.busySlot !== i && (m >= st.restUntil || st.joins(m)) && onDuty(st, m) >= 0;
        });
        list.sort(byPreference);
        idle.set(role, list);
      }
      return list;
    };
    const pick = (pi: number, freshOnly = false): number => {
      const list = idleFor(positions[pi].role); // listed now even if nobody may take it: who is listed depends on when
      if (forbidden[pi][i]) return -1;
      const slot = slots[pi][i];
      for (const x of list) {
        const st = states[x];
        if (st.busySlot === i) continue;
        if (freshOnly && !fresh(st, m)) break; // the fresh come first
        if (unfitFor(ctx, st, slot, i) === null) return x;
      }
      return -1;
    };
    // 2. desks in priority order, no more than can be kept staffed, each only with every role: a
    // sampler without a registrar swabs nobody, so an incomplete desk keeps its people off it
    released.fill(0); capped.fill(0);
    const { cap, short, byRole } = sustainable(i, m);
    let wanted = 0;
    for (const desk of desks) if (openAt[desk[0]][i]) wanted++;
    let opened = 0;
    for (const desk of desks) {
      if (!openAt[desk[0]][i]) continue;
      if (opened >= cap) {
        for (const pi of desk) { if (stays[pi] >= 0) states[stays[pi]].busySlot = -1; capped[pi] = 1; }
        continue;
      }
      const taken: number[] = [];
      let complete = true;
      for (const pi of desk) {
        const x = stays[pi] >= 0 ? stays[pi] : pick(pi);
        if (x < 0) { complete = false; continue; }
        now[pi] = x; states[x].busySlot = i; taken.push(pi);
      }
      if (complete) { opened++; continue; }
      for (const pi of taken) {
        const x = now[pi];
        now[pi] = -1; released[pi] = 1; states[x].busySlot = -1;
        const list = idleFor(positions[pi].role);
        if (!list.includes(x)) {
          const at = list.findIndex((y) => byPreference(x, y) < 0);
          list.splice(at < 0 ? list.length : at, 0, x);
        }
      }
    }
    // 3. a spare fresh person relieves whoever has been in PPE longest, which staggers the breaks
    const tired: number[] = [];
    for (let pi = 0; pi < positions.length; pi++) {
      const h = now[pi];
      if (h >= 0 && h === stays[pi] && m - states[h].ppeRunStart >= ctx.rules.ppeBreakMinutes) tired.push(pi);
    }
    tired.sort((a, b) => states[now[a]].ppeRunStart - states[now[b]].ppeRunStart || a - b);
    for (const pi of tired) {
      const x = pick(pi, true);
      if (x < 0) continue;
      now[pi] = x; states[x].busySlot = i; // the relieved person stays marked busy: off this slot
    }
    // 4. explain what stays unstaffed (the same role under the same shelter has the same reason),
    // then record
    const said = new Map<string, string>();
    for (let pi = 0; pi < positions.length; pi++) {
      if (!openAt[pi][i] || now[pi] >= 0) continue;
      const p = positions[pi], slot = slots[pi][i], banned = forbidden[pi][i] === 1;
      if (!banned && !released[pi] && (!capped[pi] || (byRole.get(p.role) ?? 0) < wanted)) gaps.set(p.role, (gaps.get(p.role) ?? 0) + 1);
      if (!reasons) continue;
      if (capped[pi] && !banned) {
        const [role] = [...short];
        const k = `capped|${role}`;
        if (!said.has(k)) {
          const count = ctx.people.filter((q) => q.roles.has(role) && onDuty(states[q.index], m) >= 0).length;
          said.set(k, `desk kept closed: the ${count} ${role}s on duty can keep only ${cap} desk${cap === 1 ? "" : "s"} staffed through their heat and PPE breaks`);
        }
        reasons[pi][i] = said.get(k)!;
      } else if (released[pi] && !banned) {
        const missing = deskOf[pi].filter((q) => now[q] < 0 && !released[q]).map((q) => positions[q].role);
        reasons[pi][i] = `desk not opened: no ${[...new Set(missing)].join(" or ")} for it, so its ${p.role} stays off it`;
      } else {
        const k = `short|${p.role}|${p.shelter}`;
        if (!said.has(k)) {
          const causes: (Unfit | "reserve")[] = [];
          for (const person of ctx.people)
            if (person.roles.has(p.role)) causes.push(unfitFor(ctx, states[person.index], slot, i) ?? "reserve");
          said.set(k, gapReason(ctx, p, slot, causes));
        }
        reasons[pi][i] = said.get(k)!;
      }
    }
    for (let pi = 0; pi < positions.length; pi++) {
      const x = now[pi];
      if (x < 0) continue;
      occupant[pi][i] = x;
      recordWork(ctx, states[x], slots[pi][i]);
      states[x].position = pi;
    }
    [holder, now] = [now, holder];
  }
  return { occupant, states, gaps, reasons };
}
