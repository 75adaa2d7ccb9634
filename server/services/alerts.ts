// Reading the alert log back (docs/api.md C5–C7): the alerts of a site after a seq, in the shape the
// `alert` push has, so a page treats both alike.
import type { AppContext } from "../context.ts";
import type { AlertEvent, AlertKind, AlertPage } from "../../shared/live/shapes.ts";

export type { AlertPage };

/** At most this many alerts per answer; `more` says to ask again from the last seq. */
export const ALERTS_PER_PAGE = 500;

/**
 * Alerts of `site` with seq above `since`, oldest first.
 * With one gap alert stored, `alertsSince(context, "yiyuan", 0)` gives
 * `{alerts: [{site: "yiyuan", seq: 1, kind: "gap", …}], last: 1, more: false}` (test/alerts.test.ts).
 */
export function alertsSince(context: AppContext, site: string, since: number): AlertPage {
  const rows = context.store.alerts.since(site, since, ALERTS_PER_PAGE + 1);
  const alerts = rows.slice(0, ALERTS_PER_PAGE).map(
    (r): AlertEvent => ({ ...r.detail, site: r.site, seq: r.seq, kind: r.kind as AlertKind, message: r.message, at: new Date(r.at).toISOString() }),
  );
  return { alerts, last: alerts.at(-1)?.seq ?? since, more: rows.length > ALERTS_PER_PAGE };
}
