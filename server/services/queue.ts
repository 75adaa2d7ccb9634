// A marshal's queue report (docs/api.md C6): stored, then the point's line pushed (C7).
import type { AppContext } from "../context.ts";
import type { TokenClaims } from "../auth/tokens.ts";
import type { LineState } from "../../shared/queue-live/state.ts";
import { errors } from "../errors.ts";
import { pointLine } from "./line.ts";

/** A marshal's report: arrivals since the last one, or a headcount of the line. */
export function reportQueue(
  context: AppContext,
  site: string,
  point: string,
  report: { id?: string; arrivals?: number; headcount?: number },
  account: TokenClaims,
): LineState & { report: "applied" | "duplicate" } {
  const record = context.store.sites.get(site)!;
  if (!record.scenario.points.some((p) => p.id === point)) throw errors.notFound(`point "${point}" of site "${site}"`);
  if (report.arrivals === undefined && report.headcount === undefined)
    throw errors.invalidField("$.arrivals", "give arrivals (people since the last report) or headcount (people in line now)");
  const applied = context.store.queue.add(site, point, context.clock.now(), report, account.staff);
  if (applied) context.live.queueChanged(site, point);
  return { ...pointLine(context, site, point), report: applied ? "applied" : "duplicate" };
}
