// Issue 16, items 3, 4, 12 and 13: codes and tokens that can be revoked (a changed TENFOLD_LEAD_CODE,
// `tenfold codes rotate`, the lead API), a removed person's token gone for good, lead codes of a
// usable length, and calendars behind their own read-only, revocable link (docs/reliability.md
// "Security").
import { expect } from "chai";
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { createApp, type Tenfold } from "../server/app.ts";
import { openStore, type Store } from "../server/store/index.ts";
import { bootstrap } from "../server/bootstrap.ts";
import { configFromEnv, ConfigError } from "../server/config.ts";
import { FakeClock } from "../shared/clock.ts";
import { call, LEAD_CODE, login, MORNING, publishExamplePlan, socket, startServer, type TestServer } from "./support/server.ts";

const BIN = fileURLToPath(new URL("../bin/tenfold.mjs", import.meta.url));
const S = "/api/v1/sites/yiyuan";

/** A lead route's answer to a token: 404 (no such site) once signed in, 401 when the token is refused. */
const asLead = async (base: string, token: string) => (await call(base, "GET", "/api/v1/sites/no-such-site/alerts", { token })).status;
const ACCEPTED = 404;

/** A server over a store file, started as `tenfold serve` would after `bootstrap` with this lead code. */
async function serveFile(db: string, leadCode: string, seed = false): Promise<{ base: string; store: Store; seeded?: Record<string, string>; lab?: string; close(): Promise<void> }> {
  const store = openStore(db);
  const clock = new FakeClock(Date.parse(MORNING));
  const first = bootstrap(store, { leadCode, seed }, clock.now());
  const tenfold: Tenfold = createApp({ store, clock, logger: pino({ level: "silent" }), config: { logLevel: "silent" } });
  const port = await tenfold.listen(0, "127.0.0.1");
  return { base: `http://127.0.0.1:${port}`, store, seeded: first.seeded?.codes.staff, lab: first.seeded?.codes.lab, close: () => tenfold.close() };
}

