// The share of on-duty time one person can spend at a desk, kept up all day: the heat's work/rest
// cycle, and the PPE cap with its real break. Used to open no more desks than can be kept staffed.
import { restAfter, type WorkRest } from "../heat/category.ts";
import type { EffectiveRules } from "../scenario/rules.ts";

/**
 * The long-run desk share of a person who works every stint the rules allow: stints of the heat's
 * work minutes with their rest, until the PPE cap, then a break of ppeBreakMinutes (or the heat
 * rest, if longer).
 * @example dutyShare({ work: 20, rest: 40 }, DEFAULT_RULES) // 1/3
 * @example dutyShare(null, DEFAULT_RULES) // 0.8 (120 min in PPE, then 30 off)
 */
export function dutyShare(limit: WorkRest | null, rules: Pick<EffectiveRules, "maxContinuousPpeMinutes" | "ppeBreakMinutes">): number {
  if (limit && limit.work <= 0) return 0; // a heat stop: no desk time at all
  const cap = rules.maxContinuousPpeMinutes;
  const work = Math.min(limit?.work ?? cap, cap);
  let t = 0, desk = 0, last = 0;
  for (;;) {
    const stint = Math.min(work, cap - t);
    if (stint <= 0) break;
    desk += stint; t += stint; last = stint;
    const rest = restAfter(stint, limit);
    if (rest >= rules.ppeBreakMinutes || t + rest >= cap) break;
    t += rest;
  }
  return desk / (t + Math.max(rules.ppeBreakMinutes, restAfter(last, limit)));
}
