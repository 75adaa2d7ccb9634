// A stand-in rotation that takes staffing as given: every requested desk counts as staffed, nobody
// is assigned (assignments are never invented), no gap is claimed. For tests of the site planner
// alone, and for sizing desks before a roster exists; makePlan uses shared/rotation/ by default.
import type { DeskRequest, PlanRotation, RotationResult } from "../rotation/api.ts";
import type { Role } from "../scenario/schema.ts";

/**
 * Echoes the requests as fully staffed; `staffNeeded` is the most desks open at once times the
 * people each desk needs, a floor that heat breaks only raise.
 * @example allStaffed(yiyuan, [{ point: "p", desk: 1, open: [{ start: 0, end: 60 }] }]).staffed // [{ point: "p", desk: 1, spans: [{ start: 0, end: 60 }] }]
 */
export const allStaffed: PlanRotation = (scenario, requests: DeskRequest[]): RotationResult => {
  const edges = new Map<number, number>();
  for (const r of requests) for (const s of r.open) {
    edges.set(s.start, (edges.get(s.start) ?? 0) + 1);
    edges.set(s.end, (edges.get(s.end) ?? 0) - 1);
  }
  let open = 0, most = 0;
  for (const [, d] of [...edges].sort((a, b) => a[0] - b[0])) { open += d; most = Math.max(most, open); }
  const staffNeeded = Object.fromEntries(
    Object.entries(scenario.desk).filter(([, n]) => (n ?? 0) > 0).map(([role, n]) => [role, most * (n ?? 0)]),
  ) as Partial<Record<Role, number>>;
  return {
    desks: requests.map((r) => ({ ...r, open: r.open.map((s) => ({ ...s })) })),
    staffed: requests.map((r) => ({ point: r.point, desk: r.desk, spans: r.open.map((s) => ({ ...s })) })),
    assignments: [],
    gaps: [],
    staffNeeded,
    deskMinuteSpread: {},
  };
};
