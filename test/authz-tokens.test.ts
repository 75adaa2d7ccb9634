// Tokens under attack (docs/api.md C10): expired, tampered, forged, other-site and other-role tokens
// are refused on every guarded route and at the Socket.IO handshake, and nothing a resident or any
// passer-by can read — public answers, queue pushes, error messages — carries a resident's id or a
// staff member's name. test/auth.test.ts covers one tampered and one expired token on one route;
// test/authz-matrix.test.ts the role × site matrix with valid tokens.
import { expect } from "chai";
import { randomBytes } from "node:crypto";
import { call, collect, LEAD_CODE, login, next, sleep, socket, startBoothSite, startServer, storeFingerprint, tubeEvents, type TestServer, type TestSocket } from "./support/server.ts";
import { signToken, tokenSecret } from "../server/auth/tokens.ts";
import { BOOTH_SITE } from "./support/plan.ts";

const SITE = "yiyuan";
const S = `/api/v1/sites/${SITE}`;

/** The guarded routes, each with a body its role could send. */
const GUARDED: [string, string, unknown?][] = [
  ["POST", "/api/v1/sites", {}],
  ["POST", `${S}/plans/plan-none/publish`],
  ["GET", `${S}/plans/current`],
  ["PUT", `${S}/settings`, { swapAfterTubes: 3 }],
  ["POST", `${S}/desk-events`, { events: tubeEvents("az", "AZ-T1", ["AZ-R1"], "2021-08-03T08:00:00+08:00") }],
  ["POST", `${S}/points/north-gate/queue`, { headcount: 3 }],
  ["POST", `${S}/boxes`, { id: "AZ-B1", tubes: ["AZ-T0"] }],
  ["POST", `${S}/boxes/AZ-B0/dispatch`],
  ["POST", `${S}/boxes/AZ-B0/receive`],
  ["POST", `${S}/results`, { tube: "AZ-T0", result: "negative" }],
  ["GET", `${S}/retests`],
  ["GET", `${S}/tubes/AZ-T0`],
  ["POST", `${S}/swaps`, { assignment: "a", to: "wang-ke" }],
  ["GET", `${S}/swaps`],
  ["POST", `${S}/swaps/swap-none/accept`],
  ["POST", `${S}/swaps/swap-none/approve`],
  ["POST", `${S}/swaps/swap-none/reject`],
  ["POST", `${S}/staff/bai-xue/unwell`, {}],
  ["POST", `${S}/staff/bai-xue/relief`],
  ["GET", `${S}/scenario.json`],
  ["GET", `${S}/plans/current.xlsx`],
  ["GET", `${S}/staff/bai-xue/calendar.ics`],
  ["POST", "/api/v1/roster/parse"],
];

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split(".")[0], "base64url").toString("utf8"));

/** Ways to forge a token from a real one. */
function forgeries(real: string): Record<string, string> {
  const [body, sig] = real.split(".");
  const claims = claimsOf(real);
  const all: Record<string, string> = {
    "flipped signature": `${body}.${sig.slice(0, -3)}${sig.at(-3) === "A" ? "B" : "A"}${sig.slice(-2)}`,
    "role raised to lead, old signature": `${b64({ ...claims, role: "lead", site: null })}.${sig}`,
    "expiry pushed back, old signature": `${b64({ ...claims, exp: claims.exp + 365 * 86_400_000 })}.${sig}`,
    "other site, old signature": `${b64({ ...claims, site: BOOTH_SITE })}.${sig}`,
    "no signature": `${body}.`,
    "signature only": `.${sig}`,
    "signed by another server": signToken({ role: "lead", site: null, staff: null }, randomBytes(32), claims.iat, 3600),
    "alg none JWT": `${b64({ alg: "none", typ: "JWT" })}.${b64({ role: "lead" })}.`,
    "two tokens": `${real}.${real}`,
    "padded base64": `${body}==.${sig}`,
    "very long": real + "A".repeat(5000),
  };
  // Raising a lead to lead re-encodes the same claims: that is the real token, not a forgery.
  return Object.fromEntries(Object.entries(all).filter(([, forged]) => forged !== real));
}

