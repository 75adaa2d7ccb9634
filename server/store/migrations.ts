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
