import { expect } from "chai";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../server/store/db.ts";
import { LATEST_VERSION, MIGRATIONS, migrate } from "../server/store/migrations.ts";
import { openStore } from "../server/store/index.ts";
import { CodeStore } from "../server/store/codes.ts";

describe("store migrations", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "tenfold-mig-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const tables = (db: ReturnType<typeof openDatabase>) =>
    (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','index') AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

  it("brings an empty file to the latest version, in WAL mode", () => {
    const db = openDatabase(join(dir, "a.db"));
    expect(db.pragma("user_version", { simple: true })).to.equal(LATEST_VERSION);
    expect(db.pragma("journal_mode", { simple: true })).to.equal("wal");
    expect(tables(db)).to.include.members(["sites", "access_codes", "plans", "meta"]);
    db.close();
  });

  it("numbers its steps 1, 2, 3 … with no gap", () => {
    MIGRATIONS.forEach((m, i) => expect(m.version).to.equal(i + 1));
  });

  for (const from of MIGRATIONS.map((m) => m.version).filter((v) => v < LATEST_VERSION)) {
    it(`upgrades a file left at version ${from} to the same schema as a new file, keeping its data`, () => {
      const old = openDatabase(join(dir, "old.db"), { migrateTo: from });
      expect(old.pragma("user_version", { simple: true })).to.equal(from);
      old.prepare("INSERT INTO sites (id, name, timezone, scenario, created_at) VALUES ('s1', 'n', 'Asia/Shanghai', '{}', 1)").run();
      // Its access codes come through: the same codes sign in, at credential version 0 (tokens
      // signed before versions existed carry none and stay good until the first rotation).
      new CodeStore(old).add("OLDLEADCODE1", { role: "lead", site: null, staff: null }, 1);
      new CodeStore(old).add("OLDSTAFFCODE", { role: "staff", site: "s1", staff: "p1" }, 1);
      old.close();

      const upgraded = openDatabase(join(dir, "old.db"));
      const fresh = openDatabase(join(dir, "fresh.db"));
      expect(upgraded.pragma("user_version", { simple: true })).to.equal(LATEST_VERSION);
      expect(tables(upgraded)).to.deep.equal(tables(fresh));
      expect(upgraded.prepare("SELECT id FROM sites").all()).to.deep.equal([{ id: "s1" }]);
      const codes = new CodeStore(upgraded);
      expect(codes.find("OLDLEADCODE1")).to.deep.equal({ role: "lead", site: null, staff: null });
      expect(codes.find("OLDSTAFFCODE")).to.deep.equal({ role: "staff", site: "s1", staff: "p1" });
      expect(codes.version("lead")).to.equal(0);
      upgraded.close();
      fresh.close();
    });
  }

  it("leaves a file as it was when a newer tenfold wrote it", () => {
    const db = openDatabase(join(dir, "new.db"));
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).to.throw(/newer than this tenfold/);
    db.close();
  });

  it("opens an in-memory store for tests", () => {
    const store = openStore(":memory:");
    expect(store.sites.count()).to.equal(0);
    store.close();
  });
});
