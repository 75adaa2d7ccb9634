// Marshal reports per point: arrivals since the last report, or a headcount of the line; and the
// swab counts the live queue needs, read from the swabs table.
import type { Db } from "./db.ts";

export interface Headcount {
  count: number;
  at: number;
}

export class QueueCountStore {
  private readonly stmt;

  constructor(db: Db) {
    this.stmt = {
      // A report resent with its id (the answer was lost, the phone retried) is ignored, not counted twice.
      insert: db.prepare(
        "INSERT OR IGNORE INTO queue_counts (site, point, at, arrivals, headcount, staff, report_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
      ),
      lastHeadcount: db.prepare(
        "SELECT headcount AS count, at FROM queue_counts WHERE site = ? AND point = ? AND headcount IS NOT NULL ORDER BY seq DESC LIMIT 1",
      ),
      arrivalsSince: db.prepare("SELECT coalesce(sum(arrivals), 0) AS n, count(arrivals) AS reports FROM queue_counts WHERE site = ? AND point = ? AND seq > ?"),
      headSeq: db.prepare("SELECT coalesce(max(seq), 0) AS seq FROM queue_counts WHERE site = ? AND point = ? AND headcount IS NOT NULL"),
      swabsReceivedSince: db.prepare("SELECT count(*) AS n FROM swabs INDEXED BY swabs_point_received WHERE site = ? AND point = ? AND received_at > ?"),
      swabsBetween: db.prepare(
        "SELECT count(*) AS n, count(DISTINCT desk) AS desks FROM swabs INDEXED BY swabs_point_at WHERE site = ? AND point = ? AND at_ms > ? AND at_ms <= ?",
      ),
      counts: db.prepare("SELECT count(*) AS n FROM queue_counts WHERE site = ?"),
    };
  }

  /** Records a report; false when a report with the same id was recorded already. */
  add(site: string, point: string, at: number, report: { id?: string; arrivals?: number; headcount?: number }, staff: string | null): boolean {
    return this.stmt.insert.run(site, point, at, report.arrivals ?? null, report.headcount ?? null, staff, report.id ?? null).changes === 1;
  }

  lastHeadcount(site: string, point: string): Headcount | undefined {
    return this.stmt.lastHeadcount.get(site, point) as Headcount | undefined;
  }

  /** Arrivals reported after the last headcount (or all of them when none was taken). */
  arrivalsSinceHeadcount(site: string, point: string): { arrivals: number; reports: number } {
    const { seq } = this.stmt.headSeq.get(site, point) as { seq: number };
    const r = this.stmt.arrivalsSince.get(site, point, seq) as { n: number; reports: number };
    return { arrivals: r.n, reports: r.reports };
  }

  swabsReceivedSince(site: string, point: string, since: number): number {
    return (this.stmt.swabsReceivedSince.get(site, point, since) as { n: number }).n;
  }

  /** Swabs taken (desk time) in (from, to], and at how many desks. */
  swabsBetween(site: string, point: string, from: number, to: number): { swabs: number; desks: number } {
    const r = this.stmt.swabsBetween.get(site, point, from, to) as { n: number; desks: number };
    return { swabs: r.n, desks: r.desks };
  }

  count(site: string): number {
    return (this.stmt.counts.get(site) as { n: number }).n;
  }
}
