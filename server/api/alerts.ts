// The lead's alert log (docs/api.md C5–C7): what was pushed as `alert`, kept, so a lead page that
// opens late or reconnects lists them all. Lead only: an alert may name a resident.
import type { Express } from "express";
import type { AppContext } from "../context.ts";
import { allow, params } from "../auth/guard.ts";
import { AlertsQuery } from "../../shared/live/shapes.ts";
import { validator } from "./validator.ts";
import { alertsSince } from "../services/alerts.ts";

const alertsQuery = validator(AlertsQuery);

export function mountAlerts(app: Express, context: AppContext): void {
  app.get("/api/v1/sites/:site/alerts", allow(context, ["lead"]), (req, res) => {
    const { since } = alertsQuery.parse({ ...req.query });
    res.set("Cache-Control", "no-store");
    res.json(alertsSince(context, params(req).site, Number(since ?? 0)));
  });
}
