// One person's shifts as an iCalendar file (docs/api.md C9 and "Exports").
import ical from "ical-generator";
import type { Plan } from "../../shared/plan/types.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { ACTIVITY_ZH, ROLE_ZH } from "./labels.ts";

/**
 * Text for a calendar property that ical-generator writes as given (the calendar's name): no line
 * breaks or other control characters, which would end the property and start a forged one (RFC 5545
 * 3.1: a content line ends at CRLF). Event fields (summary, location, description) are escaped by
 * the library itself, as RFC 5545 3.3.11 says.
 * @example oneLine("颐苑社区\r\nBEGIN:VEVENT") // "颐苑社区 BEGIN:VEVENT"
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, " ").trim();
}

/** One person's assignments as calendar events; rest and meals too, so the phone shows the breaks. */
export function staffCalendar(plan: Plan, scenario: Scenario, staff: string): string {
  const pointName = new Map(scenario.points.map((p) => [p.id, p.name]));
  const person = scenario.staff.find((s) => s.id === staff)?.name ?? staff;
  const calendar = ical({ name: oneLine(`${scenario.site.name} · ${person}`), prodId: { company: "tenfold", product: "tenfold", language: "ZH" } });
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
