// A thousand malformed payloads (fast-check): every one gets a 4xx (or, inside a valid desk
// batch, a per-event rejection), and none changes anything or crashes the server.
import { expect } from "chai";
import fc from "fast-check";
import { call, socket, exampleScenario, LEAD_CODE, login, startServer, storeFingerprint, tubeEvents, type TestServer } from "./support/server.ts";

const S = "/api/v1/sites/yiyuan";

/** Ways to break one field so that no schema could accept it. */
const wrongForString = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.constant(""), fc.string({ minLength: 101, maxLength: 300 }));
const wrongForInteger = fc.oneof(fc.string(), fc.constant(0), fc.constant(-1), fc.constant(1.5), fc.constant(201), fc.constant(null), fc.boolean());
const wrongInstant = fc.oneof(fc.constant("yesterday"), fc.constant("2021-13-45T99:00:00+08:00"), fc.integer(), fc.constant(""), fc.constant("2021-08-03 08:00"));

const validEvent = { id: "e1", type: "tube.open", at: "2021-08-03T08:00:00+08:00", point: "north-gate", desk: 1, tube: "T1" };

/** A desk event broken in one guaranteed way. */
const brokenEvent = fc.oneof(
  fc.constantFrom("id", "type", "at", "point", "desk", "tube").map((k) => Object.fromEntries(Object.entries(validEvent).filter(([key]) => key !== k))),
  fc.tuple(fc.constantFrom("id", "point", "tube"), wrongForString).map(([k, v]) => ({ ...validEvent, [k]: v })),
  wrongForInteger.map((v) => ({ ...validEvent, desk: v })),
  wrongInstant.map((v) => ({ ...validEvent, at: v })),
  fc.string().filter((s) => !["tube.open", "swab", "tube.seal"].includes(s)).map((v) => ({ ...validEvent, type: v })),
  fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !(k in validEvent) && k !== "resident" && k !== "__proto__").map((k) => ({ ...validEvent, [k]: 1 })),
  fc.jsonValue().filter((v) => typeof v !== "object" || v === null || Array.isArray(v)),
);

/** A scenario broken in one guaranteed way. */
const brokenScenario = fc.oneof(
  fc.constantFrom("site", "windows", "service", "pooling", "targets", "desk", "heat", "points", "buildings", "weather", "staff").map((k) => {
    const s: Record<string, unknown> = exampleScenario();
    delete s[k];
    return s;
  }),
  fc.tuple(fc.constantFrom("windows", "points", "staff", "weather"), fc.oneof(fc.string(), fc.integer(), fc.constant([]))).map(([k, v]) => ({ ...exampleScenario(), [k]: v })),
  wrongForInteger.map((v) => {
    const s = exampleScenario();
    return { ...s, points: [{ ...s.points[0], desks: v }, ...s.points.slice(1)] };
  }),
);

const notAnObject = fc.oneof(fc.jsonValue().filter((v) => typeof v !== "object" || v === null || Array.isArray(v)), fc.constant("{not json"), fc.constant("[1,2"));

interface Payload {
  method: string;
  path: string;
  caller: "lead" | "staff" | "lab" | "nobody";
  body: unknown;
  /** A valid batch envelope whose events are all broken: 200, each rejected. */
  perEvent?: boolean;
}

