// Shift swaps (PRODUCT.md C5): the holder proposes, the other person accepts, the lead approves
// or rejects; every rule is re-checked at each step and only the swapped assignment changes.
import { randomUUID } from "node:crypto";
import type { AppContext } from "../app.ts";
import type { TokenClaims } from "../auth/tokens.ts";
import type { SwapRecord } from "../store/swaps.ts";
import { errors } from "../errors.ts";
import { live } from "../live/hub.ts";
import { checkSwap } from "./rotation-changes.ts";

export interface SwapView {
  id: string;
  assignment: string;
  from: string;
  to: string;
  state: SwapRecord["state"];
  reason?: string;
}

const view = (s: SwapRecord): SwapView => ({ id: s.id, assignment: s.assignment, from: s.from, to: s.to, state: s.state, ...(s.reason ? { reason: s.reason } : {}) });

function planInForce(context: AppContext, site: string) {
  const current = context.store.plans.current(site);
  if (!current) throw errors.noPlan(site);
  return current;
}

/** Checks the swap against the plan in force; a broken rule is a 409 naming it. */
function mustPass(context: AppContext, site: string, assignment: string, to: string) {
  const current = planInForce(context, site);
  const scenario = context.store.sites.get(site)!.scenario;
  const check = checkSwap(scenario, current.plan.assignments, assignment, to);
  if (!check.ok) throw errors.ruleBroken(check.rule, `the swap breaks a rule (${check.rule}): ${check.message}`);
  return { current, assignments: check.assignments };
}

export function proposeSwap(context: AppContext, site: string, input: { assignment: string; to: string }, account: TokenClaims): SwapView {
  const current = planInForce(context, site);
  const assignment = current.plan.assignments.find((a) => a.id === input.assignment);
  if (!assignment) throw errors.invalidField("$.assignment", `there is no assignment "${input.assignment}" in the plan in force`);
  if (account.role !== "lead" && assignment.staff !== account.staff) throw errors.forbidden("you may only offer your own assignments");
  if (Date.parse(assignment.end) <= context.clock.now()) throw errors.state("ASSIGNMENT_PAST", "that assignment is over; only current and future ones can be swapped", "$.assignment");
  if (!context.store.sites.get(site)!.scenario.staff.some((p) => p.id === input.to))
    throw errors.invalidField("$.to", `"${input.to}" is not on this site's roster`);
  mustPass(context, site, input.assignment, input.to);
  const id = `swap-${randomUUID().slice(0, 8)}`;
  context.store.swaps.insert({ id, site, plan: current.id, assignment: input.assignment, from: assignment.staff, to: input.to, createdAt: context.clock.now() });
  return view(context.store.swaps.get(site, id)!);
}

function swapIn(context: AppContext, site: string, id: string): SwapRecord {
  const swap = context.store.swaps.get(site, id);
  if (!swap) throw errors.notFound(`swap "${id}"`);
  return swap;
}

export function acceptSwap(context: AppContext, site: string, id: string, account: TokenClaims): SwapView {
  const swap = swapIn(context, site, id);
  if (account.staff !== swap.to) throw errors.forbidden(`only ${swap.to}, who would take the assignment, may accept`);
  if (swap.state !== "proposed") throw errors.state("SWAP_NOT_PROPOSED", `the swap is ${swap.state}, not waiting for acceptance`);
  context.store.swaps.setState(site, id, "accepted", context.clock.now());
  live(context).alert(site, "swap", `${swap.to} accepted ${swap.from}'s assignment ${swap.assignment}; approve or reject it`, { swap: id });
  return view(context.store.swaps.get(site, id)!);
}

/** The lead approves: rules re-checked against the plan as it is now, then the one assignment moves. */
export function approveSwap(context: AppContext, site: string, id: string): SwapView & { revision: number } {
  const result = context.store.transaction(() => {
    const swap = swapIn(context, site, id);
    if (swap.state !== "accepted") throw errors.state("SWAP_NOT_ACCEPTED", `the swap is ${swap.state}; it must be accepted by ${swap.to} first`);
    const { current, assignments } = mustPass(context, site, swap.assignment, swap.to);
    if (current.id !== swap.plan) throw errors.state("PLAN_CHANGED", "a new plan was published since the swap was proposed; propose it again");
    const revision = context.store.plans.revise(site, current.id, { ...current.plan, assignments });
    context.store.swaps.setState(site, id, "approved", context.clock.now());
    return { ...view(context.store.swaps.get(site, id)!), revision };
  });
  live(context).rotationChanged(site, [result.from, result.to], "swap");
  live(context).queueChangedSite(site);
  return result;
}

export function rejectSwap(context: AppContext, site: string, id: string, reason: string | undefined): SwapView {
  const swap = swapIn(context, site, id);
  if (swap.state === "approved" || swap.state === "rejected") throw errors.state("SWAP_DECIDED", `the swap was ${swap.state} already`);
  context.store.swaps.setState(site, id, "rejected", context.clock.now(), reason ?? null);
  return view(context.store.swaps.get(site, id)!);
}

/** Swaps the caller may see: the lead all of them, staff those they offered or were offered. */
export function listSwaps(context: AppContext, site: string, account: TokenClaims): { swaps: SwapView[] } {
  const all = context.store.swaps.list(site);
  const mine = account.role === "lead" ? all : all.filter((s) => s.from === account.staff || s.to === account.staff);
  return { swaps: mine.map(view) };
}
