// The alert log (docs/api.md C5–C7): every alert the lead is sent, numbered per site, so a lead who
// connects late (or reconnects) reads what they missed. Details may name residents: lead only.
import type { Db } from "./db.ts";

export interface AlertRecord {
  site: string;
  seq: number;
  kind: string;
  message: string;
  at: number;
  detail: Record<string, unknown>;
}

export interface NewAlert {
  kind: string;
  message: string;
  at: number;
  detail: Record<string, unknown>;
  /** Alerts with one key are one alert: several nodes finding the same old tube store it once. */
  key?: string;
}

export class AlertStore {
  private readonly stmt;

  constructor(db: Db) {
    this.stmt = {
      // One statement picks the next number and writes the row, so two writers never share a seq.
      insert: db.prepare(
        `INSERT OR IGNORE INTO alerts (site, seq, kind, message, at, detail, key)
         SELECT ?, coalesce(max(seq), 0) + 1, ?, ?, ?, ?, ? FROM alerts WHERE site = ?
         RETURNING seq`,
      ).pluck(),
      byKey: db.prepare("SELECT seq FROM alerts WHERE site = ? AND key = ?").pluck(),
      since: db.prepare("SELECT * FROM alerts WHERE site = ? AND seq > ? ORDER BY seq LIMIT ?"),
    };
  }

  /** Stores an alert; returns its seq (an alert with a key stored before keeps its first seq). */
  add(site: string, alert: NewAlert): number {
    const key = alert.key ?? null;
    const seq = this.stmt.insert.get(site, alert.kind, alert.message, alert.at, JSON.stringify(alert.detail), key, site) as number | undefined;
    return seq ?? (this.stmt.byKey.get(site, key) as number);
  }

  /** Up to `limit` alerts of a site after `seq`, oldest first. */
  since(site: string, seq: number, limit: number): AlertRecord[] {
    return (this.stmt.since.all(site, seq, limit) as Record<string, unknown>[]).map((r) => ({
      site: r.site as string,
      seq: r.seq as number,
      kind: r.kind as string,
      message: r.message as string,
      at: r.at as number,
      detail: JSON.parse(r.detail as string) as Record<string, unknown>,
    }));
  }
}
