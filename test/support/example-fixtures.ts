// The names `@example`s in shared/ may use besides their module's exports: every export of
// shared/ (an example may build its input with another module's function), and the example site
// (examples/yiyuan.json) with what the planner makes of it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { toMinute } from "../../shared/time.ts";
import { samplingDay } from "../../shared/queue/day.ts";
import { effectiveRules } from "../../shared/scenario/rules.ts";
import { rotationContext } from "../../shared/rotation/context.ts";
import { maxDeskRequests, planRotation } from "../../shared/rotation/index.ts";
import { layout } from "../../shared/rotation/positions.ts";
import { makePlan } from "../../shared/plan/make.ts";
import { cumulative, runFluidQueue } from "../../shared/queue/fluid.ts";
import { heatTable } from "../../shared/heat/table.ts";
import { scheduleCallups } from "../../shared/callup/schedule.ts";

const SHARED = fileURLToPath(new URL("../../shared/", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

let made: Record<string, unknown> | undefined;

export async function fixtures(): Promise<Record<string, unknown>> {
  if (made) return made;
  const scope: Record<string, unknown> = {};
  for (const file of sources(SHARED).sort()) {
    const exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) if (!(name in scope)) scope[name] = value;
  }
  const yiyuan = JSON.parse(readFileSync(new URL("../../examples/yiyuan.json", import.meta.url), "utf8")) as Scenario;
  const requests = maxDeskRequests(yiyuan);
  const ctx = rotationContext(yiyuan);
  const day = samplingDay(yiyuan.windows.map((w) => ({ start: toMinute(w.start), end: toMinute(w.end) })), effectiveRules(yiyuan).slotMinutes);
  const minutes = (value: number) => new Float64Array(day.length).fill(value);
  // Two desks staffed all day at 3 swabs a minute each; 30 people come in the first minute.
  const capacity = minutes(6);
  const arrivals = minutes(0);
  arrivals[0] = 30;
  const desks = [1, 2].map((desk) => ({ desk, staffed: new Uint8Array(day.length).fill(1) }));
  const load = { day, capacity, cum: cumulative(capacity), attendance: 0.93 };
  const capacities = new Map(yiyuan.points.map((p) => [p.id, capacity]));
  made = {
    ...scope,
    /** The example site. */
    yiyuan,
    scenario: yiyuan,
    weather: yiyuan.weather,
    /** Its sampling day, minute by minute from the first window's start. */
    day,
    /** Per minute of the day: two desks' capacity (3 a minute each), 30 arrivals in the first minute. */
    capacity,
    arrivals,
    desks,
    trace: runFluidQueue(day, arrivals, capacity),
    /** One point's load on those desks, its slots all allowed, and a request to call 300 residents there. */
    load,
    allSlots: new Uint8Array(day.slots.length).fill(1),
    request: { load, units: [{ building: "b1", residents: 300 }], weather: yiyuan.weather, targetWait: 25, minPartResidents: 20 },
    capacities,
    callups: scheduleCallups(yiyuan, day, capacities).callups,
    /** Its heat table: per hour and point, the WBGT, band and allowances. */
    table: heatTable(yiyuan),
    /** Its rotation context, desk requests, their layout and the rotation made for them. */
    ctx,
    requests,
    lay: layout(ctx, requests),
    rotation: planRotation(yiyuan, requests),
    /** Its plan, as the API publishes it. */
    plan: makePlan(yiyuan),
  };
  return made;
}
