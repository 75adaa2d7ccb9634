import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs"; import { tmpdir } from "node:os"; import { join } from "node:path";
for (const sync of ["FULL", "NORMAL"]) {
  const db = new Database(join(mkdtempSync(join(tmpdir(), "fs-")), "x.db"));
  db.pragma("journal_mode = WAL"); db.pragma(`synchronous = ${sync}`);
  db.exec("CREATE TABLE t (a INTEGER, b TEXT)");
  const ins = db.prepare("INSERT INTO t VALUES (?, ?)");
  const tx = db.transaction((i: number) => ins.run(i, "x".repeat(100)));
  const t0 = performance.now(); for (let i = 0; i < 500; i++) tx(i);
  console.log(sync, ((performance.now() - t0) / 500).toFixed(3), "ms per commit");
}
