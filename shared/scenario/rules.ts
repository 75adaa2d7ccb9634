// The rotation and call-up defaults of docs/api.md ("Defaults"), merged under a scenario's `rules`.
import type { HeatStandard, Role, Scenario, Workload } from "./schema.ts";

export interface EffectiveRules {
  slotMinutes: number;
  maxContinuousPpeMinutes: number;
  ppeBreakMinutes: number;
  maxWorkMinutesPerDay: number;
  mealBreakMinutes: number;
  minRestBetweenShiftsMinutes: number;
  /** Minutes at one household's door: don, swab, label, dispose (docs/domain.md "Home sampling"). */
  homeVisitMinutes: number;
  stairMinutesPerFloor: number;
  walkBetweenBuildingsMinutes: number;
  workload: Record<Role, Workload>;
  /** Which table turns effective WBGT into work/rest (docs/domain.md "Heat"). */
  heatStandard: HeatStandard;
}

/** docs/api.md defaults; docs/domain.md: swabbing in PPE is moderate work, registering easy. */
export const DEFAULT_RULES: EffectiveRules = {
  slotMinutes: 5,
  maxContinuousPpeMinutes: 120,
  ppeBreakMinutes: 30,
  maxWorkMinutesPerDay: 480,
  mealBreakMinutes: 30,
  minRestBetweenShiftsMinutes: 480,
  homeVisitMinutes: 6,
  stairMinutesPerFloor: 1,
  walkBetweenBuildingsMinutes: 3,
  // The grid team walks stairwells in PPE: moderate work (docs/domain.md "Home sampling").
  workload: { sampler: "moderate", registrar: "easy", marshal: "easy", courier: "easy", lead: "easy", community: "moderate", police: "moderate" },
  heatStandard: "gbz2.2",
};

/**
 * The rules in force for a scenario: its own `rules` over the defaults.
 * @example effectiveRules({ ...yiyuan, rules: { slotMinutes: 10 } }).slotMinutes // 10
 */
export function effectiveRules(scenario: Pick<Scenario, "rules">): EffectiveRules {
  const own = scenario.rules ?? {};
  return {
    ...DEFAULT_RULES,
    ...Object.fromEntries(Object.entries(own).filter(([k, v]) => k !== "workload" && v !== undefined)),
    workload: { ...DEFAULT_RULES.workload, ...(own.workload ?? {}) },
  };
}
