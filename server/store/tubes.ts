// The tube aggregate: tubes, the swabs bound to them, the desk events that made them, and each
// tube's chain of custody (docs/api.md C6).
import type { Db } from "./db.ts";

import type { TubeResult, TubeState } from "../../shared/tubes/lifecycle.ts";

export type { TubeResult, TubeState };

export interface TubeRecord {
  site: string;
  id: string;
  point: string;
  desk: number;
  state: TubeState;
  swabs: number;
  openedAt: number;
  firstSwabAt: number | null;
  sealedAt: number | null;
  box: string | null;
  receivedAt: number | null;
  result: TubeResult | null;
  resultedAt: number | null;
}

export interface SwabRecord {
  id: string;
  tube: string;
  point: string;
  desk: number;
  resident: string;
  at: string;
  atMs: number;
  receivedAt: number;
  staff: string | null;
  building?: string | null;
  unit?: string | null;
}

export interface CustodyRecord {
  at: number;
  state: string;
  holder: string;
  box: string | null;
}

export interface NewDeskEvent {
  id: string;
  type: string;
  digest: string;
  at: string;
  atMs: number;
  receivedAt: number;
  point: string;
  desk: number;
  tube: string;
  resident: string | null;
  staff: string | null;
}

const tubeFromRow = (r: Record<string, unknown>): TubeRecord => ({
  site: r.site as string,
  id: r.id as string,
  point: r.point as string,
  desk: r.desk as number,
  state: r.state as TubeState,
  swabs: r.swabs as number,
  openedAt: r.opened_at as number,
  firstSwabAt: r.first_swab_at as number | null,
  sealedAt: r.sealed_at as number | null,
  box: r.box as string | null,
  receivedAt: r.received_at as number | null,
  result: r.result as TubeResult | null,
  resultedAt: r.resulted_at as number | null,
});

const swabFromRow = (r: Record<string, unknown>): SwabRecord => ({
  id: r.id as string,
  tube: r.tube as string,
  point: r.point as string,
  desk: r.desk as number,
  resident: r.resident as string,
  at: r.at as string,
  atMs: r.at_ms as number,
  receivedAt: r.received_at as number,
  staff: r.staff as string | null,
  building: (r.building as string | null | undefined) ?? null,
  unit: (r.unit as string | null | undefined) ?? null,
});

export class TubeStore {
  private readonly stmt;