const payloads: fc.Arbitrary<Payload> = fc.oneof(
  fc.oneof(notAnObject, fc.record({ code: wrongForString }), fc.record({ code: fc.string({ minLength: 1, maxLength: 20 }) })).map((body) => ({ method: "POST", path: "/api/v1/login", caller: "nobody" as const, body })),
  fc.oneof(notAnObject, brokenScenario).map((body) => ({ method: "POST", path: "/api/v1/sites", caller: "lead" as const, body })),
  fc.oneof(notAnObject, fc.record({ events: fc.oneof(fc.constant([]), fc.integer(), fc.string(), fc.constant(null), fc.boolean(), fc.constant({})) }), fc.record({ events: fc.array(brokenEvent, { minLength: 1, maxLength: 3 }), extra: fc.integer() })).map((body) => ({
    method: "POST", path: `${S}/desk-events`, caller: "staff" as const, body,
  })),
  fc.array(brokenEvent, { minLength: 1, maxLength: 5 }).map((events) => ({ method: "POST", path: `${S}/desk-events`, caller: "staff" as const, body: { events }, perEvent: true })),
  fc.oneof(notAnObject, fc.constant({}), fc.record({ arrivals: fc.oneof(fc.string(), fc.constant(-1), fc.constant(1.5), fc.constant(null), fc.boolean(), fc.constant(10001)) }), fc.record({ headcount: fc.oneof(fc.constant(-5), fc.string()) })).map((body) => ({
    method: "POST", path: `${S}/points/north-gate/queue`, caller: "staff" as const, body,
  })),
  fc.oneof(notAnObject, fc.record({ id: wrongForString, tubes: fc.constant(["T1"]) }), fc.record({ id: fc.constant("B1"), tubes: fc.oneof(fc.constant([]), wrongForString) })).map((body) => ({
    method: "POST", path: `${S}/boxes`, caller: "staff" as const, body,
  })),
  fc.oneof(notAnObject, fc.record({ tube: fc.constant("T1"), result: fc.string().filter((s) => !["negative", "positive", "invalid"].includes(s)) })).map((body) => ({
    method: "POST", path: `${S}/results`, caller: "lab" as const, body,
  })),
  fc.oneof(notAnObject, fc.record({ assignment: wrongForString, to: fc.constant("wang-ke") })).map((body) => ({ method: "POST", path: `${S}/swaps`, caller: "staff" as const, body })),
  fc.oneof(notAnObject, fc.record({ swapAfterTubes: wrongForInteger.filter((v) => v !== null) })).map((body) => ({ method: "PUT", path: `${S}/settings`, caller: "lead" as const, body })),
  fc.oneof(notAnObject, fc.record({ reason: fc.oneof(fc.integer(), fc.string({ minLength: 501, maxLength: 600 })) })).map((body) => ({
    method: "POST", path: `${S}/staff/bai-xue/unwell`, caller: "staff" as const, body,
  })),
  fc.oneof(notAnObject.filter((v) => v !== null), fc.record({ x: fc.integer() })).map((body) => ({ method: "POST", path: `${S}/boxes/B1/dispatch`, caller: "staff" as const, body })),
);

describe("malformed payloads", () => {
  let t: TestServer;
  const tokens: Record<string, string | undefined> = {};

  before(async () => {
    t = await startServer({ at: "2021-08-03T08:00:00+08:00" });
    tokens.lead = await login(t.base, LEAD_CODE);
    tokens.staff = await login(t.base, t.codes.staff["bai-xue"]);
    tokens.lab = await login(t.base, t.codes.lab);
    // Some state for bad input to try to change: a sealed tube in a box.
    await call(t.base, "POST", `${S}/desk-events`, { token: tokens.staff, body: { events: tubeEvents("x", "T1", ["R1", "R2"], "2021-08-03T08:00:00+08:00") } });
    await call(t.base, "POST", `${S}/boxes`, { token: tokens.staff, body: { id: "B1", tubes: ["T1"] } });
  });
  after(() => t.close());

  it("answers a thousand of them with 4xx and changes nothing", async function () {
    this.timeout(120_000);
    const before = storeFingerprint(t.store);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(payloads, async (p) => {
        const r = await call(t.base, p.method, p.path, { token: tokens[p.caller], body: p.body });
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (p.perEvent) {
          expect(r.status).to.equal(200);
          expect(r.body.results.every((x: any) => x.status === "rejected" && x.error.code === "INVALID_INPUT")).to.equal(true);
        } else {
          expect(r.status, `${p.method} ${p.path} ${JSON.stringify(p.body)?.slice(0, 200)}`).to.be.within(400, 499);
          expect(r.body.error.code).to.be.a("string");
        }
        expect(storeFingerprint(t.store)).to.equal(before);
      }),
      { numRuns: 1000, seed: 20210803 },
    );
    expect((await call(t.base, "GET", "/healthz")).status).to.equal(200);
  });

  it("answers malformed queue subscriptions in the ack and keeps serving", async function () {
    this.timeout(60_000);
    const s = await socket(t.base);
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.jsonValue(),
            fc.record({ site: wrongForString }),
            fc.record({ site: fc.constant("yiyuan"), points: fc.oneof(wrongForString, fc.array(fc.integer(), { minLength: 1, maxLength: 3 })) }),
            fc.record({ site: fc.constant("yiyuan"), extra: fc.integer() }),
          ),
          async (payload) => {
            const ack = (await s.timeout(2000).emitWithAck("queue:subscribe", payload as never)) as { ok: boolean };
            expect(ack.ok).to.equal(false);
          },
        ),
        { numRuns: 200, seed: 7 },
      );
      expect(s.connected).to.equal(true);
      expect((await s.emitWithAck("queue:subscribe", { site: "yiyuan" })).ok).to.equal(true);
    } finally {
      s.close();
    }
  });
});
