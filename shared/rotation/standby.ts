// Standby (docs/api.md C5: standby people give instant relief): after the rotation is fixed,
// people it already uses stand by at a point with open desks while they are on duty, rested and not
// at a desk, so the lead sees who can step in at once. Standby never moves a desk minute: it only
// fills rest that the heat does not demand, and only where it breaks no rule.
//
// Rules for standby (docs/api.md "Defaults"): it is work time (maxWorkMinutesPerDay counts desk plus
// standby), it is time in PPE (standing by in the suit is no break out of PPE, so it extends a PPE
// run), and it is not a desk stint (the heat's work/rest limit counts desk time only). The rest a
// stint earns stays rest, meals stay meals.
import { restAfter } from "../heat/category.ts";
import type { Role } from "../scenario/schema.ts";
import type { Minute } from "../time.ts";
import type { MinuteAssignment } from "./api.ts";
import { breaksBetween } from "./breaks.ts";
import { checkPerson } from "./check.ts";
import { shiftOf, type RotationContext } from "./context.ts";
import type { Layout } from "./positions.ts";
import { deskStints } from "./stints.ts";

/** Open seats of one role at one point, per slot of the grid, and how many stand by for them. */
interface Seats {
  open: Uint16Array;
  standby: Uint16Array;
}

/**
 * Open seats per point and role on the layout's grid: at most one person stands by per open seat,
 * which is all the instant relief a desk can use.
 * @example openSeats(lay).get("north-gate|sampler").open[0] // 2 (both desks open at 07:00)
 */
export function openSeats({ grid, positions, openAt }: Layout): Map<string, Seats> {
  const out = new Map<string, Seats>();
  positions.forEach((p, pi) => {
    const k = `${p.point}|${p.role}`;
    let s = out.get(k);
    if (!s) { s = { open: new Uint16Array(grid.count), standby: new Uint16Array(grid.count) }; out.set(k, s); }
    for (let i = 0; i < grid.count; i++) s.open[i] += openAt[pi][i];
  });
  return out;
}

const mealKey = (list: MinuteAssignment[]) => list.filter((a) => a.activity === "meal").map((a) => `${a.start}-${a.end}`).join(",");

/**
 * Standby assignments for the people the rotation uses, given each one's work (desk assignments
 * with ids set, and any standby already kept, as in a re-plan): within each rest that the heat does not demand, at the point of the person's
 * next desk (else their last), on slots where that point has an open seat of their role with
 * nobody yet standing by for it; each piece as long as every rule allows. People are taken in
 * roster order, so the same rotation gives the same standby.
 * @example standbyFor(ctx, lay, new Map(ctx.people.map((p, i) => [i, rotation.assignments.filter((a) => a.staff === p.id && a.activity === "desk")]))).get(0)[0] // { id: "bai-xue-standby-1", activity: "standby", point: "north-gate" }
 */
export function standbyFor(ctx: RotationContext, lay: Layout, desk: Map<number, MinuteAssignment[]>): Map<number, MinuteAssignment[]> {
  const { grid } = lay;
  const S = grid.slot;
  const seats = openSeats(lay);
  const out = new Map<number, MinuteAssignment[]>();
  if (grid.count === 0) return out;
  const slotAt = (m: Minute) => Math.floor((m - grid.origin) / S);
  for (const x of [...desk.keys()].sort((a, b) => a - b)) {
    const person = ctx.people[x];
    if (person.extra) continue;
    const work = [...desk.get(x)!].sort((a, b) => a.start - b.start);
    const breaks = breaksBetween(ctx, person.id, work);
    const meals = mealKey(breaks);
    const stints = deskStints(ctx, work);
    // work minutes left on each of the person's days (maxWorkMinutesPerDay: desk plus standby)
    const left = new Array<number>(person.dayIndex.length).fill(ctx.rules.maxWorkMinutesPerDay);
    for (const a of work) { const k = shiftOf(person, a.start, a.end); if (k >= 0) left[person.dayIndex[k]] -= a.end - a.start; }
    const added: MinuteAssignment[] = [];
    const fits = (piece: MinuteAssignment) => {
      const trial = [...work, ...added, piece];
      return checkPerson(ctx, person.id, trial).length === 0 && mealKey(breaksBetween(ctx, person.id, trial)) === meals;
    };
    for (const rest of breaks) {
      if (rest.activity !== "rest" && rest.activity !== "break") continue; // a break stays one where the PPE cap needs it (the check below)
      const stint = stints.findLast((s) => s.end <= rest.start);
      const owed = stint ? stint.end + restAfter(stint.end - stint.start, stint.limit) : rest.start;
      const shift = shiftOf(person, rest.start, rest.end);
      if (shift < 0) continue;
      const day = person.dayIndex[shift];
      // where they give relief: the point of their next desk, else of their last
      const next = work.find((a) => a.start >= rest.end), prev = work.findLast((a) => a.end <= rest.start);
      const near = [next, prev].filter((a): a is MinuteAssignment => a !== undefined);
      // eligible slots, grouped into pieces of one point and role
      const pieces: { point: string; role: Role; start: Minute; end: Minute }[] = [];
      const first = Math.max(0, slotAt(Math.max(rest.start, owed) + S - 1));
      for (let i = first; i < grid.count; i++) {
        const m = grid.origin + i * S;
        if (m >= rest.end) break;
        if (m < owed || m < rest.start) continue;
        const at = near.find((a) => { const s = seats.get(`${a.point}|${a.role}`); return s !== undefined && s.standby[i] < s.open[i]; });
        if (!at) continue;
        const end = Math.min(m + S, rest.end), last = pieces.at(-1);
        if (last && last.end === m && last.point === at.point && last.role === at.role) last.end = end;
        else pieces.push({ point: at.point!, role: at.role, start: m, end });
      }
      for (const p of pieces) {
        // no longer than the day's work minutes left; then shorter from the front until every rule holds
        let start = Math.max(p.start, p.end - Math.floor(left[day] / S) * S);
        for (; start < p.end; start += S) {
          const piece: MinuteAssignment = { id: "", staff: person.id, role: p.role, activity: "standby", point: p.point, start, end: p.end };
          if (!fits(piece)) continue;
          added.push(piece);
          left[day] -= piece.end - piece.start;
          const s = seats.get(`${p.point}|${p.role}`)!;
          for (let i = slotAt(start); i < grid.count && grid.origin + i * S < piece.end; i++) s.standby[i]++;
          break;
        }
      }
    }
    if (added.length === 0) continue;
    const had = work.filter((a) => a.activity === "standby").length; // a re-plan keeps earlier standby
    added.forEach((a, k) => { a.id = `${person.id}-standby-${had + k + 1}`; });
    out.set(x, added);
  }
  return out;
}
