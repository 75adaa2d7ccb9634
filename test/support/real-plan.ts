// The example site's plan made with the project's own rotation and heat model, stored and published
// through the plans service: pages and exports are then tested on a plan with people in it.
import { makePlan } from "../../shared/plan/make.ts";
import { planRotation } from "../../shared/rotation/index.ts";
import { dayRule, heatHours } from "../../shared/heat/index.ts";
import { planView, publishPlan, storePlan } from "../../server/services/plans.ts";
import type { TestServer } from "./server.ts";

export function publishRealPlan(t: TestServer): ReturnType<typeof planView> {
  const plan = makePlan(t.scenario, { rotation: planRotation, heatHours, dayRule });
  const stored = storePlan(t.tenfold.context, t.scenario.site.id, plan);
  return planView(publishPlan(t.tenfold.context, t.scenario.site.id, stored.id));
}
