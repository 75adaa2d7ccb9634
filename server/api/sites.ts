// Sites and plans docs/api.md: create a site from a scenario or edit it in
// place, draft a plan, publish it, read the plan in force; and the site's live settings.
import type { Express } from "express";
import type { AppContext } from "../context.ts";
import { allow, params } from "../auth/guard.ts";
import { validateScenario } from "../../shared/scenario/validate.ts";
import { createSite } from "../services/sites.ts";
import { editSite } from "../services/site-edit.ts";
import { currentPlanFor, draftPlan, planView, publishPlan } from "../services/plans.ts";
import { errors } from "../errors.ts";
import { SettingsBody } from "../../shared/live/shapes.ts";
import { validator } from "./validator.ts";

const settingsBody = validator(SettingsBody);

export function mountSites(app: Express, context: AppContext): void {
  const lead = allow(context, ["lead"]);

  app.post("/api/v1/sites", lead, (req, res) => {
    const checked = validateScenario(req.body);
    if (!checked.ok) throw errors.invalidInput(checked.problems);
    res.status(201).json(createSite(context.store, checked.scenario, context.clock.now()));
  });

  app.put("/api/v1/sites/:site/scenario", lead, (req, res) => {
    const checked = validateScenario(req.body);
    if (!checked.ok) throw errors.invalidInput(checked.problems);
    res.json(editSite(context, params(req).site, checked.scenario));
  });

  app.post("/api/v1/sites/:site/plans", lead, async (req, res) => {
    const [bytes, tail] = (await draftPlan(context, params(req).site)).json;
    // Sent as it is: no ETag (hashing ~10 MB would hold the event loop; a draft is never re-fetched here).
    res.status(201).set({ "Content-Type": "application/json; charset=utf-8", "Content-Length": String(bytes.length + Buffer.byteLength(tail)) });
    res.write(bytes);
    res.end(tail);
  });

  app.post("/api/v1/sites/:site/plans/:plan/publish", lead, (req, res) => {
    res.json(planView(publishPlan(context, params(req).site, params(req).plan)));
  });

  app.get("/api/v1/sites/:site/plans/current", allow(context, ["lead", "staff"]), (req, res) => {
    res.json(currentPlanFor(context, params(req).site, req.account!));
  });

  app.put("/api/v1/sites/:site/settings", lead, (req, res) => {
    const settings = settingsBody.parse(req.body);
    context.store.swaps.saveSettings(params(req).site, settings);
    res.json(context.store.swaps.settings(params(req).site));
  });
}
