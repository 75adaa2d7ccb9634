// Making a site: a validated scenario becomes a site, with an access code for each staff member and
// one for the lab (docs/api.md C10), all in one transaction.
import type { Store } from "../store/index.ts";
import { newAccessCode } from "../store/codes.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { errors } from "../errors.ts";

export interface SiteCodes {
  staff: Record<string, string>;
  lab: string;
}

export interface CreatedSite {
  site: { id: string; name: string; timezone: string };
  codes: SiteCodes;
}

/** Stores a new site from a valid scenario; a taken id is a conflict and changes nothing. */
export function createSite(store: Store, scenario: Scenario, at: number): CreatedSite {
  return store.transaction(() => {
    if (!store.sites.insert(scenario, at))
      throw errors.siteExists(scenario.site.id);
    const codes: SiteCodes = { staff: {}, lab: newAccessCode() };
    for (const person of scenario.staff) {
      codes.staff[person.id] = newAccessCode();
      store.codes.add(codes.staff[person.id], { role: "staff", site: scenario.site.id, staff: person.id }, at);
    }
    store.codes.add(codes.lab, { role: "lab", site: scenario.site.id, staff: null }, at);
    return { site: { id: scenario.site.id, name: scenario.site.name, timezone: scenario.site.timezone }, codes };
  });
}
