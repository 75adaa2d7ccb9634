// Desk operations (docs/api.md C6): desk events, and the marshal's queue reports.
import type { Express } from "express";
import type { AppContext } from "../context.ts";
import { allow, params } from "../auth/guard.ts";
import { DeskEventBatch, QueueReportBody } from "../../shared/live/shapes.ts";
import { validator } from "./validator.ts";
import { applyDeskEvents } from "../services/desk-events.ts";
import { reportQueue } from "../services/queue.ts";

const batchBody = validator(DeskEventBatch);
const queueBody = validator(QueueReportBody);

export function mountDesk(app: Express, context: AppContext): void {
  const staff = allow(context, ["staff"]);

  app.post("/api/v1/sites/:site/desk-events", staff, async (req, res) => {
    const { events } = batchBody.parse(req.body);
    // Desks send a swab a few seconds apart, hundreds at once: batches that arrive together share a commit.
    const { results, announce } = await context.commits.run(() => applyDeskEvents(context, params(req).site, req.account!, events));
    announce();
    for (const r of results) context.metrics.deskEvents.inc({ status: r.status });
    res.json({ results });
  });

  app.post("/api/v1/sites/:site/points/:point/queue", staff, (req, res) => {
    const report = queueBody.parse(req.body);
    res.json(reportQueue(context, params(req).site, params(req).point, report, req.account!));
  });
}
