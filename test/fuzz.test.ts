// Hostile input (docs/api.md C10, C11): fast-check over every route the app has (read from its
// router, so a route added later is fuzzed too): bodies, path parameters, query strings and headers,
// plus oversize bodies, deep nesting, wrong content types and encodings, odd unicode and SQL-looking
// strings. No answer is a 5xx, every answer comes in bounded time, and a refused request leaves
// every table of the store byte for byte as it was. test/malformed.test.ts covers schema-shaped
// mistakes on known routes; this file throws everything else.
import { expect } from "chai";
import fc from "fast-check";
import { createHash } from "node:crypto";
import { request as httpRequest } from "node:http";
import { io as connect } from "socket.io-client";
import { pino } from "pino";
import { Writable } from "node:stream";
import { call, exampleScenario, LEAD_CODE, login, startBoothSite, tubeEvents, type TestServer } from "./support/server.ts";
import { createApp } from "../server/app.ts";
import { openStore } from "../server/store/index.ts";
import { bootstrap } from "../server/bootstrap.ts";
import { FakeClock } from "../shared/clock.ts";
import type { Store } from "../server/store/index.ts";

const SITE = "yiyuan";
/** No answer may take longer than this, whatever was sent. */
const BOUND_MS = 3000;

/** The example site in-process, as test/support/server.ts starts it, but with its log kept. */
async function startLoggedServer(at: string, lines: string[]): Promise<TestServer> {
  const clock = new FakeClock(Date.parse(at));
  const store = openStore(":memory:");
  const first = bootstrap(store, { leadCode: LEAD_CODE, seed: true }, clock.now());
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  const tenfold = createApp({ store, clock, logger: pino({ level: "warn" }, sink), config: { logLevel: "warn" } });
  const port = await tenfold.listen(0, "127.0.0.1");
  return { tenfold, base: `http://127.0.0.1:${port}`, clock, store, codes: first.seeded!.codes, scenario: exampleScenario(), close: () => tenfold.close() };
}

