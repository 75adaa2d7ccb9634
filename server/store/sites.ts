// The site aggregate: a site is made from a validated scenario and keeps it whole.
import type { Db } from "./db.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";

export interface SiteRecord {
  id: string;
  name: string;
  timezone: string;
  scenario: Scenario;
  createdAt: number;
}

interface SiteRow {
  id: string;
  name: string;
  timezone: string;
  scenario: string;
  created_at: number;
}

const fromRow = (r: SiteRow): SiteRecord => ({
  id: r.id,
  name: r.name,
  timezone: r.timezone,
  scenario: JSON.parse(r.scenario) as Scenario,
  createdAt: r.created_at,
});

export class SiteStore {
  private readonly cache = new Map<string, SiteRecord>();

  constructor(private readonly db: Db) {}

  count(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM sites").get() as { n: number }).n;
  }

  get(id: string): SiteRecord | undefined {
    // Sites are never changed once made, and every request reads one: parse each scenario once.
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
}
