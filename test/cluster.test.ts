// Two nodes sharing one store and Redis (docs/api.md C11): a write on one node reaches sockets on
// the other, once each.
import { expect } from "chai";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { createApp, type Tenfold } from "../server/app.ts";
import { openStore } from "../server/store/index.ts";
import { bootstrap } from "../server/bootstrap.ts";
import { FakeClock } from "../shared/clock.ts";
import { call, collect, LEAD_CODE, login, next, sleep, socket, tubeEvents, type TestSocket } from "./support/server.ts";

const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;

function ready(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const attempt = () => {
      const c = createConnection(port, "127.0.0.1");
      c.once("connect", () => (c.end(), resolve()));
      c.once("error", () => (Date.now() - started > 5000 ? reject(new Error("redis did not start")) : setTimeout(attempt, 100)));
    };
    attempt();
  });
}

describe("several nodes over Redis", function () {
  let redis: ChildProcess;
  let dir: string;
  const nodes: Tenfold[] = [];
  const bases: string[] = [];
  const sockets: TestSocket[] = [];
  let staffCode = "";
  let clock: FakeClock;

  before(async function () {
    // Not a skip: a missing redis-server must fail the run (npm test and .ci/run install it).
    if (!hasRedis) throw new Error("redis-server is not installed: run scripts/ensure-test-deps.sh");
    const port = 20000 + Math.floor(Math.random() * 20000);
    redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    await ready(port);
    dir = mkdtempSync(join(tmpdir(), "tenfold-cluster-"));
    clock = new FakeClock(Date.parse("2021-08-03T08:00:00+08:00"));
    for (let i = 0; i < 2; i++) {
      const store = openStore(join(dir, "shared.db"));
      const first = bootstrap(store, { leadCode: LEAD_CODE, seed: true }, clock.now());
      if (first.seeded) staffCode = first.seeded.codes.staff["zhou-ting"];
      const node = createApp({ store, clock, logger: pino({ level: "silent" }), config: { redisUrl: `redis://127.0.0.1:${port}` } });
      bases.push(`http://127.0.0.1:${await node.listen(0, "127.0.0.1")}`);
      nodes.push(node);
    }
  });

  after(async () => {
    for (const s of sockets) s.close();
    for (const node of nodes) await node.close();
    redis?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("pushes a line changed on one node to residents on the other, and alerts the lead there once", async () => {
    const resident = await socket(bases[0]);
    const lead = await socket(bases[0], await login(bases[0], LEAD_CODE));
    sockets.push(resident, lead);
    await resident.emitWithAck("queue:subscribe", { site: "yiyuan", points: ["north-gate"] });
    await next(resident, "queue");
    const pushes = collect(resident, "queue");
    const alerts = collect(lead, "alert");
    await sleep(300);
    const token = await login(bases[1], staffCode);
    await call(bases[1], "POST", "/api/v1/sites/yiyuan/points/north-gate/queue", { token, body: { headcount: 77 } });
    clock.advance(60_000);
    await call(bases[1], "POST", "/api/v1/sites/yiyuan/desk-events", { token, body: { events: [...tubeEvents("a", "T1", ["R1"], "2021-08-03T08:00:00+08:00", "north-gate", 1, false), ...tubeEvents("b", "T2", ["R1"], "2021-08-03T08:01:00+08:00", "north-gate", 2, false)] } });
    await sleep(2500);
    expect(pushes.at(-1)!.length).to.equal(75);
    expect(alerts.filter((a) => a.kind === "resident-two-tubes")).to.have.length(1);
    const seqs = pushes.map((p) => p.seq);
    expect(seqs).to.deep.equal([...new Set(seqs)].sort((a, b) => a - b));
  });
});