describe("tokens under attack", function () {
  this.timeout(60_000);
  let t: TestServer;
  const tokens: Record<string, string> = {};
  const sockets: TestSocket[] = [];
  const open = async (token?: string) => {
    const s = await socket(t.base, token);
    sockets.push(s);
    return s;
  };

  beforeEach(async () => {
    t = await startServer({ at: "2021-08-03T08:00:00+08:00" });
    tokens.lead = await login(t.base, LEAD_CODE);
    const other = await startBoothSite(t, tokens.lead);
    tokens.staff = await login(t.base, t.codes.staff["bai-xue"]);
    tokens.lab = await login(t.base, t.codes.lab);
    tokens.otherStaff = await login(t.base, other.codes.staff["bai-xue"]);
    tokens.otherLab = await login(t.base, other.codes.lab);
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.close();
    await t.close();
  });

  it("refuses every forged token on every guarded route with 401, changing nothing", async () => {
    const before = storeFingerprint(t.store);
    let tried = 0;
    let expectedTries = 0;
    for (const real of [tokens.staff, tokens.lab, tokens.lead])
      for (const [how, forged] of Object.entries(forgeries(real)))
        for (const [method, path, body] of GUARDED) {
          expectedTries++;
          const r = await call(t.base, method, path, { token: forged, body });
          tried++;
          expect(r.status, `${how}: ${method} ${path}`).to.equal(401);
          expect(r.body.error.code).to.be.oneOf(["BAD_TOKEN", "UNAUTHENTICATED"]);
        }
    // The calendar's ?token= is checked the same way.
    for (const forged of Object.values(forgeries(tokens.staff)))
      expect((await call(t.base, "GET", `${S}/staff/bai-xue/calendar.ics?token=${encodeURIComponent(forged)}`)).status).to.equal(401);
    expect(storeFingerprint(t.store)).to.equal(before);
    expect(tried).to.equal(expectedTries).and.to.be.greaterThan(600);
    if (process.env.TENFOLD_FIGURES) console.log(`      forged tokens refused: ${tried} HTTP calls`);
  });

  it("refuses every token once it has expired, on HTTP and at the handshake", async () => {
    const ttl = t.tenfold.context.config.tokenTtlSeconds * 1000;
    t.clock.advance(ttl - 1000);
    expect((await call(t.base, "GET", `${S}/retests`, { token: tokens.lead })).status).to.equal(200);
    (await open(tokens.staff)).close();
    t.clock.advance(1000);
    const before = storeFingerprint(t.store);
    for (const token of Object.values(tokens))
      for (const [method, path, body] of GUARDED) {
        const r = await call(t.base, method, path, { token, body });
        expect(r.status, `${method} ${path}`).to.equal(401);
        expect(r.body.error.code).to.equal("BAD_TOKEN");
      }
    for (const token of Object.values(tokens)) {
      const err = await open(token).then(() => undefined, (e: Error & { data?: { code?: string } }) => e);
      expect(err?.data?.code).to.equal("BAD_TOKEN");
    }
    expect((await call(t.base, "GET", `${S}/staff/bai-xue/calendar.ics?token=${tokens.staff}`)).status).to.equal(401);
    expect(storeFingerprint(t.store)).to.equal(before);
  });

  it("refuses every forged token at the Socket.IO handshake", async () => {
    for (const real of [tokens.staff, tokens.lead])
      for (const [how, forged] of Object.entries(forgeries(real))) {
        const err = await open(forged).then(() => undefined, (e: Error & { data?: { code?: string } }) => e);
        expect(err, how).to.be.instanceOf(Error);
        expect(err!.data?.code, how).to.equal("BAD_TOKEN");
      }
    for (const auth of [{ token: 5 }, { token: { role: "lead" } }, { token: ["a"] }, { token: true }]) {
      const s = (await import("socket.io-client")).io(t.base, { transports: ["websocket"], reconnection: false, forceNew: true, auth });
      const outcome = await new Promise<string>((resolve) => {
        s.once("connect", () => resolve("connected"));
        s.once("connect_error", () => resolve("refused"));
      });
      s.close();
      expect(outcome, JSON.stringify(auth)).to.equal("refused");
    }
  });

  it("keeps other sites' and other roles' sockets out of rotations, calls and alerts", async () => {
    const mine = await open(tokens.staff);
    const otherStaff = await open(tokens.otherStaff);
    const lab = await open(tokens.lab);
    const otherLab = await open(tokens.otherLab);
    const resident = await open();
    const heard = new Map<TestSocket, string[]>();
    for (const s of [mine, otherStaff, lab, otherLab, resident]) {
      const names: string[] = [];
      s.onAny((name: string, payload: { site?: string }) => names.push(`${name}:${payload?.site ?? ""}`));
      heard.set(s, names);
    }
    // A lead alert at yiyuan (a resident in two tubes) and a rotation change at the booth site.
    await call(t.base, "POST", `${S}/desk-events`, { token: tokens.staff, body: { events: tubeEvents("a", "TT1", ["R1"], "2021-08-03T08:00:00+08:00", "north-gate", 1, false) } });
    await call(t.base, "POST", `${S}/desk-events`, { token: tokens.staff, body: { events: tubeEvents("b", "TT2", ["R1"], "2021-08-03T08:01:00+08:00", "north-gate", 2, false) } });
    await call(t.base, "POST", `/api/v1/sites/${BOOTH_SITE}/staff/bai-xue/unwell`, { token: tokens.lead, body: {} });
    await sleep(500);
    for (const s of [mine, otherStaff, lab, otherLab, resident]) expect(heard.get(s)!.filter((n) => n.startsWith("alert"))).to.deep.equal([]);
    expect(heard.get(mine)!.filter((n) => n.startsWith("rotation") && !n.endsWith(SITE))).to.deep.equal([]);
    expect(heard.get(otherStaff)!.filter((n) => n.startsWith("rotation") && !n.endsWith(BOOTH_SITE))).to.deep.equal([]);
    for (const s of [lab, otherLab, resident]) expect(heard.get(s)!.filter((n) => /^(rotation|call)/.test(n))).to.deep.equal([]);
  });

  it("shows no resident id and no staff name in anything public, nor in what staff see", async () => {
    const residents = Array.from({ length: 10 }, (_, i) => `RESIDENT-SECRET-${i}`);
    const resident = await open();
    const publicEvents = collect(resident, "queue");
    await resident.emitWithAck("queue:subscribe", { site: SITE });
    await next(resident, "queue");
    const staffSocket = await open(tokens.staff);
    const staffEvents: unknown[] = [];
    staffSocket.onAny((_name: string, payload: unknown) => staffEvents.push(payload));
    const staffAnswers: unknown[] = [];
    const asStaff = async (method: string, path: string, body?: unknown) => staffAnswers.push((await call(t.base, method, path, { token: tokens.staff, body })).body);
    await asStaff("POST", `${S}/desk-events`, { events: tubeEvents("p", "PT1", residents, "2021-08-03T08:00:00+08:00") });
    await asStaff("POST", `${S}/desk-events`, { events: tubeEvents("q", "PT2", residents.slice(0, 2), "2021-08-03T08:05:00+08:00", "north-gate", 2, false) });
    await asStaff("POST", `${S}/desk-events`, { events: [{ id: "bad", type: "swab", at: "2021-08-03T08:06:00+08:00", point: "north-gate", desk: 2, tube: "PT2", resident: residents[0] }] });
    await asStaff("POST", `${S}/boxes`, { id: "PB1", tubes: ["PT1"] });
    await asStaff("POST", `${S}/boxes/PB1/dispatch`);
    await asStaff("GET", `${S}/swaps`);
    await call(t.base, "POST", `${S}/points/north-gate/queue`, { token: tokens.staff, body: { headcount: 12 } });
    await call(t.base, "POST", `${S}/boxes/PB1/receive`, { token: tokens.lab });
    await call(t.base, "POST", `${S}/results`, { token: tokens.lab, body: { tube: "PT1", result: "positive" } });
    await sleep(1200);
    const publicAnswers = await Promise.all(
      ["/healthz", "/api/v1/directory", `/api/v1/queue?site=${SITE}`, `/api/v1/queue?site=${BOOTH_SITE}`, "/api/v1/schema/scenario.json", "/api/v1/queue?site=RESIDENT", "/", "/staff", "/lead"].map(async (p) => (await call(t.base, "GET", p)).body),
    );
    const staffNames = t.scenario.staff.map((p) => p.name);
    const seen = (x: unknown) => JSON.stringify(x);
    for (const text of [...publicAnswers, ...publicEvents].map(seen)) {
      for (const r of residents) expect(text).not.to.include(r);
      for (const name of staffNames) expect(text, name).not.to.include(name);
    }
    // Staff see the tubes they handle, never who is in them (C10: only the lead and the lab).
    for (const text of [...staffAnswers, ...staffEvents].map(seen)) for (const r of residents) expect(text).not.to.include(r);
    // The lab does see them: the check above is not vacuous.
    const lab = await call(t.base, "GET", `${S}/tubes/PT1`, { token: tokens.lab });
    expect(seen(lab.body)).to.include(residents[0]);
    expect(publicEvents.length).to.be.greaterThan(0);
  });
});
