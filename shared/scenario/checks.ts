// The checks a JSON Schema cannot express (docs/api.md "Scenario"): ids unique per kind, references that resolve,
// ordered windows, weather over every open hour, staff for every role a desk needs, availability
// inside the day, a known timezone. Each problem names its JSON path.
import type { Scenario } from "./schema.ts";
import { jsonPath, type Problem } from "./problems.ts";
import { isKnownTimezone, toIso, toMinute } from "../time.ts";

type Check = (scenario: Scenario) => Problem[];

const uniqueIds: Check = (s) => {
  const problems: Problem[] = [];
  for (const kind of ["points", "buildings", "staff"] as const) {
    const seen = new Map<string, number>();
    s[kind].forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined)
        problems.push({
          path: jsonPath([kind, i, "id"]),
          message: `"${item.id}" is used twice in ${kind} (also at ${jsonPath([kind, first, "id"])})`,
        });
      else seen.set(item.id, i);
    });
  }
  return problems;
};

const buildingPointsExist: Check = (s) => {
  const points = new Set(s.points.map((p) => p.id));
  return s.buildings.flatMap((b, i) =>
    points.has(b.point)
      ? []
      : [{ path: jsonPath(["buildings", i, "point"]), message: `names point "${b.point}", which is not in points` }],
  );
};

const knownTimezone: Check = (s) =>
  isKnownTimezone(s.site.timezone)
    ? []
    : [{ path: "$.site.timezone", message: `"${s.site.timezone}" is not a known IANA timezone, e.g. "Asia/Shanghai"` }];

/** Each interval ends after it starts; windows are in order and do not overlap. */
const windowsOrdered: Check = (s) => {
  const problems: Problem[] = [];
  s.windows.forEach((w, i) => {
    if (toMinute(w.end) <= toMinute(w.start))
      problems.push({ path: jsonPath(["windows", i, "end"]), message: "must be after the window's start" });
    const prev = s.windows[i - 1];
    if (prev && toMinute(w.start) < toMinute(prev.end))
      problems.push({
        path: jsonPath(["windows", i, "start"]),
        message: "must not be before the previous window ends (windows in time order, not overlapping)",
      });
  });
  return problems;
};

/** Heat rules are hourly: every open hour needs a forecast at or before it, within the hour. */
const weatherCoversWindows: Check = (s) => {
  const problems: Problem[] = [];
  const hours = s.weather.map((w) => toMinute(w.at));
  hours.forEach((m, i) => {
    if (i > 0 && m <= hours[i - 1])
      problems.push({ path: jsonPath(["weather", i, "at"]), message: "must be after the previous hour (weather in time order)" });
  });
  s.windows.forEach((w, i) => {
    const start = toMinute(w.start);
    const end = toMinute(w.end);
    for (let m = start; m < end; m += 60) {
      const covered = hours.some((h) => h <= m && m < h + 60);
      if (!covered) {
        problems.push({
          path: jsonPath(["windows", i]),
          message: `has no weather for the hour from ${hourLabel(m, s.site.timezone)}; give an hourly forecast for every open hour`,
        });
        break;
      }
    }
  });
  return problems;
};

function hourLabel(m: number, timezone: string): string {
  return isKnownTimezone(timezone) ? toIso(m, timezone) : new Date(m * 60000).toISOString();
}

/** Every role a desk needs must exist among the staff, or no desk could ever open. */
const deskRolesStaffed: Check = (s) => {
  const roles = new Set(s.staff.flatMap((p) => p.roles));
  const needsDesks = s.points.some((p) => p.desks > 0);
  return Object.entries(s.desk).flatMap(([role, n]) =>
    needsDesks && (n ?? 0) > 0 && !roles.has(role as never)
      ? [{ path: jsonPath(["desk", role]), message: `a desk needs ${n} ${role}, but no staff member has the role ${role}` }]
      : [],
  );
};

