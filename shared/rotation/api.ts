// The seam between the site planner and the rotation: the site planner asks for desks to be open,
// the rotation answers with who stands where and which desk-minutes it could fully staff. Only
// fully staffed minutes are capacity (desks that cannot be staffed are not capacity).
import type { Minute, Span } from "../time.ts";
import type { Activity, Gap } from "../plan/types.ts";
import type { Role } from "../scenario/schema.ts";

/** A desk the site planner wants open, over these spans (minutes, half-open). */
export interface DeskRequest {
  point: string;
  desk: number;
  open: Span[];
}

/** The spans in which a desk had every role it needs. */
export interface StaffedDesk {
  point: string;
  desk: number;
  spans: Span[];
}

/** An assignment in minutes; the plan renders it with ISO times. */
export interface MinuteAssignment {
  id: string;
  staff: string;
  role: Role;
  activity: Activity;
  point?: string;
  desk?: number;
  start: Minute;
  end: Minute;
}

/** A gap in minutes; rendered as the contract's `Gap`. */
export type MinuteGap = Omit<Gap, "start" | "end"> & Span;

export interface RotationResult {
  /** Echo of the requests: these desks count as open in the plan, gaps explain what is unstaffed. */
  desks: DeskRequest[];
  staffed: StaffedDesk[];
  assignments: MinuteAssignment[];
  gaps: MinuteGap[];
  /**
   * People of each role that full coverage of the requests needs. When roles are short, the
   * project's rotation sizes this on first read (it re-runs the rotation with extra people).
   */
  staffNeeded: Partial<Record<Role, number>>;
  /** Coefficient of variation of desk minutes within each role (fairness, lower is fairer). */
  deskMinuteSpread: Partial<Record<Role, number>>;
  /** All-day people of each role the roster lacks for full coverage (0 when covered). */
  staffShort?: Partial<Record<Role, number>>;
  /** People with any desk time. */
  staffUsed?: number;
}

/** What the composition calls; `shared/rotation/` implements it. */
export type PlanRotation = (scenario: import("../scenario/schema.ts").Scenario, requests: DeskRequest[]) => RotationResult;
