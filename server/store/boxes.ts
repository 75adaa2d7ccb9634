// The box aggregate: sealed tubes packed together, dispatched with a courier, received by the lab.
import type { Db } from "./db.ts";

import type { BoxState } from "../../shared/tubes/lifecycle.ts";

export type { BoxState };

export interface BoxRecord {
  id: string;
  state: BoxState;
  packedAt: number;
  packedBy: string | null;
  dispatchedAt: number | null;
  dispatchedBy: string | null;
  receivedAt: number | null;
}

export class BoxStore {
  constructor(private readonly db: Db) {}

  get(site: string, id: string): BoxRecord | undefined {
    const r = this.db.prepare("SELECT * FROM boxes WHERE site = ? AND id = ?").get(site, id) as Record<string, unknown> | undefined;
    return (
      r && {
        id: r.id as string,
        state: r.state as BoxState,
        packedAt: r.packed_at as number,
        packedBy: r.packed_by as string | null,
        dispatchedAt: r.dispatched_at as number | null,
        dispatchedBy: r.dispatched_by as string | null,
        receivedAt: r.received_at as number | null,
      }
    );
  }

  insert(site: string, id: string, at: number, by: string | null): void {
    this.db.prepare("INSERT INTO boxes (site, id, state, packed_at, packed_by) VALUES (?, ?, 'packed', ?, ?)").run(site, id, at, by);
  }

  dispatch(site: string, id: string, at: number, by: string | null): void {
    this.db.prepare("UPDATE boxes SET state = 'dispatched', dispatched_at = ?, dispatched_by = ? WHERE site = ? AND id = ?").run(at, by, site, id);
  }

  receive(site: string, id: string, at: number): void {
    this.db.prepare("UPDATE boxes SET state = 'received', received_at = ? WHERE site = ? AND id = ?").run(at, site, id);
  }

  count(site: string): number {
    return (this.db.prepare("SELECT count(*) AS n FROM boxes WHERE site = ?").get(site) as { n: number }).n;
  }
}
