// One person's shifts as an iCalendar file (docs/api.md C9 and "Exports").
import ical from "ical-generator";
import type { Plan } from "../../shared/plan/types.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { ACTIVITY_ZH, ROLE_ZH } from "./labels.ts";

/** One person's assignments as calendar events; rest and meals too, so the phone shows the breaks. */
export function staffCalendar(plan: Plan, scenario: Scenario, staff: string): string {
  const pointName = new Map(scenario.points.map((p) => [p.id, p.name]));
  const calendar = ical({ name: `${scenario.site.name} · ${scenario.staff.find((s) => s.id === staff)?.name ?? staff}`, prodId: { company: "tenfold", product: "tenfold", language: "ZH" } });
  for (const a of plan.assignments.filter((x) => x.staff === staff).sort((x, y) => x.start.localeCompare(y.start))) {
    const where = a.point ? `${pointName.get(a.point) ?? a.point}${a.desk ? ` 第${a.desk}台` : ""}` : scenario.site.name;
    calendar.createEvent({
      id: `${scenario.site.id}-${a.id}@tenfold`,
      start: new Date(a.start),
      end: new Date(a.end),
      summary: `${ACTIVITY_ZH[a.activity] ?? a.activity} · ${ROLE_ZH[a.role] ?? a.role}${a.activity === "desk" ? ` · ${where}` : ""}`,
      location: where,
      description: `${a.activity} ${a.role} ${a.id}`,
    });
  }
  return calendar.toString();
}