  constructor(private readonly db: Db) {
    // Prepared once: desk events are the hot path (bench/ingest.ts).
    this.stmt = {
      insertEvent: db.prepare(
        "INSERT INTO desk_events (site, id, type, digest, at, at_ms, received_at, point, desk, tube, resident, staff) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      ),
      tube: db.prepare("SELECT * FROM tubes WHERE site = ? AND id = ?"),
      openTube: db.prepare("INSERT INTO tubes (site, id, point, desk, state, opened_at) VALUES (?, ?, ?, ?, 'open', ?)"),
      insertSwab: db.prepare(
        "INSERT INTO swabs (site, id, tube, point, desk, resident, at, at_ms, received_at, staff, building, unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      ),
      countSwab: db.prepare("UPDATE tubes SET swabs = swabs + 1, first_swab_at = coalesce(first_swab_at, ?) WHERE site = ? AND id = ?"),
      setState: db.prepare("UPDATE tubes SET state = ? WHERE site = ? AND id = ?"),
      seal: db.prepare("UPDATE tubes SET state = 'sealed', sealed_at = ? WHERE site = ? AND id = ?"),
      custody: db.prepare("INSERT INTO custody (site, tube, at, state, holder, box) VALUES (?, ?, ?, ?, ?, ?)"),
      // The resident index first: a resident has a swab or two, a site thousands.
      tubesOfResident: db.prepare(
        "SELECT s.tube AS tube, t.state AS state FROM swabs s INDEXED BY swabs_resident CROSS JOIN tubes t ON t.site = s.site AND t.id = s.tube WHERE s.site = ? AND s.resident = ?",
      ),
      events: db.prepare("SELECT id, digest FROM desk_events WHERE site = ? AND id IN (SELECT value FROM json_each(?))"),
    };
  }

  /** The digests of those of `ids` already applied, in one query for a whole batch. */
  deskEventDigests(site: string, ids: string[]): Map<string, string> {
    const rows = this.stmt.events.all(site, JSON.stringify(ids)) as { id: string; digest: string }[];
    return new Map(rows.map((r) => [r.id, r.digest]));
  }

  /** Every tube holding a swab of this resident, with its state. */
  tubesOfResident(site: string, resident: string): { tube: string; state: TubeState }[] {
    return this.stmt.tubesOfResident.all(site, resident) as { tube: string; state: TubeState }[];
  }

  recordDeskEvent(site: string, e: NewDeskEvent): void {
    this.stmt.insertEvent.run(site, e.id, e.type, e.digest, e.at, e.atMs, e.receivedAt, e.point, e.desk, e.tube, e.resident, e.staff);
  }

  get(site: string, id: string): TubeRecord | undefined {
    const row = this.stmt.tube.get(site, id) as Record<string, unknown> | undefined;
    return row && tubeFromRow(row);
  }

  open(site: string, id: string, point: string, desk: number, at: number): void {
    this.stmt.openTube.run(site, id, point, desk, at);
  }

  addSwab(site: string, swab: SwabRecord): void {
    this.stmt.insertSwab.run(site, swab.id, swab.tube, swab.point, swab.desk, swab.resident, swab.at, swab.atMs, swab.receivedAt, swab.staff, swab.building ?? null, swab.unit ?? null);
    this.stmt.countSwab.run(swab.atMs, site, swab.tube);
  }

  /** Swabs per building named on them (a swab without a building is not counted to any). */
  swabsByBuilding(site: string): Map<string, number> {
    const rows = this.db.prepare("SELECT building, COUNT(*) AS n FROM swabs WHERE site = ? AND building IS NOT NULL GROUP BY building").all(site) as { building: string; n: number }[];
    return new Map(rows.map((r) => [r.building, r.n]));
  }

  seal(site: string, id: string, at: number): void {
    this.stmt.seal.run(at, site, id);
  }

  setState(site: string, id: string, state: TubeState): void {
    this.stmt.setState.run(state, site, id);
  }

  setBox(site: string, id: string, box: string): void {
    this.db.prepare("UPDATE tubes SET state = 'boxed', box = ? WHERE site = ? AND id = ?").run(box, site, id);
  }

  setReceived(site: string, id: string, at: number): void {
    this.db.prepare("UPDATE tubes SET state = 'received', received_at = ? WHERE site = ? AND id = ?").run(at, site, id);
  }

  setResult(site: string, id: string, result: TubeResult, at: number): void {
    this.db.prepare("UPDATE tubes SET state = 'resulted', result = ?, resulted_at = ? WHERE site = ? AND id = ?").run(result, at, site, id);
  }

  addCustody(site: string, tube: string, entry: CustodyRecord): void {
    this.stmt.custody.run(site, tube, entry.at, entry.state, entry.holder, entry.box);
  }

  custody(site: string, tube: string): CustodyRecord[] {
    return this.db
      .prepare("SELECT at, state, holder, box FROM custody WHERE site = ? AND tube = ? ORDER BY seq")
      .all(site, tube) as CustodyRecord[];
  }

  swabsOf(site: string, tube: string): SwabRecord[] {
    return (this.db.prepare("SELECT * FROM swabs WHERE site = ? AND tube = ? ORDER BY at_ms, rowid").all(site, tube) as Record<string, unknown>[]).map(
      swabFromRow,
    );
  }

  inBox(site: string, box: string): TubeRecord[] {
    return (this.db.prepare("SELECT * FROM tubes WHERE site = ? AND box = ? ORDER BY id").all(site, box) as Record<string, unknown>[]).map(tubeFromRow);
  }

  withResult(site: string, result: TubeResult): TubeRecord[] {
    return (this.db.prepare("SELECT * FROM tubes WHERE site = ? AND result = ? ORDER BY resulted_at, id").all(site, result) as Record<string, unknown>[]).map(
      tubeFromRow,
    );
  }

  /** Tubes swabbed but not yet at the lab: their age runs against the limit. */
  notYetAtLab(site: string): TubeRecord[] {
    return (
      this.db
        .prepare("SELECT * FROM tubes WHERE site = ? AND state IN ('open', 'sealed', 'boxed', 'dispatched') AND first_swab_at IS NOT NULL")
        .all(site) as Record<string, unknown>[]
    ).map(tubeFromRow);
  }

  /** A site's tubes in any of `states`. */
  inStates(site: string, states: readonly TubeState[]): TubeRecord[] {
    return (
      this.db
        .prepare("SELECT * FROM tubes WHERE site = ? AND state IN (SELECT value FROM json_each(?)) ORDER BY id")
        .all(site, JSON.stringify(states)) as Record<string, unknown>[]
    ).map(tubeFromRow);
  }

  /** Tubes sealed at one desk at or after `since` (desk time). */
  sealedAtDeskSince(site: string, point: string, desk: number, since: number): number {
    return (
      this.db
        .prepare("SELECT count(*) AS n FROM tubes WHERE site = ? AND point = ? AND desk = ? AND sealed_at >= ?")
        .get(site, point, desk, since) as { n: number }
    ).n;
  }

  count(site: string): number {
    return (this.db.prepare("SELECT count(*) AS n FROM tubes WHERE site = ?").get(site) as { n: number }).n;
  }

  swabCount(site: string): number {
    return (this.db.prepare("SELECT count(*) AS n FROM swabs WHERE site = ?").get(site) as { n: number }).n;
  }

  deskEventCount(site: string): number {
    return (this.db.prepare("SELECT count(*) AS n FROM desk_events WHERE site = ?").get(site) as { n: number }).n;
  }

  // Batch reads for desk events (bench/ingest.ts): one query per batch instead of one per event,
  // each prepared on first use and then kept.
  private batchStmt?: ReturnType<typeof batchStatements>;

  private batchStatements() {
    return (this.batchStmt ??= batchStatements(this.db));
  }

  /** Those of `ids` that are tubes of the site, in one query. */
  getMany(site: string, ids: string[]): TubeRecord[] {
    return (this.batchStatements().tubes.all(site, JSON.stringify(ids)) as Record<string, unknown>[]).map(tubeFromRow);
  }

  /** The tubes holding a swab of each of `residents` (residents with none are absent), in one query. */
  tubesOfResidents(site: string, residents: string[]): Map<string, string[]> {
    const held = new Map<string, string[]>();
    for (const r of this.batchStatements().residents.all(site, JSON.stringify(residents)) as { resident: string; tube: string }[]) {
      const tubes = held.get(r.resident);
      if (tubes) tubes.push(r.tube);
      else held.set(r.resident, [r.tube]);
    }
    return held;
  }

  /** Tubes not yet at the lab whose first swab was at or before `swabbedBy`: the ones old enough to warn about. */
  notYetAtLabSwabbedBy(site: string, swabbedBy: number): TubeRecord[] {
    return (this.batchStatements().swabbedBy.all(site, swabbedBy) as Record<string, unknown>[]).map(tubeFromRow);
  }
}

/** The statements of TubeStore's batch reads (getMany, tubesOfResidents, notYetAtLabSwabbedBy). */
function batchStatements(db: Db) {
  return {
    tubes: db.prepare("SELECT * FROM tubes WHERE site = ? AND id IN (SELECT value FROM json_each(?))"),
    residents: db.prepare(
      "SELECT resident, tube FROM swabs INDEXED BY swabs_resident WHERE site = ? AND resident IN (SELECT value FROM json_each(?))",
    ),
    swabbedBy: db.prepare(
      "SELECT * FROM tubes WHERE site = ? AND state IN ('open', 'sealed', 'boxed', 'dispatched') AND first_swab_at IS NOT NULL AND first_swab_at <= ?",
    ),
  };
}