/** One request through node:http, which sends what it is given (fetch refuses odd headers itself). */
function raw(base: string, method: string, path: string, headers: Record<string, string>, payload: string | Buffer | undefined): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(base + path, { method, headers, timeout: BOUND_MS * 2, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", (err: NodeJS.ErrnoException) => {
      // The server may answer 413 and close before it has read all of a huge body: that is an answer.
      if (err.code === "EPIPE" || err.code === "ECONNRESET") return;
      reject(err);
    });
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** A digest of every row of every table: equal digests, nothing changed. */
export function storeDigest(store: Store): string {
  const hash = createHash("sha256");
  const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  for (const name of tables) {
    hash.update(`\u0000${name}\u0000`);
    for (const row of store.db.prepare(`SELECT * FROM "${name}"`).iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest("hex");
}

/** Percent-encodes every byte, so even a lone surrogate (sent as U+FFFD) makes a valid URL. */
const encode = (s: string) => Array.from(Buffer.from(s, "utf8"), (b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, "0")}`)).join("");

const SQL = [
  "' OR '1'='1",
  "yiyuan'; DROP TABLE tubes; --",
  "1; DELETE FROM desk_events",
  "\" OR \"\"=\"",
  "x' UNION SELECT code_hash, role, site FROM access_codes --",
  "%' AND 1=0 UNION SELECT sqlite_version() --",
  "Robert'); DROP TABLE swabs;--",
];
const ODD = ["\u0000", "\u202e\u0635\u0644", "𝕋𝕦𝕓𝕖", "\ud800", "\udfff", "e\u0301\u0301\u0301", "👩‍👩‍👧‍👦", "\uFEFF", "\u2028\u2029", "ﷺ", "Ⅻ", "..", "../../etc/passwd", "%", "%zz", "CON", "__proto__", "constructor", "a".repeat(5000)];
/** Raw, already-escaped path pieces, some of them not valid percent-encoding at all. */
const RAW = ["%ED%A0%80", "%C0%AF", "%00", "%E0%A4%A", "%FF%FE", "..%2F..%2F", "%2e%2e", "a%20b"];

const text = fc.oneof(
  fc.constantFrom(...SQL, ...ODD),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);

/** A value for one path parameter: the real one (so the handler runs), or something hostile. */
const VALID: Record<string, string[]> = {
  site: [SITE, "yiyuan-booth"],
  point: ["north-gate", "south-gate"],
  box: ["FZ-B1", "nope"],
  tube: ["FZ-T1", "FZ-T2"],
  swap: ["swap-none"],
  staff: ["bai-xue", "wang-ke"],
  plan: ["plan-none"],
};
const param = (name: string) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...(VALID[name] ?? ["x"])) },
    { weight: 3, arbitrary: text.map(encode) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW) },
  );

const deep = (n: number, open: string, close: string) => open.repeat(n) + close.repeat(n);
/** Bodies: JSON of any shape, hostile strings in plausible fields, and things that are not JSON. */
const body = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 4, arbitrary: fc.dictionary(fc.constantFrom("events", "code", "id", "tubes", "tube", "result", "assignment", "to", "reason", "arrivals", "headcount", "swapAfterTubes", "site", "points", "__proto__", "constructor"), fc.oneof(text, fc.integer(), fc.double(), fc.constant(null), fc.array(text, { maxLength: 3 }), fc.object({ maxDepth: 2 }))).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.constantFrom('{"__proto__": {"role": "lead"}}', '{"constructor": {"prototype": {"admin": true}}}', "{", "[1,2", "\u0000", "null", "NaN", "1e999999", '{"a":1,"a":2}', "\uFEFF{}", "{'code': 'x'}") },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => deep(n, "[", "]")) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 5_000 }).map((n) => `{"events":[${deep(n, '{"a":', "")}1${"}".repeat(n)}]}`) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString("latin1")) },
);

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=latin1",
  "application/json; charset=utf-16",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=xyz",
  "application/xml",
  "application/octet-stream",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "",
  "*/*",
  "application/json\u00e9",
];

type Caller = "none" | "lead" | "staff" | "lab" | "other-staff" | "tampered" | "garbage";
const callers: Caller[] = ["none", "lead", "staff", "lab", "other-staff", "tampered", "garbage"];

// Any byte a header may carry (HTTP forbids controls and DEL; 0x80–0xff pass as latin1).
const headerValue = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c)), maxLength: 60 });
const request = (routes: { method: string; path: string }[]) =>
  fc.record({
    route: fc.constantFrom(...routes),
    params: fc.dictionary(fc.constantFrom("site", "point", "box", "tube", "swap", "staff", "plan"), fc.constant(null)),
    values: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
    query: fc.option(fc.dictionary(fc.constantFrom("site", "token", "day", "offset", "site[]", "site[a]", "__proto__"), text.map(encode), { maxKeys: 3 }), { nil: undefined }),
    body,
    contentType: fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined }),
    encoding: fc.option(fc.constantFrom("gzip", "deflate", "br", "identity", "x-unknown", "gzip, gzip"), { nil: undefined, freq: 6 }),
    caller: fc.constantFrom(...callers),
    authScheme: fc.constantFrom("Bearer ", "bearer ", "Basic ", "Bearer  ", "", "Token "),
    extra: fc.dictionary(fc.constantFrom("accept", "x-forwarded-for", "if-none-match", "origin", "cookie", "range", "accept-language"), headerValue, { maxKeys: 3 }),
    paramValues: fc.tuple(param("site"), param("point"), param("box"), param("tube"), param("swap"), param("staff"), param("plan")),
  });

describe("hostile input", function () {
  this.timeout(120_000);
  let t: TestServer;
  /** Every warn-or-worse line the server logs: a failure behind a 4xx (a push, a tick) shows here. */
  const errorLines: string[] = [];
  const tokens: Partial<Record<Caller, string>> = {};
  const figures = { requests: 0, sockets: 0, statuses: {} as Record<number, number>, slowestMs: 0, writesLetThrough: 0 };

  before(async () => {
    t = await startLoggedServer("2021-08-03T08:00:00+08:00", errorLines);
    tokens.lead = await login(t.base, LEAD_CODE);
    tokens.staff = await login(t.base, t.codes.staff["bai-xue"]);
    tokens.lab = await login(t.base, t.codes.lab);
    const other = await startBoothSite(t, tokens.lead);
    tokens["other-staff"] = await login(t.base, other.codes.staff["bai-xue"]);
    tokens.tampered = tokens.lead.slice(0, 10) + (tokens.lead[10] === "A" ? "B" : "A") + tokens.lead.slice(11);
    tokens.garbage = "a.b";
    // State for bad input to try to change: a sealed, boxed tube and an open one with swabs.
    await call(t.base, "POST", `/api/v1/sites/${SITE}/desk-events`, { token: tokens.staff, body: { events: [...tubeEvents("fz1", "FZ-T1", ["R1", "R2"], "2021-08-03T08:00:00+08:00"), ...tubeEvents("fz2", "FZ-T2", ["R3"], "2021-08-03T08:01:00+08:00", "north-gate", 2, false)] } });
    await call(t.base, "POST", `/api/v1/sites/${SITE}/boxes`, { token: tokens.staff, body: { id: "FZ-B1", tubes: ["FZ-T1"] } });
  });
  after(async () => {
    await t.close();
    // Warnings are allowed; an error line (a 5xx, a failed push or tick) is not.
    expect(errorLines.filter((l) => /"level":(50|60)/.test(l))).to.deep.equal([]);
    if (process.env.TENFOLD_FIGURES) console.log(`      fuzz figures: ${JSON.stringify(figures)}`);
  });

  /** Sends one request, raw; checks the status, the time and the store. */
  async function send(method: string, path: string, headers: Record<string, string>, payload: string | Buffer | undefined, before: string): Promise<number> {
    const t0 = performance.now();
    let status: number;
    let text: string;
    try {
      ({ status, text } = await raw(t.base, method, path, headers, method === "GET" || method === "HEAD" ? undefined : payload));
    } catch (err) {
      throw new Error(`${method} ${path.slice(0, 200)}: no answer (${(err as Error).message})`);
    }
    const ms = performance.now() - t0;
    figures.requests++;
    figures.statuses[status] = (figures.statuses[status] ?? 0) + 1;
    figures.slowestMs = Math.max(figures.slowestMs, Math.round(ms));
    const what = `${method} ${path.slice(0, 200)} ${JSON.stringify(headers).slice(0, 300)} ${String(payload).slice(0, 200)} → ${status} ${text.slice(0, 300)}`;
    expect(status, what).to.be.below(500);
    expect(ms, what).to.be.below(BOUND_MS);
    if (status >= 400 && path.startsWith("/api/")) expect(JSON.parse(text).error.code, what).to.be.a("string");
    if (status >= 400 || method === "GET") expect(storeDigest(t.store), what).to.equal(before);
    return status;
  }

  it("answers any request to any route without a 5xx, in bounded time, changing nothing it refused", async () => {
    const routes = ((t.tenfold.app as unknown as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }).router.stack)
      .flatMap((layer) => (layer.route ? Object.keys(layer.route.methods).map((m) => ({ method: m.toUpperCase(), path: layer.route!.path })) : []));
    expect(routes.length).to.be.greaterThan(25);
    let before = storeDigest(t.store);
    await fc.assert(
      fc.asyncProperty(request(routes), async (r) => {
        const names = ["site", "point", "box", "tube", "swap", "staff", "plan"];
        let path = r.route.path.replace(/:(\w+)/g, (_, name: string) => r.paramValues[names.indexOf(name)] ?? "x");
        // Drafting a plan runs the planner for seconds: not what this test is about.
        if (r.route.method === "POST" && /\/plans$/.test(r.route.path) && r.caller === "lead") path = path.replace(/\/sites\/[^/]+\//, "/sites/nowhere/");
        if (r.query) path += "?" + Object.entries(r.query).map(([k, v]) => `${encode(k)}=${v}`).join("&");
        const headers: Record<string, string> = { ...r.extra };
        if (r.contentType !== undefined) headers["content-type"] = r.contentType;
        if (r.encoding !== undefined) headers["content-encoding"] = r.encoding;
        if (r.caller !== "none") headers.authorization = r.authScheme + (tokens[r.caller] ?? "");
        const status = await send(r.route.method, path, headers, r.body, before);
        if (status < 400 && r.route.method !== "GET") {
          // A request the handler took (a valid action by the right role): the store may move on.
          figures.writesLetThrough++;
          before = storeDigest(t.store);
        }
      }),
      { numRuns: 1500, seed: 88 },
    );
  });

  it("judges each desk event on its own, however odd its schema-valid fields, never dropping the good ones", async () => {
    // Instants the schema's date-time accepts, leap seconds among them, and other odd but valid fields.
    const instants = fc.constantFrom("2021-08-03T23:59:60Z", "2021-08-03T15:59:60-08:00", "2021-08-03t08:00:00z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2021-08-03T08:00:00.123456789+08:00", "2021-08-03T08:00:00+23:59", "2021-08-03T08:00:00-00:00");
    const idText = fc.oneof(text, fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/)).filter((x) => x.length >= 1 && x.length <= 64);
    const odd = fc.record({
      id: fc.oneof(text, fc.constantFrom(...SQL)).filter((x) => x.length >= 1 && x.length <= 100),
      type: fc.constantFrom("tube.open", "swab", "tube.seal"),
      at: instants,
      point: fc.oneof(fc.constantFrom("north-gate", "south-gate"), idText),
      desk: fc.integer({ min: 1, max: 200 }),
      tube: fc.oneof(fc.constantFrom("FZ-T1", "FZ-T2"), idText),
      resident: fc.option(fc.oneof(text, fc.constantFrom(...SQL)).filter((x) => x.length >= 1 && x.length <= 64), { nil: undefined }),
    }).map((e) => (e.resident === undefined ? (({ resident: _, ...rest }) => rest)(e) : e));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(odd, { minLength: 1, maxLength: 6 }), async (events) => {
        // One good event in every batch: whatever its neighbours are, it must be applied. Dated at
        // the server's (fake) clock: desk times far from it are refused, as odd ones above may be.
        const good = { id: `fz-good-${++n}`, type: "tube.open", at: "2021-08-03T08:00:00+08:00", point: "south-gate", desk: 1, tube: `FZ-GOOD-${n}` };
        const r = await call(t.base, "POST", `/api/v1/sites/${SITE}/desk-events`, { token: tokens.staff, body: { events: [...events, good] } });
        figures.requests++;
        expect(r.status, JSON.stringify(events)).to.equal(200);
        expect(r.body.results).to.have.length(events.length + 1);
        expect(r.body.results.at(-1)).to.deep.equal({ id: good.id, status: "applied" });
        for (const x of r.body.results) expect(x.status).to.be.oneOf(["applied", "duplicate", "rejected"]);
        const pool = t.store.db.prepare("SELECT max(swabs) FROM tubes").pluck().get() as number;
        expect(pool).to.be.at.most(10);
      }),
      { numRuns: 300, seed: 90 },
    );
  });

  it("refuses oversize, deeply nested and mis-typed bodies on every write route with a 4xx", async () => {
    const before = storeDigest(t.store);
    const writes = [
      "/api/v1/login",
      "/api/v1/sites",
      `/api/v1/sites/${SITE}/desk-events`,
      `/api/v1/sites/${SITE}/points/north-gate/queue`,
      `/api/v1/sites/${SITE}/boxes`,
      `/api/v1/sites/${SITE}/results`,
      `/api/v1/sites/${SITE}/swaps`,
      `/api/v1/sites/${SITE}/staff/bai-xue/unwell`,
      "/api/v1/roster/parse",
    ];
    const huge = JSON.stringify({ events: Array.from({ length: 60_000 }, (_, i) => ({ id: `big-${i}`, type: "swab", at: "2021-08-03T08:00:00+08:00", point: "north-gate", desk: 1, tube: "FZ-T2", resident: `R${i}` })) });
    const oddUnicode = JSON.stringify({ events: ODD.map((s, i) => ({ id: s, type: "swab", at: "2021-08-03T08:00:00+08:00", point: "north-gate", desk: 1, tube: s || `x${i}`, resident: s })) });
    const cases: [string, string | Buffer][] = [
      ["application/json", huge],
      ["application/json", Buffer.alloc(6 * 1024 * 1024, 0x20)],
      ["application/json", deep(100_000, "[", "]")],
      ["application/json", deep(50_000, '{"a":', "") + "1" + "}".repeat(50_000)],
      ["application/json", `{"site": ${deep(20_000, "[", "]")}}`],
      ["application/json", oddUnicode],
      ["text/plain", JSON.stringify({ code: LEAD_CODE })],
      ["application/x-www-form-urlencoded", "code=" + LEAD_CODE],
      ["application/octet-stream", Buffer.from("PK\u0003\u0004\u0014\u0000garbage", "latin1")],
      ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer.alloc(3 * 1024 * 1024, 0x41)],
      ["application/json; charset=utf-16", "{}"],
    ];
    for (const path of writes)
      for (const [type, payload] of cases)
        for (const token of [tokens.lead, tokens.staff]) {
          const status = await send("POST", path, { "content-type": type, authorization: `Bearer ${token}` }, payload, before);
          // The odd-unicode batch is a valid envelope: its events are rejected one by one.
          if (!(status === 200 && payload === oddUnicode)) expect(status, `${path} ${type}`).to.be.within(400, 499);
        }
    expect(figures.statuses[413]).to.be.greaterThan(0);
    expect((await call(t.base, "GET", "/healthz")).status).to.equal(200);
  });

  it("survives hostile Socket.IO handshakes and subscriptions", async () => {
    const before = storeDigest(t.store);
    const payload = fc.oneof(fc.anything({ maxDepth: 3 }), fc.record({ site: text, points: fc.array(text, { maxLength: 5 }) }), fc.record({ site: fc.constant(SITE), points: fc.array(text, { maxLength: 3 }) }));
    const auth = fc.oneof(fc.constant(undefined), fc.record({ token: fc.oneof(text, fc.integer(), fc.constant(null), fc.object({ maxDepth: 1 }), fc.constant("x".repeat(3000)), fc.constant(tokens.tampered)) }));
    await fc.assert(
      fc.asyncProperty(auth, fc.array(fc.tuple(fc.constantFrom("queue:subscribe", "queue:unsubscribe", "rotation", "alert", "desk-events", "__proto__", "connect"), payload), { minLength: 1, maxLength: 4 }), async (a, emits) => {
        const s = connect(t.base, { transports: ["websocket"], reconnection: false, forceNew: true, auth: (a ?? {}) as Record<string, unknown>, timeout: BOUND_MS });
        figures.sockets++;
        try {
          const ok = await new Promise<boolean>((resolve) => {
            s.once("connect", () => resolve(true));
            s.once("connect_error", () => resolve(false));
          });
          if (!ok) return;
          for (const [event, p] of emits) {
            if (event === "connect") continue; // reserved by the client library
            if (event.startsWith("queue:")) {
              const reply = (await s.timeout(BOUND_MS).emitWithAck(event as "queue:subscribe", p as never)) as { ok: boolean };
              expect(reply.ok).to.be.a("boolean");
            } else s.emit(event as never, p as never);
          }
        } finally {
          s.close();
        }
      }),
      { numRuns: 200, seed: 89 },
    );
    expect(storeDigest(t.store)).to.equal(before);
    expect((await call(t.base, "GET", "/healthz")).status).to.equal(200);
  });
});
