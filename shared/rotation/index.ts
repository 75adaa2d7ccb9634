// Staff rotation: who stands at which desk when, with heat breaks; and changes during the day.
export { planRotation, rankedPools } from "./plan.ts";
export { maxDeskRequests, subtractSpans } from "./max-requests.ts";
export { deskMinuteSpread } from "./assemble.ts";
export { rotationContext, type RotationContext } from "./context.ts";
export type { DeskRequest, StaffedDesk, MinuteAssignment, MinuteGap, RotationResult, PlanRotation } from "./api.ts";
export { checkAssignments, checkPerson, type Violation, type RuleName } from "./check.ts";
export { checkSwap, type SwapOutcome } from "./swap.ts";
export { repairFromMinute, type RepairResult, type Replacement } from "./repair.ts";
export { replanFrom } from "./replan.ts";
export { openSeats, standbyFor } from "./standby.ts";
export { deskStints, ppeRuns, type DeskStint } from "./stints.ts";
export { dutyShare } from "./duty-share.ts";
