// A tube's age (docs/domain.md "Transport"): counted in one place, so the tube list, the ticker's
// warning and the lab's receipt agree on how old a tube is.

/**
 * A tube's age in whole minutes, counted from its first swab (docs/domain.md "Transport": no tube
 * reaches the lab more than the age limit old); never below zero.
 * @example tubeAgeMinutes(0, 179.9 * 60_000) // 179
 */
export function tubeAgeMinutes(firstSwabAt: number, now: number): number {
  return Math.max(0, Math.floor((now - firstSwabAt) / 60_000));
}

/**
 * Whether a tube is past the age limit: its whole-minute age is over the limit.
 * @example isOverAge(0, 241 * 60_000, 240) // true
 * @example isOverAge(0, 240.9 * 60_000, 240) // false
 */
export function isOverAge(firstSwabAt: number, now: number, maxTubeAgeMinutes: number): boolean {
  return tubeAgeMinutes(firstSwabAt, now) > maxTubeAgeMinutes;
}
