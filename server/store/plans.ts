// The plan aggregate: plans are drafted from a site's scenario, one is published, and the
// published one changes during the day (swaps, unwell) with a rising revision.
import type { Db } from "./db.ts";
import type { Plan } from "../../shared/plan/types.ts";

export interface PlanRecord {
  id: string;
  site: string;
  plan: Plan;
  createdAt: number;
  publishedAt: number | null;
  revision: number;
}

interface PlanRow {
  id: string;
  site: string;
  body: string;
  created_at: number;
  published_at: number | null;
  revision: number;
}

const fromRow = (r: PlanRow): PlanRecord => ({
  id: r.id,
  site: r.site,
  plan: JSON.parse(r.body) as Plan,
  createdAt: r.created_at,
  publishedAt: r.published_at,
  revision: r.revision,
});

export class PlanStore {
  private readonly cache = new Map<string, { revision: number; publishedAt: number | null; record: PlanRecord }>();
  /** Prepared once: the live line asks for the plan in force at every push and snapshot. */
  private readonly headStmt;

  constructor(private readonly db: Db) {
    this.headStmt = db.prepare(
      "SELECT id, revision, published_at FROM plans WHERE site = ? AND published_at IS NOT NULL ORDER BY published_at DESC, rowid DESC LIMIT 1",
    );
  }

  insert(id: string, site: string, plan: Plan, at: number): void {
    this.db.prepare("INSERT INTO plans (id, site, body, created_at) VALUES (?, ?, ?, ?)").run(id, site, JSON.stringify(plan), at);
  }

  /** Stores a plan already written as JSON (the planner's worker writes it). */
  insertJson(id: string, site: string, body: string, at: number): void {
    this.db.prepare("INSERT INTO plans (id, site, body, created_at) VALUES (?, ?, ?, ?)").run(id, site, body, at);
  }

  get(site: string, id: string): PlanRecord | undefined {
    const row = this.db.prepare("SELECT * FROM plans WHERE site = ? AND id = ?").get(site, id) as PlanRow | undefined;
    return row && fromRow(row);
  }

  /** The published plan in force: the one published last. */
  current(site: string): PlanRecord | undefined {
    const head = this.headStmt.get(site) as { id: string; revision: number; published_at: number } | undefined;
    if (!head) return undefined;
    // The live loop reads the current plan on every swab; parse its body only when it changed.
    const cached = this.cache.get(site);
    if (cached && cached.record.id === head.id && cached.revision === head.revision && cached.publishedAt === head.published_at)
      return cached.record;
    const record = this.get(site, head.id)!;
    this.cache.set(site, { revision: record.revision, publishedAt: record.publishedAt, record });
    return record;
  }

  publish(site: string, id: string, at: number): void {
    this.db.prepare("UPDATE plans SET published_at = ?, revision = revision + 1 WHERE site = ? AND id = ?").run(at, site, id);
  }

  /** Replaces a plan's body (a swap or a repair), bumping its revision. */
  revise(site: string, id: string, plan: Plan): number {
    this.db.prepare("UPDATE plans SET body = ?, revision = revision + 1 WHERE site = ? AND id = ?").run(JSON.stringify(plan), site, id);
    return (this.db.prepare("SELECT revision FROM plans WHERE site = ? AND id = ?").get(site, id) as { revision: number }).revision;
  }
}
