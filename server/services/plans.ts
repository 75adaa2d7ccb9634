// Plans for a site (docs/api.md C1, C10): made by the planner from the site's scenario, published,
// and read back whole by the lead or as one person's own assignments by staff.
import { randomUUID } from "node:crypto";
import type { AppContext } from "../context.ts";
import type { Plan } from "../../shared/plan/types.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import type { TokenClaims } from "../auth/tokens.ts";
import type { PlanRecord } from "../store/plans.ts";
import { errors } from "../errors.ts";
import { assignmentsOf } from "../../shared/rotation/now.ts";

type MakePlan = (scenario: Scenario) => Plan;
let planner: MakePlan | undefined;

/** The planner (shared/plan/make.ts), loaded on first use. */
async function loadPlanner(): Promise<MakePlan> {
  if (!planner) {
    // A computed path: the planner is another area's module and is resolved only at run time.
    const path = "../../shared/plan/make.ts";
    try {
      planner = ((await import(path)) as { makePlan: MakePlan }).makePlan;
    } catch {
      throw errors.planUnavailable();
    }
  }
  return planner;
}

/** The plan as the API shows it: the contract's fields plus its id and state. */
export function planView(record: PlanRecord): Plan & { id: string; site: string; revision: number; publishedAt: string | null } {
  return {
    ...record.plan,
    id: record.id,
    site: record.site,
    revision: record.revision,
    publishedAt: record.publishedAt === null ? null : new Date(record.publishedAt).toISOString(),
  };
}

/** Makes and stores a draft plan from the site's scenario. */
export async function draftPlan(context: AppContext, site: string): Promise<PlanRecord> {
  const record = context.store.sites.get(site);
  if (!record) throw errors.notFound(`site "${site}"`);
  const makePlan = await loadPlanner();
  const plan = makePlan(record.scenario);
  const id = `plan-${randomUUID().slice(0, 8)}`;
  const at = context.clock.now();
  context.store.plans.insert(id, site, plan, at);
  return context.store.plans.get(site, id)!;
}

/** Stores a plan made elsewhere (tests, imports): the same path a drafted plan takes after making. */
export function storePlan(context: AppContext, site: string, plan: Plan): PlanRecord {
  const id = `plan-${randomUUID().slice(0, 8)}`;
  context.store.plans.insert(id, site, plan, context.clock.now());
  return context.store.plans.get(site, id)!;
}

/** Publishes a plan: it becomes the rotation in force; everyone's phone hears of it. */
export function publishPlan(context: AppContext, site: string, planId: string): PlanRecord {
  const before = context.store.plans.current(site);
  const published = context.store.transaction(() => {
    if (!context.store.plans.get(site, planId)) throw errors.notFound(`plan "${planId}" of site "${site}"`);
    context.store.plans.publish(site, planId, context.clock.now());
    return context.store.plans.get(site, planId)!;
  });
  const people = new Set([...published.plan.assignments.map((a) => a.staff), ...(before?.plan.assignments.map((a) => a.staff) ?? [])]);
  const hub = context.live;
  hub.rotationChanged(site, [...people], before ? "replan" : "publish");
  if (published.plan.gaps.length) {
    const minutes = published.plan.gaps.reduce((n, g) => n + (Date.parse(g.end) - Date.parse(g.start)) / 60000, 0);
    hub.alert(site, "gap", "plan-gaps", { gaps: published.plan.gaps.length, minutes: Math.round(minutes) }, { gaps: published.plan.gaps });
  }
  hub.queueChangedSite(site);
  return published;
}

/** The plan in force, as the caller may see it: the lead whole, staff their own assignments. */
export function currentPlanFor(context: AppContext, site: string, account: TokenClaims): unknown {
  const record = context.store.plans.current(site);
  if (!record) throw errors.noPlan(site);
  if (account.role === "lead") return planView(record);
  const staff = account.staff ?? "";
  const name = context.store.sites.get(site)?.scenario.staff.find((p) => p.id === staff)?.name;
  return {
    id: record.id,
    site,
    revision: record.revision,
    publishedAt: record.publishedAt === null ? null : new Date(record.publishedAt).toISOString(),
    staff,
    ...(name ? { name } : {}),
    heat: record.plan.heat,
    dayRule: record.plan.dayRule,
    assignments: assignmentsOf(record.plan, staff),
  };
}
