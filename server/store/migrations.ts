// Versioned schema migrations, applied in order at start. `PRAGMA user_version` records how far a
// file has come; each step runs in its own transaction, so a crash mid-upgrade leaves the last
// complete version. Append new steps; never edit a step that has shipped.
import type Database from "better-sqlite3";

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: "sites and access codes",
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE sites (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        timezone TEXT NOT NULL,
        scenario TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      -- Codes are stored as SHA-256 digests: a stolen file does not give anyone a sign-in.
      CREATE TABLE access_codes (
        code_hash TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('lead', 'staff', 'lab')),
        site TEXT REFERENCES sites(id),
        staff TEXT,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX access_codes_site ON access_codes(site);
    `,
  },
  {
    version: 2,
    description: "plans, drafted then published",
    sql: `
      CREATE TABLE plans (
        id TEXT PRIMARY KEY,
        site TEXT NOT NULL REFERENCES sites(id),
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        published_at INTEGER
      ) STRICT;
      CREATE INDEX plans_site ON plans(site, published_at);
    `,
  },
  {
    version: 3,
    description: "live operations: desk events, tubes, swabs, custody, boxes, queue counts, swaps",
    sql: `
      -- A published plan changes during the day (swaps, unwell); each change bumps its revision.
      ALTER TABLE plans ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
      -- Every applied desk event, by the desk's own id: the key that makes a resend a no-op.
      CREATE TABLE desk_events (
        site TEXT NOT NULL REFERENCES sites(id),
        id TEXT NOT NULL,
        type TEXT NOT NULL,
        digest TEXT NOT NULL,
        at TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        received_at INTEGER NOT NULL,
        point TEXT NOT NULL,
        desk INTEGER NOT NULL,
        tube TEXT NOT NULL,
        resident TEXT,
        staff TEXT,
        PRIMARY KEY (site, id)
      ) STRICT;
      CREATE TABLE tubes (
        site TEXT NOT NULL REFERENCES sites(id),
        id TEXT NOT NULL,
        point TEXT NOT NULL,
        desk INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('open', 'sealed', 'boxed', 'dispatched', 'received', 'resulted')),
        swabs INTEGER NOT NULL DEFAULT 0,
        opened_at INTEGER NOT NULL,
        first_swab_at INTEGER,
        sealed_at INTEGER,
        box TEXT,
        received_at INTEGER,
        result TEXT CHECK (result IN ('negative', 'positive', 'invalid')),
        resulted_at INTEGER,
        PRIMARY KEY (site, id)
      ) STRICT;
      CREATE INDEX tubes_box ON tubes(site, box);
      CREATE INDEX tubes_state ON tubes(site, state);
      CREATE TABLE swabs (
        site TEXT NOT NULL,
        id TEXT NOT NULL,
        tube TEXT NOT NULL,
        point TEXT NOT NULL,
        desk INTEGER NOT NULL,
        resident TEXT NOT NULL,
        at TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        received_at INTEGER NOT NULL,
        staff TEXT,
        PRIMARY KEY (site, id),
        FOREIGN KEY (site, tube) REFERENCES tubes(site, id)
      ) STRICT;
      CREATE INDEX swabs_tube ON swabs(site, tube);
      CREATE INDEX swabs_point_at ON swabs(site, point, at_ms);
      CREATE INDEX swabs_point_received ON swabs(site, point, received_at);
      CREATE INDEX swabs_resident ON swabs(site, resident);
      -- Chain of custody: who held each tube, from when, in which state.
      CREATE TABLE custody (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        site TEXT NOT NULL,
        tube TEXT NOT NULL,
        at INTEGER NOT NULL,
        state TEXT NOT NULL,
        holder TEXT NOT NULL,
        box TEXT
      ) STRICT;
      CREATE INDEX custody_tube ON custody(site, tube, seq);
      CREATE TABLE boxes (
        site TEXT NOT NULL REFERENCES sites(id),
        id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('packed', 'dispatched', 'received')),
        packed_at INTEGER NOT NULL,
        packed_by TEXT,
        dispatched_at INTEGER,
        dispatched_by TEXT,
        received_at INTEGER,
        PRIMARY KEY (site, id)
      ) STRICT;
      -- Marshal reports: people arrived since the last report, or a count of the line.
      CREATE TABLE queue_counts (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        site TEXT NOT NULL REFERENCES sites(id),
        point TEXT NOT NULL,
        at INTEGER NOT NULL,
        arrivals INTEGER,
        headcount INTEGER,
        staff TEXT
      ) STRICT;
      CREATE INDEX queue_counts_point ON queue_counts(site, point, at);
      CREATE TABLE swaps (
        site TEXT NOT NULL REFERENCES sites(id),
        id TEXT NOT NULL,
        plan TEXT NOT NULL,
        assignment TEXT NOT NULL,
        from_staff TEXT NOT NULL,
        to_staff TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('proposed', 'accepted', 'approved', 'rejected')),
        created_at INTEGER NOT NULL,
        decided_at INTEGER,
        reason TEXT,
        PRIMARY KEY (site, id)
      ) STRICT;
      -- Live settings a lead may change during the day (e.g. relieve a sampler after N tubes).
      CREATE TABLE site_settings (
        site TEXT PRIMARY KEY REFERENCES sites(id),
        swap_after_tubes INTEGER
      ) STRICT;
    `,
  },
  {
    version: 4,
    description: "marshal reports carry an id, so a resent report counts once",
    sql: `
      ALTER TABLE queue_counts ADD COLUMN report_id TEXT;
      CREATE UNIQUE INDEX queue_counts_report ON queue_counts(site, report_id) WHERE report_id IS NOT NULL;
    `,
  },
  {
    version: 5,
    description: "alerts kept for leads who connect late; sites edited in place carry a revision",
    sql: `
      -- Every alert sent to the lead, numbered per site; details as JSON (they may name residents:
      -- only the lead reads this table). The key makes an alert that several nodes find by
      -- themselves (the ticker's) one row.
      CREATE TABLE alerts (
        site TEXT NOT NULL REFERENCES sites(id),
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        message TEXT NOT NULL,
        at INTEGER NOT NULL,
        detail TEXT NOT NULL,
        key TEXT,
        PRIMARY KEY (site, seq)
      ) STRICT;
      CREATE UNIQUE INDEX alerts_key ON alerts(site, key) WHERE key IS NOT NULL;
      -- PUT …/scenario bumps it, so a node sharing the file knows its cached scenario is old.
      ALTER TABLE sites ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 6,
    description: "credential versions: a token carries its credential's version; a rotation or removal raises it",
    sql: `
      -- One row per credential whose version has moved: "lead", "lab:SITE", "staff:SITE:ID",
      -- "calendar:SITE:ID". No row is version 0, the version of every token signed before this step,
      -- so upgrading signs nobody out; the first rotation or removal ends those tokens. Rows are
      -- never deleted: a person removed and added again does not get their old tokens back.
      CREATE TABLE credentials (
        account TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        changed_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 7,
    description: "a swab's building and unit: per-building progress, the missed list, re-tests at home",
    sql: `
      ALTER TABLE swabs ADD COLUMN building TEXT;
      ALTER TABLE swabs ADD COLUMN unit TEXT;
      CREATE INDEX swabs_building ON swabs(site, building);
    `,
  },
];

/** The newest schema version this code knows. */
export const LATEST_VERSION = MIGRATIONS.at(-1)!.version;

/** Brings a database up to `target` (default: the latest), one transaction per step. */
export function migrate(db: Database.Database, target = LATEST_VERSION): number {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > LATEST_VERSION)
    throw new Error(`the database is at schema version ${current}, newer than this tenfold (${LATEST_VERSION}); upgrade tenfold`);
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return db.pragma("user_version", { simple: true }) as number;
}
