// Shift swaps (docs/api.md C5): the holder proposes, the other person accepts, the lead approves
// or rejects; every rule is re-checked at each step and only the swapped assignment changes. Each
// step is pushed (`swap`) to both people and the lead.
import { randomUUID } from "node:crypto";
import type { AppContext } from "../context.ts";
import type { TokenClaims } from "../auth/tokens.ts";
import type { SwapRecord } from "../store/swaps.ts";
import { errors } from "../errors.ts";
import { checkSwap } from "./rotation-changes.ts";
import type { SwapShift, SwapView } from "../../shared/live/events.ts";

export type { SwapView };

/** A swap as the API shows it: with the two people's names and the shift it moves. */
function view(context: AppContext, s: SwapRecord): SwapView {
  const staff = context.store.sites.get(s.site)?.scenario.staff ?? [];
  const name = (id: string) => staff.find((p) => p.id === id)?.name;
  // The plan in force is cached; an older plan's swap (rare) reads that plan.
  const current = context.store.plans.current(s.site);
  const plan = current?.id === s.plan ? current : context.store.plans.get(s.site, s.plan);
  const a = plan?.plan.assignments.find((x) => x.id === s.assignment);
  const shift: SwapShift | undefined = a && {
    role: a.role,
    activity: a.activity,
    start: a.start,
    end: a.end,
    ...(a.point !== undefined ? { point: a.point } : {}),
    ...(a.desk !== undefined ? { desk: a.desk } : {}),
  };
  const fromName = name(s.from);
  const toName = name(s.to);
  return {
    id: s.id,
    assignment: s.assignment,
    from: s.from,
    to: s.to,
    ...(fromName ? { fromName } : {}),
    ...(toName ? { toName } : {}),
    state: s.state,
    ...(s.reason ? { reason: s.reason } : {}),
    ...(shift ? { shift } : {}),
  };
}

/** Pushes a swap as it now stands; returns its view. */
function announce(context: AppContext, site: string, id: string): SwapView {
  const swap = view(context, context.store.swaps.get(site, id)!);
  context.live.swapChanged({ ...swap, site, at: new Date(context.clock.now()).toISOString() });
  return swap;
}

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

/** Offers of one person's assignments allowed per hour. */
export const SWAP_OFFERS_PER_HOUR = 10;
const SWAP_OFFER_WINDOW_MS = 3600_000;

export function proposeSwap(context: AppContext, site: string, input: { assignment: string; to: string }, account: TokenClaims): SwapView {
  const current = planInForce(context, site);
  const assignment = current.plan.assignments.find((a) => a.id === input.assignment);
  if (!assignment) throw errors.invalidField("$.assignment", `there is no assignment "${input.assignment}" in the plan in force`);
  if (account.role !== "lead" && assignment.staff !== account.staff) throw errors.forbidden("you may only offer your own assignments");
  if (Date.parse(assignment.end) <= context.clock.now()) throw errors.assignmentPast();
  if (!context.store.sites.get(site)!.scenario.staff.some((p) => p.id === input.to))
    throw errors.invalidField("$.to", `"${input.to}" is not on this site's roster`);
  // One open offer per assignment and person, and a few offers an hour per person: each offer
  // pushes a notice, and a repeated one must not flood a colleague's phone (docs/reliability.md "Security").
  const open = context.store.swaps.openOffer(site, input.assignment, input.to);
  if (open) throw errors.swapAlreadyOffered(open.id);
  const now = context.clock.now();
  const recent = context.store.swaps.offersSince(site, assignment.staff, now - SWAP_OFFER_WINDOW_MS);
  if (recent.count >= SWAP_OFFERS_PER_HOUR)
    throw errors.tooManySwapOffers(SWAP_OFFERS_PER_HOUR, Math.max(1, Math.ceil(((recent.earliest ?? now) + SWAP_OFFER_WINDOW_MS - now) / 1000)));
  mustPass(context, site, input.assignment, input.to);
  const id = `swap-${randomUUID().slice(0, 8)}`;
  context.store.swaps.insert({ id, site, plan: current.id, assignment: input.assignment, from: assignment.staff, to: input.to, createdAt: context.clock.now() });
  return announce(context, site, id);
}

function swapIn(context: AppContext, site: string, id: string): SwapRecord {
  const swap = context.store.swaps.get(site, id);
  if (!swap) throw errors.notFound(`swap "${id}"`);
  return swap;
}

export function acceptSwap(context: AppContext, site: string, id: string, account: TokenClaims): SwapView {
  const swap = swapIn(context, site, id);
  if (account.staff !== swap.to) throw errors.forbidden(`only ${swap.to}, who would take the assignment, may accept`);
  if (swap.state !== "proposed") throw errors.swapNotProposed(swap.state);
  context.store.swaps.setState(site, id, "accepted", context.clock.now());
  const accepted = announce(context, site, id);
  context.live.alert(site, "swap", "swap-accepted", { from: swap.from, to: swap.to, assignment: swap.assignment }, { swap: id });
  return accepted;
}

/** The lead approves: rules re-checked against the plan as it is now, then the one assignment moves. */
export function approveSwap(context: AppContext, site: string, id: string): SwapView & { revision: number } {
  const result = context.store.transaction(() => {
    const swap = swapIn(context, site, id);
    if (swap.state !== "accepted") throw errors.swapNotAccepted(swap.state, swap.to);
    const { current, assignments } = mustPass(context, site, swap.assignment, swap.to);
    if (current.id !== swap.plan) throw errors.planChanged();
    const revision = context.store.plans.revise(site, current.id, { ...current.plan, assignments });
    context.store.swaps.setState(site, id, "approved", context.clock.now());
    return { ...view(context, context.store.swaps.get(site, id)!), revision };
  });
  announce(context, site, id);
  context.live.rotationChanged(site, [result.from, result.to], "swap");
  context.live.queueChangedSite(site);
  return result;
}

export function rejectSwap(context: AppContext, site: string, id: string, reason: string | undefined): SwapView {
  const swap = swapIn(context, site, id);
  if (swap.state === "approved" || swap.state === "rejected") throw errors.swapDecided(swap.state);
  context.store.swaps.setState(site, id, "rejected", context.clock.now(), reason ?? null);
  return announce(context, site, id);
}

/** Swaps the caller may see: the lead all of them, staff those they offered or were offered. */
export function listSwaps(context: AppContext, site: string, account: TokenClaims): { swaps: SwapView[] } {
  const all = context.store.swaps.list(site);
  const mine = account.role === "lead" ? all : all.filter((s) => s.from === account.staff || s.to === account.staff);
  return { swaps: mine.map((s) => view(context, s)) };
}
