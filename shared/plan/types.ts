// The plan contract (docs/api.md "Plan"): fields may be added, never renamed.
// Times are ISO 8601 strings with the site's offset.
import type { Role } from "../scenario/schema.ts";

export type { HeatCategory } from "../heat/category.ts";
export type DayRuleBand = "<35" | "35-37" | "37-40" | ">=40";
/** `home`: a grid team's door-to-door route (docs/domain.md "Home sampling"); `break`: the suit off, at least ppeBreakMinutes (docs/api.md "Defaults"); `pickup`: a courier's trip to the lab and back. */
export type Activity = "desk" | "standby" | "rest" | "break" | "meal" | "home" | "pickup";

export interface IsoSpan {
  start: string;
  end: string;
}

/** One weather hour of the heat table (docs/api.md "Plan"): times as ISO strings. */
export type HeatHour = Omit<import("../heat/table.ts").HeatTableHour, "start" | "end"> & IsoSpan;
export type { PointHeat } from "../heat/table.ts";
export type { Allowance } from "../heat/gbz.ts";

export interface DayRule {
  maxTempC: number;
  band: DayRuleBand;
  /** null when the day rule sets no limit. */
  maxOutdoorMinutesPerPerson: number | null;
  noOutdoor: IsoSpan[];
}

export interface DeskPlan {
  point: string;
  /** Numbered from 1 within its point. */
  desk: number;
  open: IsoSpan[];
}

export interface Assignment extends IsoSpan {
  id: string;
  staff: string;
  role: Role;
  activity: Activity;
  point?: string;
  desk?: number;
}

export interface Callup extends IsoSpan {
  building: string;
  point: string;
  residents: number;
  /** Set when the building's own point cannot open and it is sent elsewhere. */
  reroutedFrom?: string;
  /** Set when a building is split into several call-ups (units or stairwells). */
  part?: number;
}

export interface ForecastSlot {
  point: string;
  at: string;
  arrivalsPerHour: number;
  capacityPerHour: number;
  queueLength: number;
  waitMinutes: number;
  /** Set when people are in line here at a WBGT of 28 °C or more. */
  heat?: boolean;
}

export interface TubeCount {
  point: string;
  expectedSwabs: number;
  expectedTubes: number;
  /** Expected tubes at each pool size the lab accepts (1, 5, 10, 20), tubes sealed short included. */
  byPoolSize?: Record<number, number>;
}

export interface Pickup {
  at: string;
  point: string;
  tubes: number;
  /** Expected swabs in those tubes. */
  swabs?: number;
  /** Boxes the courier carries, and the tubes in each. */
  boxes?: number;
  boxLoads?: number[];
  /** Who makes the trip (a staff member with role courier); absent when no courier can, and a gap says so. */
  courier?: string;
  /** A grid team's tubes, brought to the point for the courier (docs/api.md "Home sampling"). */
  team?: string;
  /** Every team whose tubes ride on this trip, with how many. */
  teams?: { team: string; tubes: number; swabs: number }[];
}

export interface PoolingAdvice {
  poolSize: number;
  testsPerPerson: number;
  /** The size with the fewest expected tests a person. */
  best?: boolean;
}

export interface Gap extends IsoSpan {
  point: string;
  /** The desk that lacks the role; absent for a courier (or marshal) gap, which is the point's. */
  desk?: number;
  role: Role;
  reason: string;
}

export interface Summary {
  residents: number;
  expectedSwabs: number;
  expectedTubes: number;
  maxWaitMinutes: number;
  staffUsed: number;
  /** Share of open desk-minutes staffed with every role, 0..1. */
  coverage: number;
  /** People of each role that full coverage of the open desks needs (from the rotation). */
  staffNeeded?: Partial<Record<Role, number>>;
  /** Person-minutes residents spend in line at a WBGT of 28 °C or more (the point's shelter, no clothing). */
  residentHeatMinutes?: number;
}


/** Where the wait target is missed, by how much, and what would meet it (docs/api.md C2). */
export interface Shortfall {
  targetWaitMinutes: number;
  maxWaitMinutes: number;
  overByMinutes: number;
  leftAtClosing: number;
  points: import("../callup/shortfall.ts").PointShortfall[];
  message: string;
}

export interface Plan {
  heat: HeatHour[];
  dayRule: DayRule;
  desks: DeskPlan[];
  assignments: Assignment[];
  callups: Callup[];
  forecast: ForecastSlot[];
  tubes: TubeCount[];
  pickups: Pickup[];
  poolingAdvice?: PoolingAdvice[];
  gaps: Gap[];
  summary: Summary;
  shortfall?: Shortfall;
  [extra: string]: unknown;
}
