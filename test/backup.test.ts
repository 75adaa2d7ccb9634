// Backups that restore (docs/scaling.md "Backups"): a backup taken from another process while four
// desks write holds every swab acknowledged before it began; restored into a new file it is a
// whole store a server starts on; scheduled backups appear in their folder and old ones are pruned.
import { expect } from "chai";
import Database from "better-sqlite3";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { pino } from "pino";
import { codesFromBanner, startChild, type Child } from "./support/child.ts";
import { openStore } from "../server/store/index.ts";
import { backupDatabase, backupProblem, pruneBackups, restoreDatabase } from "../server/store/backup.ts";
import { backupInterval, scheduleBackups } from "../server/store/backup-schedule.ts";
import { sleep } from "./support/server.ts";

const BIN = fileURLToPath(new URL("../bin/tenfold.mjs", import.meta.url));
const run = promisify(execFile);
const LEAD = "BACKUPTESTLEAD";
const SITE = "yiyuan";

/** `tenfold ARGS` against the store at `db`; resolves to its exit code and output. */
async function tenfold(db: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, TENFOLD_DB: db } });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout, err: err.stderr };
  }
}

async function login(base: string, code: string): Promise<string> {
  const r = await fetch(`${base}/api/v1/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }) });
  return ((await r.json()) as { token: string }).token;
}

describe("backups", function () {
  this.timeout(120_000);
  let dir: string;
  let child: Child | undefined;

  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "tenfold-backup-"))));
  afterEach(async () => {
    await child?.stop();
    child = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it("restores a backup taken under load with every swab acknowledged before it began", async () => {
    const db = join(dir, "tenfold.db");
    child = await startChild({ db, leadCode: LEAD, seed: true });
    const codes = codesFromBanner(child.banner);
    const staff = Object.keys(codes.staff);
    const desks = [["north-gate", 1], ["north-gate", 2], ["south-gate", 1], ["south-gate", 2]] as const;
    const tokens = await Promise.all(desks.map((_, i) => login(child!.base, codes.staff[staff[i]])));
    const acknowledged: string[] = [];
    let writing = true;
    // Each desk: open a tube, ten swabs, seal, again and again, a batch per tube, until told to stop.
    const desk = async (d: number) => {
      const [point, deskNo] = desks[d];
      for (let t = 0; writing; t++) {
        const tube = `${point}-${deskNo}-B${t}`;
        const at = (k: number) => new Date(Date.parse("2021-08-03T08:00:00+08:00") + (t * 12 + k) * 20_000).toISOString();
        const events = [
          { id: `${tube}-open`, type: "tube.open", at: at(0), point, desk: deskNo, tube },
          ...Array.from({ length: 10 }, (_, k) => ({ id: `${tube}-s${k}`, type: "swab", at: at(k + 1), point, desk: deskNo, tube, resident: `${tube}-R${k}` })),
          { id: `${tube}-seal`, type: "tube.seal", at: at(11), point, desk: deskNo, tube },
        ];
        const res = await fetch(`${child!.base}/api/v1/sites/${SITE}/desk-events`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${tokens[d]}` },
          body: JSON.stringify({ events }),
        });
        expect(res.status).to.equal(200);
        const { results } = (await res.json()) as { results: { id: string; status: string }[] };
        for (const r of results) {
          expect(r.status, JSON.stringify(r)).to.equal("applied");
          if (/-s\d+$/.test(r.id)) acknowledged.push(r.id);
        }
      }
    };
    const load = desks.map((_, d) => desk(d));
    await sleep(1500);

    const before = acknowledged.length;
    const ackedBefore = new Set(acknowledged);
    const backupFile = join(dir, "copies", "under-load.db");
    const backup = await tenfold(db, "backup", backupFile);
    const during = acknowledged.length - before;
    writing = false;
    await Promise.all(load);
    expect(backup.code, backup.err).to.equal(0);
    expect(before).to.be.greaterThan(100);
    expect(during, "swabs kept arriving while the backup ran").to.be.greaterThan(0);

    // Restored into a new file, as an operator would on a new machine.
    const restored = join(dir, "restored", "tenfold.db");
    const restore = await tenfold(restored, "restore", backupFile);
    expect(restore.code, restore.err).to.equal(0);
    const file = new Database(restored, { readonly: true });
    const ids = new Set(file.prepare("SELECT id FROM desk_events WHERE type = 'swab'").pluck().all() as string[]);
    const swabs = file.prepare("SELECT COUNT(*) FROM swabs").pluck().get() as number;
    file.close();
    const missing = [...ackedBefore].filter((id) => !ids.has(id));
    expect(missing, "acknowledged before the backup began, missing from it").to.deep.equal([]);
    expect(swabs).to.equal(ids.size);

    // A server starts on the restored file and answers for its tubes.
    await child.stop();
    child = await startChild({ db: restored, leadCode: LEAD });
    const lead = await login(child.base, LEAD);
    const tube = await fetch(`${child.base}/api/v1/sites/${SITE}/tubes/north-gate-1-B0`, { headers: { authorization: `Bearer ${lead}` } });
    expect(tube.status).to.equal(200);
    expect(((await tube.json()) as { swabs: unknown[] }).swabs).to.have.length(10);
  });

  it("refuses to restore over a running server's store, or a file that is not a store", async () => {
    const db = join(dir, "tenfold.db");
    child = await startChild({ db, leadCode: LEAD, seed: true });
    const copy = join(dir, "copy.db");
    expect((await tenfold(db, "backup", copy)).code).to.equal(0);
    const inUse = await tenfold(db, "restore", copy);
    expect(inUse.code).to.equal(2);
    expect(inUse.err).to.match(/stop the server first/);

    const junk = join(dir, "junk.db");
    writeFileSync(junk, "not a database at all, just text that is long enough to look like a header....");
    expect(backupProblem(junk)).to.match(/cannot be read as a SQLite database|not a database/);
    const bad = await tenfold(join(dir, "other.db"), "restore", junk);
    expect(bad.code).to.equal(2);
    expect(existsSync(join(dir, "other.db"))).to.equal(false);
  });

  it("keeps the replaced store beside the restored one", async () => {
    const target = join(dir, "tenfold.db");
    const first = openStore(target);
    first.close();
    const source = openStore(join(dir, "source.db"));
    const copy = join(dir, "copy.db");
    await backupDatabase(source.db, copy);
    source.close();
    const { previous } = restoreDatabase(copy, target, { now: Date.parse("2022-08-03T12:00:00Z") });
    expect(previous).to.equal(`${target}.before-restore-2022-08-03T12-00-00-000Z`);
    expect(existsSync(previous!)).to.equal(true);
    expect(backupProblem(target)).to.equal(undefined);
  });

  it("writes scheduled backups into their folder and keeps only the newest", async () => {
    const store = openStore(join(dir, "serving.db"));
    const backups = join(dir, "scheduled");
    let now = Date.parse("2022-08-03T08:00:00Z");
    const stop = scheduleBackups(store.db, { dir: backups, everyMs: 50, keep: 2 }, pino({ level: "silent" }), () => (now += 60_000));
    try {
      for (let i = 0; i < 100 && !(existsSync(backups) && readdirSync(backups).filter((f) => f.endsWith(".db")).length >= 2 && now >= Date.parse("2022-08-03T08:04:00Z")); i++) await sleep(50);
    } finally {
      await stop();
      store.close();
    }
    const files = readdirSync(backups).filter((f) => f.endsWith(".db"));
    expect(files).to.have.length(2);
    for (const f of files) {
      expect(f).to.match(/^tenfold-20220803T08\d{4}Z\.db$/);
      expect(backupProblem(join(backups, f))).to.equal(undefined);
    }
  });

  it("reads the schedule's interval as seconds, minutes or hours", () => {
    expect(backupInterval("90s")).to.equal(90_000);
    expect(backupInterval("15m")).to.equal(900_000);
    expect(backupInterval("6h")).to.equal(21_600_000);
    expect(backupInterval("2")).to.equal(120_000);
    expect(backupInterval("soon")).to.equal(undefined);
    expect(backupInterval("0m")).to.equal(undefined);
    expect(pruneBackups(dir, 1)).to.deep.equal([]);
  });
});
