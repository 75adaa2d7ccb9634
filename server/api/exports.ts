// Getting the plan out (docs/api.md C9 and "Exports"): the routes; the workbook and the calendar
// are made in server/exports/.
import type { Express } from "express";
import type { AppContext } from "../context.ts";
import { allow, params, requireSelfOrLead } from "../auth/guard.ts";
import { errors } from "../errors.ts";
import { staffCalendar } from "../exports/calendar.ts";
import { signCalendarLink } from "../auth/tokens.ts";
import { calendarCredential } from "../store/codes.ts";
import type { Plan } from "../../shared/plan/types.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function mountExports(app: Express, context: AppContext): void {
  const lead = allow(context, ["lead"]);

  app.get("/api/v1/sites/:site/plans/current.xlsx", lead, async (req, res) => {
    const { site } = params(req);
    const record = context.store.plans.current(site);
    if (!record) throw errors.notFound(`a published plan of site "${site}"`);
    // Loaded at the first export, not at start: exceljs is a few hundred modules (docs/benchmarks.md "Starting").
    const { planWorkbook } = await import("../exports/workbook.ts");
    const book = planWorkbook(record.plan, context.store.sites.get(site)!.scenario);
    res.set("Content-Type", XLSX);
    res.set("Content-Disposition", `attachment; filename="${site}-plan.xlsx"`);
    res.send(Buffer.from(await book.xlsx.writeBuffer()));
  });

  // A read-only link for a calendar app (docs/api.md "Exports"): its own token, good only for this
  // calendar, ended by DELETE (a new link) or when the person's code is rotated or they leave.
  app.get("/api/v1/sites/:site/staff/:staff/calendar-link", allow(context, ["lead", "staff"]), (req, res) => {
    const { site, staff } = params(req);
    requireSelfOrLead(req.account!, staff);
    if (!context.store.sites.get(site)!.scenario.staff.some((s) => s.id === staff)) throw errors.notFound(`staff "${staff}" of site "${site}"`);
    const token = signCalendarLink(context.store, site, staff, context.clock.now());
    res.json({ token, url: `/api/v1/sites/${encodeURIComponent(site)}/staff/${encodeURIComponent(staff)}/calendar.ics?token=${token}` });
  });
  app.delete("/api/v1/sites/:site/staff/:staff/calendar-link", allow(context, ["lead", "staff"]), (req, res) => {
    const { site, staff } = params(req);
    requireSelfOrLead(req.account!, staff);
    context.store.codes.bump(calendarCredential(site, staff), context.clock.now());
    res.status(204).end();
  });

  // Calendar apps cannot send headers: `?token=` takes a calendar link's token, never a sign-in token.
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