describe("hardening: revocable codes and tokens", function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "tenfold-cred-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("a changed TENFOLD_LEAD_CODE replaces the stored code at start and ends its tokens", async () => {
    const db = join(dir, "t.db");
    let s = await serveFile(db, "FIRST-LEAD-CODE-1");
    const oldToken = await login(s.base, "FIRST-LEAD-CODE-1");
    expect(await asLead(s.base, oldToken)).to.equal(ACCEPTED);
    await s.close();

    s = await serveFile(db, "SECOND-LEAD-CODE-2");
    expect((await call(s.base, "POST", "/api/v1/login", { body: { code: "FIRST-LEAD-CODE-1" } })).status).to.equal(401);
    const old = await call(s.base, "GET", "/api/v1/sites/no-such-site/alerts", { token: oldToken });
    expect(old.status).to.equal(401);
    expect(old.body.error.code).to.equal("BAD_TOKEN");
    const newToken = await login(s.base, "SECOND-LEAD-CODE-2");
    await s.close();

    // The same setting again changes nothing: the token from it still works.
    s = await serveFile(db, "SECOND-LEAD-CODE-2");
    expect(await asLead(s.base, newToken)).to.equal(ACCEPTED);
    await s.close();
  });

  it("the lead API rotates the lead code; the rotated code persists across starts until the setting changes", async () => {
    const db = join(dir, "t.db");
    let s = await serveFile(db, "SETTING-LEAD-CODE");
    const token = await login(s.base, "SETTING-LEAD-CODE");
    const rotated = await call(s.base, "POST", "/api/v1/codes/lead/rotate", { token });
    expect(rotated.status).to.equal(200);
    const code = rotated.body.code as string;
    expect(code).to.match(/^[2-9A-Z]{12}$/);
    expect(await asLead(s.base, token)).to.equal(401);
    expect((await call(s.base, "POST", "/api/v1/login", { body: { code: "SETTING-LEAD-CODE" } })).status).to.equal(401);
    await s.close();

    s = await serveFile(db, "SETTING-LEAD-CODE");
    expect((await call(s.base, "POST", "/api/v1/login", { body: { code: "SETTING-LEAD-CODE" } })).status).to.equal(401);
    expect((await call(s.base, "POST", "/api/v1/login", { body: { code } })).status).to.equal(200);
    await s.close();

    s = await serveFile(db, "CHANGED-LEAD-CODE");
    expect((await call(s.base, "POST", "/api/v1/login", { body: { code } })).status).to.equal(401);
    expect((await call(s.base, "POST", "/api/v1/login", { body: { code: "CHANGED-LEAD-CODE" } })).status).to.equal(200);
    await s.close();
  });

  it("the lead API rotates a lab or staff code: the old code, its tokens and its sockets end", async () => {
    const t = await startServer();
    try {
      const lead = await login(t.base, LEAD_CODE);
      const labToken = await login(t.base, t.codes.lab);
      const [who] = Object.keys(t.codes.staff);
      const staffToken = await login(t.base, t.codes.staff[who]);
      const lab = await call(t.base, "POST", `${S}/codes/lab/rotate`, { token: lead });
      expect(lab.status).to.equal(200);
      expect((await call(t.base, "GET", `${S}/tubes`, { token: labToken })).status).to.equal(401);
      expect((await call(t.base, "POST", "/api/v1/login", { body: { code: t.codes.lab } })).status).to.equal(401);
      expect((await login(t.base, lab.body.code)).length).to.be.greaterThan(10);

      expect((await call(t.base, "POST", `${S}/codes/${who}/rotate`, { token: staffToken })).status).to.equal(403);
      const staff = await call(t.base, "POST", `${S}/codes/${who}/rotate`, { token: lead });
      expect(staff.body).to.include({ role: "staff", site: "yiyuan", staff: who });
      expect((await call(t.base, "GET", `${S}/plans/current`, { token: staffToken })).status).to.equal(401);
      const refused = await socket(t.base, staffToken).then(() => undefined, (e: Error & { data?: { code?: string } }) => e);
      expect(refused?.data?.code).to.equal("BAD_TOKEN");
      expect((await call(t.base, "POST", `${S}/codes/nobody/rotate`, { token: lead })).status).to.equal(404);
    } finally {
      await t.close();
    }
  });

  it("`tenfold codes rotate` rotates the lead's, a lab's and a person's code in the store file", async () => {
    const db = join(dir, "t.db");
    const s = await serveFile(db, "CLI-LEAD-CODE-01", true);
    const leadToken = await login(s.base, "CLI-LEAD-CODE-01");
    // Asynchronous: the server under test shares this process's event loop.
    const run = (...args: string[]) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = execFile(process.execPath, [BIN, "codes", "rotate", ...args], { encoding: "utf8", timeout: 60_000, env: { ...process.env, TENFOLD_DB: db } }, (_err, stdout, stderr) =>
          resolve({ status: child.exitCode, stdout, stderr }),
        );
      });
    const lead = await run("lead");
    expect(lead.status, lead.stderr).to.equal(0);
    const code = /new code for lead: (\S+)/.exec(lead.stdout)?.[1];
    expect(code).to.match(/^[2-9A-Z]{12}$/);
    // The running server sees it at once: same file.
    expect(await asLead(s.base, leadToken)).to.equal(401);
    expect((await login(s.base, code!)).length).to.be.greaterThan(10);
    const lab = await run("yiyuan", "lab");
    expect(lab.status, lab.stderr).to.equal(0);
    expect((await call(s.base, "POST", "/api/v1/login", { body: { code: s.lab } })).status).to.equal(401);
    const [who] = Object.keys(s.seeded!);
    const person = await run("yiyuan", who);
    expect(person.status, person.stderr).to.equal(0);
    expect((await call(s.base, "POST", "/api/v1/login", { body: { code: s.seeded![who] } })).status).to.equal(401);
    expect((await run("yiyuan", "nobody")).status).to.equal(2);
    expect((await run()).status).to.equal(2);
    await s.close();
  });

  it("a removed person's token never comes back when the same id is added again", async () => {
    const t = await startServer();
    try {
      const lead = await login(t.base, LEAD_CODE);
      const gone = t.scenario.staff[0];
      const token = await login(t.base, t.codes.staff[gone.id]);
      await publishExamplePlan(t, lead);
      expect((await call(t.base, "GET", `${S}/plans/current`, { token })).status).to.equal(200);
      const without = { ...t.scenario, staff: t.scenario.staff.filter((p) => p.id !== gone.id) };
      expect((await call(t.base, "PUT", `${S}/scenario`, { token: lead, body: without })).status).to.equal(200);
      const back = await call(t.base, "PUT", `${S}/scenario`, { token: lead, body: t.scenario });
      expect(back.status).to.equal(200);
      const again = await call(t.base, "GET", `${S}/plans/current`, { token });
      expect(again.status).to.equal(401);
      expect(again.body.error.code).to.equal("BAD_TOKEN");
      // Their new code signs in as usual.
      const fresh = await login(t.base, back.body.codes.staff[gone.id]);
      expect((await call(t.base, "GET", `${S}/plans/current`, { token: fresh })).status).to.equal(200);
    } finally {
      await t.close();
    }
  });

  it("refuses lead codes under 12 or over 64 characters at start-up, with a clear message", () => {
    for (const code of ["1", "short-code1", "x".repeat(65), "x".repeat(70)]) {
      expect(() => configFromEnv({ TENFOLD_LEAD_CODE: code })).to.throw(ConfigError, /TENFOLD_LEAD_CODE is \d+ characters; use 12 to 64/);
    }
    expect(configFromEnv({ TENFOLD_LEAD_CODE: "x".repeat(12) }).leadCode).to.equal("x".repeat(12));
    expect(configFromEnv({ TENFOLD_LEAD_CODE: "x".repeat(64) }).leadCode).to.equal("x".repeat(64));
    const run = spawnSync(process.execPath, [BIN, "serve"], { encoding: "utf8", timeout: 60_000, env: { ...process.env, TENFOLD_DB: join(dir, "t.db"), TENFOLD_LEAD_CODE: "1", PORT: "0" } });
    expect(run.status).to.equal(2);
    expect(run.stderr).to.contain("TENFOLD_LEAD_CODE is 1 characters; use 12 to 64");
  });

  describe("calendar links", () => {
    let t: TestServer;
    let lead: string;
    let me: string;
    let mine: string;
    before(async () => {
      t = await startServer();
      lead = await login(t.base, LEAD_CODE);
      await publishExamplePlan(t, lead);
      me = t.scenario.staff[0].id;
      mine = await login(t.base, t.codes.staff[me]);
    });
    after(() => t.close());

    it("take their own read-only link token, never the sign-in token, and can be revoked", async () => {
      const ics = `${S}/staff/${me}/calendar.ics`;
      expect((await call(t.base, "GET", `${ics}?token=${encodeURIComponent(mine)}`)).status).to.equal(401);
      const link = await call(t.base, "GET", `${S}/staff/${me}/calendar-link`, { token: mine });
      expect(link.status).to.equal(200);
      expect(link.body.url).to.equal(`${ics}?token=${link.body.token}`);
      const got = await call(t.base, "GET", link.body.url);
      expect(got.status).to.equal(200);
      expect(String(got.body)).to.match(/^BEGIN:VCALENDAR/);
      // Read-only and one person's: good for nothing else.
      expect((await call(t.base, "GET", `${S}/plans/current`, { token: link.body.token })).status).to.equal(401);
      const other = t.scenario.staff[1].id;
      expect((await call(t.base, "GET", `${S}/staff/${other}/calendar.ics?token=${link.body.token}`)).status).to.equal(403);
      expect((await call(t.base, "GET", `${S}/staff/${other}/calendar-link`, { token: mine })).status).to.equal(403);
      // Revoked: the old link is refused, a new one works.
      expect((await call(t.base, "DELETE", `${S}/staff/${me}/calendar-link`, { token: mine })).status).to.equal(204);
      expect((await call(t.base, "GET", link.body.url)).status).to.equal(401);
      const next = await call(t.base, "GET", `${S}/staff/${me}/calendar-link`, { token: lead });
      expect((await call(t.base, "GET", next.body.url)).status).to.equal(200);
      // Rotating the person's code ends their links too.
      await call(t.base, "POST", `${S}/codes/${me}/rotate`, { token: lead });
      expect((await call(t.base, "GET", next.body.url)).status).to.equal(401);
    });

    it("pages allow WebSocket connections to their own origin only (CSP connect-src 'self')", async () => {
      const res = await fetch(`${t.base}/lead`);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(/connect-src ([^;]*)/.exec(csp)?.[1].trim()).to.equal("'self'");
    });
  });
});
