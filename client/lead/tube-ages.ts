// Tubes not yet at the lab, on the lead's live board (docs/api.md C3, C6): each open, sealed or
// boxed tube with its age by the server's clock, coloured as it nears maxTubeAge − labTravel.
import { api } from "../common/api.ts";
import { h, replace } from "../common/dom.ts";
import { clock } from "../common/time.ts";
import type { TubeAge, TubeAges } from "../common/contract.ts";
import { t, type MessageKey } from "../i18n/index.ts";

/** The list is fetched again when older than this; the board redraws far more often than that. */
export const TUBE_REFRESH_MS = 30_000;

let last: { site: string; fetchedAt: number; ages: TubeAges } | undefined;
let inFlight: Promise<void> | undefined;

/**
 * The colour a tube's age earns: `late` past the time to send it, `warn` from the warning age.
 * @example ageClass({ ageMinutes: 180 }, { sendWithinMinutes: 205, warnFromMinutes: 175 }) // "warn"
 */
export function ageClass(tube: TubeAge, ages: Pick<TubeAges, "sendWithinMinutes" | "warnFromMinutes">): "late" | "warn" | "ok" {
  if (tube.ageMinutes === null) return "ok";
  if (tube.ageMinutes >= ages.sendWithinMinutes) return "late";
  return tube.ageMinutes >= ages.warnFromMinutes ? "warn" : "ok";
}

interface TubeScreen {
  site: string;
  token: string;
  timezone: string;
  pointName: (id: string) => string;
}

/** Draws the tube list into `host` from what is known, and fetches it again when it is stale. */
export function renderTubeAges(host: HTMLElement, screen: TubeScreen): void {
  const draw = () => {
    if (!last || last.site !== screen.site) return replace(host, h("p", {}, t("app.loading")));
    const ages = last.ages;
    replace(
      host,
      h("p", { class: "fine" }, t("lead.tubeLimit", { send: ages.sendWithinMinutes, max: ages.maxTubeAgeMinutes, trip: ages.labTravelMinutes }), " · ", t("resident.updated", { t: clock(ages.now, screen.timezone) })),
      ages.tubes.length
        ? h(
            "table",
            { class: "board tubes", id: "tube-ages" },
            h("tr", {}, ...(["lead.tube", "lead.tubeWhere", "lead.tubeState", "lead.tubeSwabs", "lead.tubeAge", "lead.tubeSendBy"] as MessageKey[]).map((k) => h("th", {}, t(k)))),
            ...ages.tubes.map((x) =>
              h(
                "tr",
                { class: `age-${ageClass(x, ages)}`, "data-tube": x.id },
                h("td", {}, x.id),
                h("td", {}, t("where.desk", { point: screen.pointName(x.point), desk: x.desk })),
                h("td", {}, t(`tube.${x.state}` as MessageKey), x.box ? ` (${x.box})` : ""),
                h("td", {}, String(x.swabs)),
                h("td", { class: "age" }, x.ageMinutes === null ? "—" : t("lead.minutes", { n: x.ageMinutes })),
                h("td", {}, x.sendBy ? clock(x.sendBy, screen.timezone) : "—"),
              ),
            ),
          )
        : h("p", {}, t("lead.noTubes")),
    );
  };
  draw();
  const stale = !last || last.site !== screen.site || Date.now() - last.fetchedAt > TUBE_REFRESH_MS;
  if (!stale || inFlight) return;
  const site = screen.site;
  inFlight = api<TubeAges>(`/api/v1/sites/${encodeURIComponent(site)}/tubes?state=open,sealed,boxed`, { token: screen.token })
    .then((ages) => {
      last = { site, fetchedAt: Date.now(), ages };
      if (host.isConnected && screen.site === site) draw();
    })
    .catch((err: Error) => {
      if (host.isConnected) replace(host, h("p", { class: "err" }, t("app.error", { message: err.message })));
    })
    .finally(() => (inFlight = undefined));
}
