// The site aggregate: a site is made from a validated scenario and keeps it whole; the lead may
// replace the scenario later (PUT …/scenario), which bumps the site's revision.
import type { Db } from "./db.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";

export interface SiteRecord {
  id: string;
  name: string;
  timezone: string;
  scenario: Scenario;
  createdAt: number;
  /** 0 as made; +1 per edit. */
  revision: number;
}

interface SiteRow {
  id: string;
  name: string;
  timezone: string;
  scenario: string;
  created_at: number;
  revision: number;
}

const fromRow = (r: SiteRow): SiteRecord => ({
  id: r.id,
  name: r.name,
  timezone: r.timezone,
  scenario: JSON.parse(r.scenario) as Scenario,
  createdAt: r.created_at,
  revision: r.revision,
});

export class SiteStore {
  private readonly cache = new Map<string, SiteRecord>();
  private readonly dataVersion;
  private readonly revisionOf;
  private seenVersion: number;

  constructor(private readonly db: Db) {
    // data_version moves only when another connection (another node on this file) commits.
    this.dataVersion = db.prepare("PRAGMA data_version").pluck();
    this.revisionOf = db.prepare("SELECT revision FROM sites WHERE id = ?").pluck();
    this.seenVersion = this.dataVersion.get() as number;
  }

  /** Drops cached scenarios another node has edited since we last looked. */
  private checkPeers(): void {
    const version = this.dataVersion.get() as number;
    if (version === this.seenVersion) return;
    this.seenVersion = version;
    for (const [id, record] of this.cache) if (this.revisionOf.get(id) !== record.revision) this.cache.delete(id);
  }

  count(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM sites").get() as { n: number }).n;
  }

  get(id: string): SiteRecord | undefined {
    // Every request reads a site and edits are rare: parse each scenario once per revision.
    this.checkPeers();
    const cached = this.cache.get(id);
    if (cached) return cached;
    const row = this.db.prepare("SELECT * FROM sites WHERE id = ?").get(id) as SiteRow | undefined;
    if (!row) return undefined;
    const record = fromRow(row);
    this.cache.set(id, record);
    return record;
  }

  list(): SiteRecord[] {
    return (this.db.prepare("SELECT id FROM sites ORDER BY id").all() as { id: string }[]).map((r) => this.get(r.id)!);
  }

  /** Inserts a new site; false when the id is taken. Call inside the caller's transaction. */
  insert(scenario: Scenario, at: number): boolean {
    const result = this.db
      .prepare("INSERT OR IGNORE INTO sites (id, name, timezone, scenario, created_at) VALUES (?, ?, ?, ?, ?)")
      .run(scenario.site.id, scenario.site.name, scenario.site.timezone, JSON.stringify(scenario), at);
    return result.changes === 1;
  }

  /**
   * Replaces a site's scenario (same id) and bumps its revision; returns the new record. Call
   * inside the caller's transaction.
   */
  replace(scenario: Scenario): SiteRecord {
    const id = scenario.site.id;
    this.db
      .prepare("UPDATE sites SET name = ?, timezone = ?, scenario = ?, revision = revision + 1 WHERE id = ?")
      .run(scenario.site.name, scenario.site.timezone, JSON.stringify(scenario), id);
    this.cache.delete(id);
    return this.get(id)!;
  }

  /** Forgets a cached scenario (a transaction that replaced it was rolled back). */
  forget(id: string): void {
    this.cache.delete(id);
  }
}
