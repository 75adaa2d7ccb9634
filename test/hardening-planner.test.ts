// Issue 16, items 1 and 10: the planner and .xlsx reading off the event loop (worker threads), with
// a time limit, a bounded pool that answers 503 + Retry-After, the scenario's size limits, and
// zip-bomb checks before a workbook is parsed (docs/reliability.md "Security").
import { expect } from "chai";
import { deflateRawSync, crc32 } from "node:zlib";
import ExcelJS from "exceljs";
import { pino } from "pino";
import { createApp, type Tenfold } from "../server/app.ts";
import { openStore, type Store } from "../server/store/index.ts";
import { bootstrap } from "../server/bootstrap.ts";
import { FakeClock } from "../shared/clock.ts";
import type { Config } from "../server/config.ts";
import { validateScenario } from "../shared/scenario/validate.ts";
import { districtScenario } from "../bench/planner.ts";
import { call, exampleScenario, LEAD_CODE, login, MORNING } from "./support/server.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface App {
  tenfold: Tenfold;
  store: Store;
  base: string;
  lead: string;
  close(): Promise<void>;
}

async function start(config: Partial<Config> = {}): Promise<App> {
  const store = openStore(":memory:");
  const clock = new FakeClock(Date.parse(MORNING));
  bootstrap(store, { leadCode: LEAD_CODE, seed: true }, clock.now());
  const tenfold = createApp({ store, clock, logger: pino({ level: "silent" }), config: { logLevel: "silent", ...config } });
  const port = await tenfold.listen(0, "127.0.0.1");
  const base = `http://127.0.0.1:${port}`;
  return { tenfold, store, base, lead: await login(base, LEAD_CODE), close: () => tenfold.close() };
}

const planCount = (store: Store) => (store.db.prepare("SELECT count(*) AS n FROM plans").get() as { n: number }).n;