const deskNeedsSomeone: Check = (s) =>
  Object.values(s.desk).some((n) => (n ?? 0) > 0)
    ? []
    : [{ path: "$.desk", message: "a desk must need at least one person (e.g. {\"sampler\": 1})" }];

/** Availability must be a real interval that touches the day (the windows). */
const availabilityInsideDay: Check = (s) => {
  const dayStart = Math.min(...s.windows.map((w) => toMinute(w.start)));
  const dayEnd = Math.max(...s.windows.map((w) => toMinute(w.end)));
  const problems: Problem[] = [];
  s.staff.forEach((p, i) =>
    p.available.forEach((a, j) => {
      const start = toMinute(a.start);
      const end = toMinute(a.end);
      if (end <= start)
        problems.push({ path: jsonPath(["staff", i, "available", j, "end"]), message: "must be after the start" });
      else if (end <= dayStart - 24 * 60 || start >= dayEnd + 24 * 60)
        problems.push({
          path: jsonPath(["staff", i, "available", j]),
          message: "lies outside the sampling day (more than a day from every window)",
        });
    }),
  );
  return problems;
};

/** Ids unique among households and among teams, as for the other kinds. */
const homeIdsUnique: Check = (s) => {
  const problems: Problem[] = [];
  for (const kind of ["homeVisits", "teams"] as const) {
    const seen = new Map<string, number>();
    (s[kind] ?? []).forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined)
        problems.push({ path: jsonPath([kind, i, "id"]), message: `"${item.id}" is used twice in ${kind} (also at ${jsonPath([kind, first, "id"])})` });
      else seen.set(item.id, i);
    });
  }
  return problems;
};

/**
 * Households are in known buildings; teams name known staff and known buildings, each building
 * once in a team and in one team only (two teams at one door would sample it twice).
 */
const homeReferencesResolve: Check = (s) => {
  const buildings = new Set(s.buildings.map((b) => b.id));
  const staff = new Set(s.staff.map((p) => p.id));
  const problems: Problem[] = [];
  (s.homeVisits ?? []).forEach((v, i) => {
    if (!buildings.has(v.building))
      problems.push({ path: jsonPath(["homeVisits", i, "building"]), message: `names building "${v.building}", which is not in buildings` });
  });
  const coveredBy = new Map<string, string>();
  (s.teams ?? []).forEach((t, i) => {
    t.staff.forEach((id, j) => {
      if (!staff.has(id)) problems.push({ path: jsonPath(["teams", i, "staff", j]), message: `names staff "${id}", who is not in staff` });
    });
    const seen = new Set<string>();
    t.buildings.forEach((b, j) => {
      const path = jsonPath(["teams", i, "buildings", j]);
      if (!buildings.has(b)) problems.push({ path, message: `names building "${b}", which is not in buildings` });
      else if (seen.has(b)) problems.push({ path, message: `covers building "${b}" twice` });
      else if (coveredBy.has(b)) problems.push({ path, message: `covers building "${b}", which team "${coveredBy.get(b)}" already covers` });
      seen.add(b);
      if (!coveredBy.has(b)) coveredBy.set(b, t.id);
    });
  });
  return problems;
};

const CHECKS: Check[] = [
  uniqueIds,
  buildingPointsExist,
  knownTimezone,
  windowsOrdered,
  weatherCoversWindows,
  deskNeedsSomeone,
  deskRolesStaffed,
  availabilityInsideDay,
  homeIdsUnique,
  homeReferencesResolve,
];

/**
 * Every problem the schema cannot see. `tolerant` is for a scenario the schema refused: a check
 * that trips over malformed data is skipped, since the schema has already named that problem.
 */
export function scenarioChecks(scenario: Scenario, { tolerant = false } = {}): Problem[] {
  return CHECKS.flatMap((check) => {
    if (!tolerant) return check(scenario);
    try {
      return check(scenario).filter((p) => !p.message.includes("NaN"));
    } catch {
      return [];
    }
  });
}
