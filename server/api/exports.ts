// Getting the plan out (docs/api.md C9 and "Exports"): the routes; the workbook and the calendar
// are made in server/exports/.
import type { Express } from "express";
import type { AppContext } from "../context.ts";
import { allow, params, requireSelfOrLead } from "../auth/guard.ts";
import { errors } from "../errors.ts";
import { planWorkbook } from "../exports/workbook.ts";
import { staffCalendar } from "../exports/calendar.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function mountExports(app: Express, context: AppContext): void {
  const lead = allow(context, ["lead"]);

  app.get("/api/v1/sites/:site/plans/current.xlsx", lead, async (req, res) => {
    const { site } = params(req);
    const record = context.store.plans.current(site);
    if (!record) throw errors.notFound(`a published plan of site "${site}"`);
    const book = planWorkbook(record.plan, context.store.sites.get(site)!.scenario);
    res.set("Content-Type", XLSX);
    res.set("Content-Disposition", `attachment; filename="${site}-plan.xlsx"`);
    res.send(Buffer.from(await book.xlsx.writeBuffer()));
  });

  // Calendar apps cannot send headers, so the token may come as `?token=` (docs/api.md "Exports").
  app.get("/api/v1/sites/:site/staff/:staff/calendar.ics", allow(context, ["lead", "staff"], { queryToken: true }), (req, res) => {
    const { site, staff } = params(req);
    requireSelfOrLead(req.account!, staff);
    const record = context.store.plans.current(site);
    if (!record) throw errors.notFound(`a published plan of site "${site}"`);
    const scenario = context.store.sites.get(site)!.scenario;
    if (!scenario.staff.some((s) => s.id === staff)) throw errors.notFound(`staff "${staff}" of site "${site}"`);
    res.set("Content-Type", "text/calendar; charset=utf-8");
    res.set("Content-Disposition", `attachment; filename="${site}-${staff}.ics"`);
    res.send(staffCalendar(record.plan, scenario, staff));
  });
}