/** A stored zip of the given entries (deflated), enough of an .xlsx for the zip checks. */
function zip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(e.data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(e.data), 16);
    central.writeUInt32LE(packed.length, 20);
    // The declared size lies (as a bomb's may): the check must not trust it.
    central.writeUInt32LE(Math.min(e.data.length, 1000), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe("hardening: planner and .xlsx in worker threads", function () {
  this.timeout(120_000);
  let t: App | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it("keeps the event loop answering while a district is planned, and stores the plan", async () => {
    t = await start();
    const scenario = districtScenario(20220714, 40, 400);
    expect((await call(t.base, "POST", "/api/v1/sites", { token: t.lead, body: scenario })).status).to.equal(201);
    let last = performance.now();
    let worstGap = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      worstGap = Math.max(worstGap, now - last);
      last = now;
    }, 10);
    const t0 = performance.now();
    const made = await call(t.base, "POST", `/api/v1/sites/${scenario.site.id}/plans`, { token: t.lead });
    const took = performance.now() - t0;
    clearInterval(timer);
    expect(made.status, JSON.stringify(made.body).slice(0, 300)).to.equal(201);
    expect(made.body.site).to.equal(scenario.site.id);
    expect(made.body.publishedAt).to.equal(null);
    expect(made.body.assignments.length).to.be.greaterThan(100);
    expect(t.store.plans.get(scenario.site.id, made.body.id)?.plan.assignments.length).to.equal(made.body.assignments.length);
    // Planning took seconds; on the event loop it would have stalled the timer that long.
    expect(took).to.be.greaterThan(1000);
    expect(worstGap, `worst timer gap ${Math.round(worstGap)} ms over a ${Math.round(took)} ms plan`).to.be.lessThan(400);
    // And the plan publishes as any other.
    expect((await call(t.base, "POST", `/api/v1/sites/${scenario.site.id}/plans/${made.body.id}/publish`, { token: t.lead })).status).to.equal(200);
  });

  it("stops a planner run past the time limit with a 503 and stores nothing", async () => {
    t = await start({ workerTimeoutSeconds: 0.3 });
    const scenario = districtScenario(20220714, 40, 400);
    await call(t.base, "POST", "/api/v1/sites", { token: t.lead, body: scenario });
    const before = planCount(t.store);
    const made = await call(t.base, "POST", `/api/v1/sites/${scenario.site.id}/plans`, { token: t.lead });
    expect(made.status).to.equal(503);
    expect(made.body.error.code).to.equal("WORKER_TIMEOUT");
    expect(planCount(t.store)).to.equal(before);
  });

  it("answers 503 with Retry-After when the pool and its queue are full", async () => {
    t = await start({ workerThreads: 1, workerQueue: 0 });
    const path = "/api/v1/sites/yiyuan/plans";
    const [a, b] = await Promise.all([call(t.base, "POST", path, { token: t.lead }), call(t.base, "POST", path, { token: t.lead })]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).to.deep.equal([201, 503]);
    const busy = a.status === 503 ? a : b;
    expect(busy.body.error.code).to.equal("WORKERS_BUSY");
    expect(Number(busy.headers.get("retry-after"))).to.be.greaterThan(0);
    // Once the first is done, the next one is taken.
    expect((await call(t.base, "POST", path, { token: t.lead })).status).to.equal(201);
  });

  it("states the size limits in the schema: 300 points, 5,000 buildings, 10,000 staff, 7 days of weather", () => {
    const base = exampleScenario();
    const at = (over: Partial<typeof base>) => validateScenario({ ...base, ...over });
    const point = base.points[0];
    const points = (n: number) => Array.from({ length: n }, (_, i) => ({ ...point, id: `p${i}` }));
    expect(at({ points: points(300), buildings: [] }).ok).to.equal(true);
    const many = at({ points: points(301), buildings: [] });
    expect(many.ok).to.equal(false);
    if (!many.ok) expect(many.problems.map((p) => p.path)).to.include("$.points");
    const staff = (n: number) => [...base.staff, ...Array.from({ length: n - base.staff.length }, (_, i) => ({ ...base.staff[0], id: `extra${i}` }))];
    expect(at({ staff: staff(10_000) }).ok).to.equal(true);
    expect(at({ staff: staff(10_001) }).ok).to.equal(false);
    const buildings = (n: number) => Array.from({ length: n }, (_, i) => ({ ...base.buildings[0], id: `b${i}` }));
    expect(at({ buildings: buildings(5000) }).ok).to.equal(true);
    expect(at({ buildings: buildings(5001) }).ok).to.equal(false);
    const hour = base.weather[0];
    const weather = (n: number) => Array.from({ length: n }, (_, i) => ({ ...hour, at: new Date(Date.parse(hour.at) + i * 3600_000).toISOString() }));
    expect(at({ weather: weather(24 * 7) }).ok).to.equal(true);
    expect(at({ weather: weather(24 * 7 + 1) }).ok).to.equal(false);
  });

  it("refuses a workbook that inflates past the limit (a zip bomb) before parsing it", async () => {
    t = await start();
    const sheet = Buffer.concat([Buffer.from('<?xml version="1.0"?><worksheet><sheetData>'), Buffer.alloc(60_000_000, 0x20), Buffer.from("</sheetData></worksheet>")]);
    const bomb = zip([{ name: "[Content_Types].xml", data: Buffer.from("<Types/>") }, { name: "xl/worksheets/sheet1.xml", data: sheet }]);
    expect(bomb.length).to.be.lessThan(200_000);
    const res = await fetch(`${t.base}/api/v1/roster/parse`, { method: "POST", headers: { authorization: `Bearer ${t.lead}`, "content-type": XLSX }, body: new Uint8Array(bomb) });
    expect(res.status).to.equal(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).to.equal("XLSX_TOO_LARGE");
  });

  it("refuses a workbook with more rows than a roster can have", async () => {
    t = await start();
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("roster");
    ws.addRow(["id", "name", "roles"]);
    for (let i = 0; i < 10_200; i++) ws.addRow([`s${i}`, `n${i}`, "sampler"]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const res = await fetch(`${t.base}/api/v1/roster/parse`, { method: "POST", headers: { authorization: `Bearer ${t.lead}`, "content-type": XLSX }, body: new Uint8Array(bytes) });
    expect(res.status).to.equal(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).to.equal("XLSX_TOO_MANY_ROWS");
  });
});
