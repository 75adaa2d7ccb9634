// What time alone brings (docs/api.md C7, C8): desk calls as assignments come due, tubes nearing
// their age limit, a rising heat category, and queue states that change as desks open and close.
import type { AppContext } from "../context.ts";
import { isWithin, wallClock } from "../../shared/time.ts";
import { tubeAgeMinutes } from "../../shared/tubes/age.ts";

/** Real milliseconds between ticks; each reads the app's clock, so a fast clock runs a fast day. */
export const TICK_MS = 1000;
/** Staff are called this long before a desk assignment starts. */
export const CALL_AHEAD_MINUTES = 5;
/** A tube is flagged this long before it would reach the lab over its age limit. */
export const TUBE_AGE_WARNING_MINUTES = 30;

const HOUR = 3_600_000;

export class Ticker {
  private timer?: NodeJS.Timeout;
  private readonly called = new Set<string>();
  private readonly agedTubes = new Set<string>();
  private readonly heatHours = new Set<string>();

  constructor(private readonly context: AppContext) {}

  start(): void {
    this.timer = setInterval(() => {
      try {
        this.tick();
      } catch (err) {
        this.context.logger.error({ err }, "live tick failed");
      }
    }, TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One pass over every site with a plan in force. */
  tick(): void {
    const now = this.context.clock.now();
    const hub = this.context.live;
    // A signed-in socket lives no longer than its token.
    for (const socket of this.context.io.sockets.sockets.values()) {
      const account = socket.data.account;
      if (account && account.exp <= now) socket.disconnect(true);
    }
    for (const site of this.context.store.sites.list()) {
      const current = this.context.store.plans.current(site.id);
      hub.queues.refreshSubscribed(site.id);
      const pooling = site.scenario.pooling;
      const warnAfter = (pooling.maxTubeAgeMinutes - pooling.labTravelMinutes - TUBE_AGE_WARNING_MINUTES) * 60_000;
      // Only tubes already old enough to warn about: a busy day has thousands not yet at the lab,
      // and reading them all every second was 5 % of the server's time under ingestion (bench/ingest.ts).
      for (const tube of this.context.store.tubes.notYetAtLabSwabbedBy(site.id, now - warnAfter)) {
        const key = `${site.id}:${tube.id}`;
        if (this.agedTubes.has(key)) continue;
        this.agedTubes.add(key);
        const age = tubeAgeMinutes(tube.firstSwabAt!, now);
        hub.alert(site.id, "tube-age", "tube-ageing", { tube: tube.id, ageMinutes: age, maxTubeAgeMinutes: pooling.maxTubeAgeMinutes, labTravelMinutes: pooling.labTravelMinutes }, {
          tube: tube.id,
          ageMinutes: age,
          state: tube.state,
        }, { local: true, key: `tube-age:${tube.id}` });
      }
      if (!current) continue;
      for (const a of current.plan.assignments) {
        if (a.activity !== "desk") continue;
        const start = Date.parse(a.start);
        const key = `${site.id}:${current.id}:${a.id}:${a.staff}`;
        if (!isWithin(now, { start: start - CALL_AHEAD_MINUTES * 60_000, end: a.end }) || this.called.has(key)) continue;
        this.called.add(key);
        hub.call({
          site: site.id,
          staff: a.staff,
          point: a.point!,
          desk: a.desk!,
          at: a.start,
          reason: "rotation",
          assignment: a.id,
          message: `to ${a.point} desk ${a.desk} at ${wallClock(a.start)}`,
        }, { local: true });
      }
      const heat = current.plan.heat;
      heat.forEach((hour, i) => {
        const start = Date.parse(hour.start);
        const key = `${site.id}:${hour.start}`;
        if (i === 0 || !isWithin(now, { start, end: start + HOUR }) || this.heatHours.has(key)) return;
        this.heatHours.add(key);
        // the point whose band rises most this hour (GBZ 2.2 share of time, or TB MED 507 category)
        let rise: { point: string; from: string; to: string; by: number } | null = null;
        for (const [point, e] of Object.entries(hour.points)) {
          const was = heat[i - 1].points[point];
          if (!was) continue;
          const by = bandRank(e.band) - bandRank(was.band);
          if (by > 0 && (!rise || by > rise.by)) rise = { point, from: was.band, to: e.band, by };
        }
        if (rise) {
          const e = hour.points[rise.point];
          hub.alert(site.id, "heat", "heat-rising", { point: rise.point, from: rise.from, to: rise.to, at: wallClock(hour.start), wbgt: e.effectiveWbgt }, {
            point: rise.point,
            band: rise.to,
            previous: rise.from,
            allowance: e.allowance,
            hour: hour.start,
          }, { local: true, key: `heat:${hour.start}` });
        }
      });
    }
  }
}

/** How strict a heat band is: GBZ 2.2 "100%" 0 … "stop" 4; TB MED 507 categories "0"…"5" as numbers. */
function bandRank(band: string): number {
  const gbz = ["100%", "75%", "50%", "25%", "stop"].indexOf(band);
  return gbz >= 0 ? gbz : Number(band) || 0;
}
