// Issue 16, items 2 and 11: subscriptions that cannot be turned into a flood (caps per socket and
// per subscribe, repeats ignored, a budget per connection), and swap offers that cannot spam a
// colleague (one open offer per assignment and person, a limit per person an hour).
import { expect } from "chai";
import { call, collect, exampleScenario, LEAD_CODE, login, next, sleep, socket, startServer, useBoothSite, type TestServer, type TestSocket } from "./support/server.ts";
import { MAX_POINTS_PER_SUBSCRIBE, MAX_SUBSCRIPTIONS_PER_SOCKET } from "../server/live/index.ts";
import { SWAP_OFFERS_PER_HOUR } from "../server/services/swaps.ts";

type Ack = { ok: boolean; points?: string[]; error?: { code: string; path?: string } };

describe("hardening: queue subscriptions", function () {
  this.timeout(60_000);
  let t: TestServer;
  let s: TestSocket | undefined;
  const BIG = "district-120";
  before(async () => {
    t = await startServer();
    const lead = await login(t.base, LEAD_CODE);
    const base = exampleScenario();
    const big = {
      ...base,
      site: { ...base.site, id: BIG },
      points: Array.from({ length: 120 }, (_, i) => ({ ...base.points[0], id: `p${i}`, name: `点 ${i}` })),
      buildings: base.buildings.map((b) => ({ ...b, point: "p0" })),
    };
    const made = await call(t.base, "POST", "/api/v1/sites", { token: lead, body: big });
    expect(made.status, JSON.stringify(made.body).slice(0, 300)).to.equal(201);
  });
  after(() => t.close());
  afterEach(() => s?.close());

  const subscribe = (sock: TestSocket, request: unknown) => sock.timeout(5000).emitWithAck("queue:subscribe", request as never) as Promise<Ack>;

  it("sends each point's state once, however often the same subscribe is repeated", async () => {
    s = await socket(t.base);
    const states = collect(s, "queue");
    for (let i = 0; i < 30; i++) expect((await subscribe(s, { site: "yiyuan" })).ok).to.equal(true);
    await sleep(300);
    expect(states.length).to.equal(t.scenario.points.length);
  });

  it("bounds one subscribe: at most 50 points named, and a whole site only when it has no more", async () => {
    s = await socket(t.base);
    const tooMany = await subscribe(s, { site: BIG, points: Array.from({ length: MAX_POINTS_PER_SUBSCRIBE + 1 }, (_, i) => `p${i}`) });
    expect(tooMany.ok).to.equal(false);
    expect(tooMany.error?.path).to.equal("$.points");
    const whole = await subscribe(s, { site: BIG });
    expect(whole.ok).to.equal(false);
    expect(whole.error?.code).to.equal("TOO_MANY_POINTS");
    const states = collect(s, "queue");
    expect((await subscribe(s, { site: BIG, points: Array.from({ length: 50 }, (_, i) => `p${i}`) })).ok).to.equal(true);
    await sleep(200);
    expect(states.length).to.equal(50);
  });

  it("caps the points one socket follows, and what subscribes may send it in a minute", async () => {
    s = await socket(t.base);
    const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => `p${from + i}`);
    expect((await subscribe(s, { site: BIG, points: range(0, 50) })).ok).to.equal(true);
    expect((await subscribe(s, { site: BIG, points: range(50, 50) })).ok).to.equal(true);
    const over = await subscribe(s, { site: BIG, points: range(100, 1) });
    expect(over.error?.code).to.equal("TOO_MANY_SUBSCRIPTIONS");
    expect(MAX_SUBSCRIPTIONS_PER_SOCKET).to.equal(100);
    // Leaving and joining again in a loop: the budget (200 states a minute) runs out.
    const cycle = async () => {
      await s!.timeout(5000).emitWithAck("queue:unsubscribe", { site: BIG } as never);
      return subscribe(s!, { site: BIG, points: range(0, 50) });
    };
    expect((await cycle()).ok).to.equal(true); // 150
    expect((await cycle()).ok).to.equal(true); // 200
    const spent = await cycle();
    expect(spent.ok).to.equal(false);
    expect(spent.error?.code).to.equal("TOO_MANY_REQUESTS");
  });

  it("lets the lead's board follow a whole district on one socket", async () => {
    s = await socket(t.base, await login(t.base, LEAD_CODE));
    const states = collect(s, "queue");
    expect((await subscribe(s, { site: BIG })).ok).to.equal(true);
    await sleep(300);
    expect(new Set(states.map((e) => e.point)).size).to.equal(120);
  });
});

describe("hardening: swap offers", function () {
  this.timeout(60_000);
  const site = useBoothSite();
  const { open, as, api } = site;

  it("accepts one open offer per assignment and person, pushing one notice", async () => {
    const bai = await as("bai-xue");
    const ys = await open(await as("yang-jianpeng"));
    const offer = { assignment: "bai-xue-1000", to: "yang-jianpeng" };
    const first = await api("POST", "/swaps", bai, offer);
    expect(first.status).to.equal(201);
    await next(ys, "swap", (x) => x.id === first.body.id);
    const notices = collect(ys, "swap");
    for (let i = 0; i < 30; i++) {
      const again = await api("POST", "/swaps", bai, offer);
      expect(again.status).to.equal(409);
      expect(again.body.error.code).to.equal("SWAP_ALREADY_OFFERED");
    }
    await sleep(200);
    expect(notices).to.have.length(0);
    expect((await api("GET", "/swaps", bai)).body.swaps).to.have.length(1);
    // Once it is answered, it may be offered again.
    await api("POST", `/swaps/${first.body.id}/reject`, site.lead, { reason: "no" });
    expect((await api("POST", "/swaps", bai, offer)).status).to.equal(201);
  });

  it("limits one person's offers an hour, with Retry-After", async () => {
    const bai = await as("bai-xue");
    const offer = { assignment: "bai-xue-1000", to: "yang-jianpeng" };
    for (let i = 0; i < SWAP_OFFERS_PER_HOUR; i++) {
      const made = await api("POST", "/swaps", bai, offer);
      expect(made.status, JSON.stringify(made.body)).to.equal(201);
      await api("POST", `/swaps/${made.body.id}/reject`, site.lead, {});
      site.t.clock.advance(1000);
    }
    const refused = await api("POST", "/swaps", bai, offer);
    expect(refused.status).to.equal(429);
    expect(refused.body.error.code).to.equal("TOO_MANY_SWAP_OFFERS");
    expect(Number(refused.headers.get("retry-after"))).to.be.greaterThan(0);
    site.t.clock.advance(3600_000);
    expect((await api("POST", "/swaps", bai, offer)).status).to.equal(201);
  });
});
