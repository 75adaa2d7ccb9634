// The swap aggregate (docs/api.md C5): proposed by the holder of an assignment, accepted by the
// person taking it, approved or rejected by the lead; also the site's live settings.
import type { Db } from "./db.ts";

import type { SwapState } from "../../shared/live/shapes.ts";

export type { SwapState };

export interface SwapRecord {
  id: string;
  site: string;
  plan: string;
  assignment: string;
  from: string;
  to: string;
  state: SwapState;
  createdAt: number;
  decidedAt: number | null;
  reason: string | null;
}

export interface SiteSettings {
  /** Relieve a sampler after this many sealed tubes in one stint (C4 "swap after 3 tubes"). */
  swapAfterTubes: number | null;
}

const fromRow = (r: Record<string, unknown>): SwapRecord => ({
  id: r.id as string,
  site: r.site as string,
  plan: r.plan as string,
  assignment: r.assignment as string,
  from: r.from_staff as string,
  to: r.to_staff as string,
  state: r.state as SwapState,
  createdAt: r.created_at as number,
  decidedAt: r.decided_at as number | null,
  reason: r.reason as string | null,
});

export class SwapStore {
  constructor(private readonly db: Db) {}

  // Prepared on first use, then kept: relief reads the settings after every sealed tube.
  private settingsQuery?: ReturnType<Db["prepare"]>;

  insert(s: Omit<SwapRecord, "decidedAt" | "reason" | "state">): void {
    this.db
      .prepare("INSERT INTO swaps (site, id, plan, assignment, from_staff, to_staff, state, created_at) VALUES (?, ?, ?, ?, ?, ?, 'proposed', ?)")
      .run(s.site, s.id, s.plan, s.assignment, s.from, s.to, s.createdAt);
  }

  get(site: string, id: string): SwapRecord | undefined {
    const r = this.db.prepare("SELECT * FROM swaps WHERE site = ? AND id = ?").get(site, id) as Record<string, unknown> | undefined;
    return r && fromRow(r);
  }

  /** An offer of this assignment to this person still waiting (proposed or accepted), if any. */
  openOffer(site: string, assignment: string, to: string): SwapRecord | undefined {
    const r = this.db
      .prepare("SELECT * FROM swaps WHERE site = ? AND assignment = ? AND to_staff = ? AND state IN ('proposed', 'accepted') LIMIT 1")
      .get(site, assignment, to) as Record<string, unknown> | undefined;
    return r && fromRow(r);
  }

  /** Offers of one person's assignments made since `since` (ms), and the earliest of them. */
  offersSince(site: string, from: string, since: number): { count: number; earliest: number | null } {
    return this.db
      .prepare("SELECT count(*) AS count, min(created_at) AS earliest FROM swaps WHERE site = ? AND from_staff = ? AND created_at > ?")
      .get(site, from, since) as { count: number; earliest: number | null };
  }

  list(site: string): SwapRecord[] {
    return (this.db.prepare("SELECT * FROM swaps WHERE site = ? ORDER BY created_at, id").all(site) as Record<string, unknown>[]).map(fromRow);
  }

  setState(site: string, id: string, state: SwapState, at: number, reason: string | null = null): void {
    this.db.prepare("UPDATE swaps SET state = ?, decided_at = ?, reason = ? WHERE site = ? AND id = ?").run(state, at, reason, site, id);
  }

  settings(site: string): SiteSettings {
    this.settingsQuery ??= this.db.prepare("SELECT swap_after_tubes FROM site_settings WHERE site = ?");
    const r = this.settingsQuery.get(site) as { swap_after_tubes: number | null } | undefined;
    return { swapAfterTubes: r?.swap_after_tubes ?? null };
  }

  saveSettings(site: string, settings: SiteSettings): void {
    this.db
      .prepare("INSERT INTO site_settings (site, swap_after_tubes) VALUES (?, ?) ON CONFLICT(site) DO UPDATE SET swap_after_tubes = excluded.swap_after_tubes")
      .run(site, settings.swapAfterTubes);
  }
}
