// Rotating access codes (docs/api.md C10; docs/reliability.md "Security"): a new code in place of
// the old, and every token of the old one ended. The lead API (api/codes.ts), the command line
// (`tenfold codes rotate`) and a changed TENFOLD_LEAD_CODE at start (bootstrap.ts) all come here.
import type { Store } from "../store/index.ts";
import { codeDigest, newAccessCode, type Account } from "../store/codes.ts";
import { calendarCredential } from "../store/codes.ts";
import { errors } from "../errors.ts";

/** The meta key holding the digest of the TENFOLD_LEAD_CODE last put in force. */
export const LEAD_SETTING_KEY = "lead-code-setting";

export interface Rotated {
  /** The new code: shown once, only its digest is kept. */
  code: string;
  role: Account["role"];
  site?: string;
  staff?: string;
}

/** A new lead code; the old one and its tokens stop working. A later start keeps it until TENFOLD_LEAD_CODE changes. */
export function rotateLead(store: Store, at: number, code = newAccessCode()): Rotated {
  store.codes.replace(code, { role: "lead", site: null, staff: null }, at);
  return { code, role: "lead" };
}

/**
 * A new code for a site's lab (`who` = "lab") or a staff member on its roster (`who` = their id);
 * the old code and its tokens stop working, and a person's calendar links with them.
 */
export function rotateSiteCode(store: Store, site: string, who: string, at: number): Rotated {
  const record = store.sites.get(site);
  if (!record) throw errors.notFound(`site "${site}"`);
  const code = newAccessCode();
  if (who === "lab") {
    store.codes.replace(code, { role: "lab", site, staff: null }, at);
    return { code, role: "lab", site };
  }
  if (!record.scenario.staff.some((p) => p.id === who)) throw errors.notFound(`staff "${who}" of site "${site}" (name "lab" or someone on the roster)`);
  store.transaction(() => {
    store.codes.replace(code, { role: "staff", site, staff: who }, at);
    store.codes.bump(calendarCredential(site, who), at);
  });
  return { code, role: "staff", site, staff: who };
}

/**
 * The lead code a start puts in force: TENFOLD_LEAD_CODE when it differs from the setting last put
 * in force (the old lead code and its tokens end); the same setting again leaves a rotated code
 * alone. Answers whether the code was replaced.
 */
export function applyLeadSetting(store: Store, leadCode: string, at: number): boolean {
  const digest = codeDigest(leadCode);
  const previous = store.meta.get(LEAD_SETTING_KEY);
  if (previous === digest) return false;
  return store.transaction(() => {
    const found = store.codes.find(leadCode);
    // A store from before the setting was recorded, whose lead code is this one: nothing to revoke.
    const replace = !(previous === undefined && found?.role === "lead" && store.codes.leadCount() === 1);
    if (replace) rotateLead(store, at, leadCode);
    store.meta.set(LEAD_SETTING_KEY, digest);
    return replace;
  });
}
