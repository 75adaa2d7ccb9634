// Editing a site in place (docs/api.md C9): the lead sends the whole scenario again, same site id.
// Staff new to the roster get access codes; staff taken off it lose theirs and their live room.
// Plans already made are left exactly as they were: the lead builds and publishes a new one.
import type { AppContext } from "../context.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { newAccessCode } from "../store/codes.ts";
import { errors } from "../errors.ts";
import { rooms } from "../live/rooms.ts";

export interface EditedSite {
  site: { id: string; name: string; timezone: string; revision: number };
  /** Codes for the staff added by this edit only; everyone else keeps the code they have. */
  codes: { staff: Record<string, string> };
  added: string[];
  removed: string[];
  /** True when a plan is in force: it still follows the old scenario until a new one is published. */
  planInForce: boolean;
}

/** Replaces a site's scenario; `scenario` is valid already and `site` is the id in the path. */
export function editSite(context: AppContext, site: string, scenario: Scenario): EditedSite {
  if (scenario.site.id !== site)
    throw errors.invalidField("$.site.id", `must stay "${site}": a site's id cannot change (create a new site for another id)`);
  const store = context.store;
  const now = context.clock.now();
  const before = new Set(store.sites.get(site)!.scenario.staff.map((p) => p.id));
  const after = new Set(scenario.staff.map((p) => p.id));
  const added = [...after].filter((id) => !before.has(id));
  const removed = [...before].filter((id) => !after.has(id));
  const codes: Record<string, string> = {};
  let record;
  try {
    record = store.transaction(() => {
      const replaced = store.sites.replace(scenario);
      for (const id of added) {
        codes[id] = newAccessCode();
        store.codes.add(codes[id], { role: "staff", site, staff: id }, now);
      }
      for (const id of removed) store.codes.removeStaff(site, id, now);
      return replaced;
    });
  } catch (err) {
    // The cache was filled inside the transaction that was undone.
    store.sites.forget(site);
    throw err;
  }
  // Their tokens are refused from now on (auth/guard.ts); their open sockets are closed.
  for (const id of removed) context.io.in(rooms.staff(site, id)).disconnectSockets(true);
  // Point names, desks and windows feed the live lines.
  context.live.queueChangedSite(site);
  return {
    site: { id: record.id, name: record.name, timezone: record.timezone, revision: record.revision },
    codes: { staff: codes },
    added,
    removed,
    planInForce: store.plans.current(site) !== undefined,
  };
}
