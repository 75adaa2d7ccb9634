// Small named settings the server keeps across restarts (the token-signing secret, for one).
import type { Db } from "./db.ts";

export class MetaStore {
  constructor(private readonly db: Db) {}

  get(key: string): string | undefined {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined;
    return row?.value;
  }

  set(key: string, value: string): void {
    this.db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(key, value);
  }

  /** The value under `key`, made by `make` and saved the first time it is asked for. */
  getOrCreate(key: string, make: () => string): string {
    return this.db.transaction(() => {
      const existing = this.get(key);
      if (existing !== undefined) return existing;
      const value = make();
      this.db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)").run(key, value);
      return value;
    })();
  }
}
