// Issue 16, items 5 and 7: sign-in limits fit for many people with few mistakes (a long window, a
// high ceiling, slowing down first), X-Forwarded-For believed only when TENFOLD_TRUST_PROXY says so,
// and bodies read only after the token is checked, each route with its own limit.
import { expect } from "chai";
import { request } from "node:http";
import { call, LEAD_CODE, login, startServer, type TestServer } from "./support/server.ts";
import { configFromEnv } from "../server/config.ts";
import { DEFAULT_LOGIN_LIMITS } from "../server/api/auth.ts";

const wrong = (t: TestServer, i: number, headers: Record<string, string> = {}) => call(t.base, "POST", "/api/v1/login", { body: { code: `WRONG-CODE-${i}` }, headers });

describe("hardening: sign-in limits", function () {
  this.timeout(60_000);
  let t: TestServer | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it("lets an address with 25 mistakes in a minute still sign in (a carrier NAT's many phones)", async () => {
    // The default window and ceiling, without the waits (they are tested below).
    t = await startServer({ config: { loginLimits: { delayStepMs: 0 } } });
    expect(DEFAULT_LOGIN_LIMITS.refuseAfter).to.be.at.least(100);
    expect(DEFAULT_LOGIN_LIMITS.windowMs).to.be.at.least(15 * 60_000);
    for (let i = 0; i < 25; i++) expect((await wrong(t, i)).status).to.equal(401);
    expect((await call(t.base, "POST", "/api/v1/login", { body: { code: LEAD_CODE } })).status).to.equal(200);
  });

  it("slows an address down after its free failures, then refuses it with Retry-After", async () => {
    t = await startServer({ config: { loginLimits: { freeFailures: 3, delayStepMs: 1000, maxDelayMs: 2000, refuseAfter: 6 } } });
    const s = t;
    for (let i = 0; i < 3; i++) expect((await wrong(s, i)).status).to.equal(401);
    // Past the free failures, attempts must come further apart: one too soon waits, told how long.
    const soon = await call(s.base, "POST", "/api/v1/login", { body: { code: LEAD_CODE } });
    expect(soon.status).to.equal(429);
    expect(soon.headers.get("retry-after")).to.equal("1");
    s.clock.advance(1000);
    expect((await wrong(s, 3)).status).to.equal(401);
    expect((await wrong(s, 4)).status).to.equal(429);
    s.clock.advance(2000);
    expect((await wrong(s, 4)).status).to.equal(401);
    s.clock.advance(2000);
    expect((await wrong(s, 5)).status).to.equal(401);
    // Six failures: refused, even with the right code, until the window moves on.
    s.clock.advance(2000);
    const refused = await call(s.base, "POST", "/api/v1/login", { body: { code: LEAD_CODE } });
    expect(refused.status).to.equal(429);
    expect(refused.body.error.code).to.equal("TOO_MANY_REQUESTS");
    expect(Number(refused.headers.get("retry-after"))).to.be.greaterThan(60);
    s.clock.advance(15 * 60_000);
    expect((await call(s.base, "POST", "/api/v1/login", { body: { code: LEAD_CODE } })).status).to.equal(200);
  });

  it("ignores X-Forwarded-For by default: rotating it does not escape the limit", async () => {
    t = await startServer({ config: { loginLimits: { delayStepMs: 0, refuseAfter: 5 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await wrong(t, i, { "x-forwarded-for": `203.0.113.${i + 1}` })).status);
    expect(statuses.slice(5)).to.deep.equal([429, 429, 429]);
    expect(configFromEnv({}).trustProxy).to.equal(false);
  });

  it("believes X-Forwarded-For from the proxies TENFOLD_TRUST_PROXY names", async () => {
    expect(configFromEnv({ TENFOLD_TRUST_PROXY: "loopback" }).trustProxy).to.equal("loopback");
    expect(() => configFromEnv({ TENFOLD_TRUST_PROXY: "<script>" })).to.throw(/TENFOLD_TRUST_PROXY/);
    t = await startServer({ config: { trustProxy: "loopback", loginLimits: { delayStepMs: 0, refuseAfter: 5 } } });
    for (let i = 0; i < 8; i++) expect((await wrong(t, i, { "x-forwarded-for": `203.0.113.${i + 1}` })).status).to.equal(401);
    for (let i = 0; i < 5; i++) await wrong(t, i, { "x-forwarded-for": "198.51.100.7" });
    expect((await wrong(t, 9, { "x-forwarded-for": "198.51.100.7" })).status).to.equal(429);
  });
});

/** Sends headers and a body's first bytes, then waits: did the server answer before the rest came? */
function answerBeforeBody(base: string, path: string, headers: Record<string, string>, length: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(base + path);
    const req = request({ host: url.hostname, port: url.port, path, method: "POST", headers: { ...headers, "content-length": String(length) } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on("error", () => undefined);
    req.write("{\"x\":\"");
    setTimeout(() => reject(new Error("no answer before the body was sent")), 3000).unref();
  });
}

describe("hardening: bodies read after sign-in, each route with its limit", function () {
  this.timeout(60_000);
  let t: TestServer;
  let lead: string;
  before(async () => {
    t = await startServer();
    lead = await login(t.base, LEAD_CODE);
  });
  after(() => t.close());

  it("answers 401 to a body from nobody signed in before reading it", async () => {
    const status = await answerBeforeBody(t.base, "/api/v1/sites/yiyuan/desk-events", { "content-type": "application/json" }, 4 * 1024 * 1024);
    expect(status).to.equal(401);
  });

  it("gives each route its own body limit", async () => {
    const big = (bytes: number) => JSON.stringify({ pad: "x".repeat(bytes) });
    // Sign-in: at most 1 KB.
    const login2k = await call(t.base, "POST", "/api/v1/login", { body: big(2048) });
    expect(login2k.status).to.equal(413);
    // A swap or a setting: small.
    expect((await call(t.base, "PUT", "/api/v1/sites/yiyuan/settings", { token: lead, body: big(100_000) })).status).to.equal(413);
    // A desk batch: up to 1 MB is read (then judged by its schema).
    const staff = await login(t.base, Object.values(t.codes.staff)[0]);
    expect((await call(t.base, "POST", "/api/v1/sites/yiyuan/desk-events", { token: staff, body: big(500_000) })).status).to.equal(400);
    expect((await call(t.base, "POST", "/api/v1/sites/yiyuan/desk-events", { token: staff, body: big(2_000_000) })).status).to.equal(413);
    // A scenario: the setting (4 MB by default).
    expect((await call(t.base, "PUT", "/api/v1/sites/yiyuan/scenario", { token: lead, body: big(2_000_000) })).status).to.equal(400);
  });
});
