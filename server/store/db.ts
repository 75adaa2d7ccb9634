// Opens the embedded SQLite file: WAL for concurrent reads during writes, full sync on commit so an
// acknowledged write survives a crash (docs/api.md C11), foreign keys on, migrations applied.
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { migrate } from "./migrations.ts";

export type Db = Database.Database;

/** Opens (creating if missing) the database at `path`; ":memory:" for tests. */
export function openDatabase(path: string, { migrateTo }: { migrateTo?: number } = {}): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  // FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on power loss, and a desk's
  // acknowledged swab must never be lost.
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db, migrateTo);
  return db;
}
