// A calendar file cannot be forged through a name (RFC 5545): a site or staff name carrying line
// breaks and iCalendar lines stays one property's text, read back by an independent parser
// (ical.js) as exactly the person's own events.
import { expect } from "chai";
import ICAL from "ical.js";
import { staffCalendar } from "../server/exports/calendar.ts";
import { boothPlan, boothScenario } from "./support/plan.ts";

const FORGED = "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:forged@evil\r\nDTSTART:20210803T010000Z\r\nDTEND:20210803T020000Z\r\nSUMMARY:forged\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:x";

describe("a calendar file with hostile names", () => {
  const scenario = boothScenario();
  const plan = boothPlan();
  const staff = "bai-xue";
  scenario.site.name = `颐苑社区${FORGED}`;
  scenario.staff.find((s) => s.id === staff)!.name = `白雪\nEND:VCALENDAR\nBEGIN:VCALENDAR${FORGED}`;
  scenario.points[0].name = `北门${FORGED}`;
  const text = staffCalendar(plan, scenario, staff);
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  const mine = plan.assignments.filter((a) => a.staff === staff);

  it("holds exactly the person's own events, none forged", () => {
    expect(events).to.have.length(mine.length);
    expect(events.map((e) => e.uid).sort()).to.deep.equal(mine.map((a) => `${scenario.site.id}-${a.id}@tenfold`).sort());
    for (const e of events) expect(e.summary).not.to.equal("forged");
  });

  it("is one calendar, whose name keeps the text on one line", () => {
    expect(ICAL.parse(text)[0]).to.equal("vcalendar");
    expect((text.match(/^BEGIN:VCALENDAR/gm) ?? []).length).to.equal(1);
    const name = String(calendar.getFirstPropertyValue("x-wr-calname"));
    expect(name).to.match(/^颐苑社区 END:VEVENT BEGIN:VEVENT UID:forged@evil .* 白雪 END:VCALENDAR/);
  });

  it("keeps a point's hostile name as the event's location text, escaped", () => {
    const desk = events.find((e) => e.location.startsWith("北门"));
    expect(desk, "a desk event at the renamed point").to.not.equal(undefined);
    expect(desk!.location).to.contain("\nEND:VEVENT\nBEGIN:VEVENT");
  });
});
