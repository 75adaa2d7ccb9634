// Plans for a site (docs/api.md C1, C10): made by the planner from the site's scenario, published,
// and read back whole by the lead or as one person's own assignments by staff.
import { randomUUID } from "node:crypto";
import type { AppContext } from "../context.ts";
import type { Plan } from "../../shared/plan/types.ts";
import type { TokenClaims } from "../auth/tokens.ts";
import type { PlanRecord } from "../store/plans.ts";
import { errors } from "../errors.ts";
import { assignmentsOf } from "../../shared/rotation/now.ts";


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

/**
 * Makes and stores a draft plan from the site's scenario; answers the plan as the API shows it, as
 * JSON in two pieces (the planner's bytes, then the record's fields). The planner runs in a worker thread (server/workers/pool.ts) and hands back its plan
 * as text, which is stored and sent as it is: a district's plan is ~10 MB of JSON, and parsing and
 * writing it again here would hold the event loop for a good part of a second.
 */
export async function draftPlan(context: AppContext, site: string): Promise<{ id: string; json: [Uint8Array, string] }> {
  const record = context.store.sites.get(site);
  if (!record) throw errors.notFound(`site "${site}"`);
  const id = `plan-${randomUUID().slice(0, 8)}`;
  const made = await context.workers.plan(record.scenario, { site, id, at: context.clock.now() });
  if (!made.stored) context.store.plans.insertJson(id, site, Buffer.from(made.plan).toString("utf8"), context.clock.now());
  // planView's fields after the plan's own (the later of two equal keys wins in JSON.parse): the
  // plan's bytes without their closing brace, then these.
  const extra = JSON.stringify({ id, site, revision: 0, publishedAt: null });
  return { id, json: [made.plan.subarray(0, made.plan.length - 1), `,${extra.slice(1)}`] };
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
