// Test helpers: an app in-process on a free loopback port, a fake clock, the example site loaded,
// and small HTTP and Socket.IO clients against it.
import { readFileSync } from "node:fs";
import { io as connect, type Socket } from "socket.io-client";
import { pino } from "pino";
import { createApp, type Tenfold } from "../../server/app.ts";
import { openStore, type Store } from "../../server/store/index.ts";
import { bootstrap, EXAMPLE_SCENARIO } from "../../server/bootstrap.ts";
import { FakeClock } from "../../shared/clock.ts";
import type { Config } from "../../server/config.ts";
import type { SiteCodes } from "../../server/services/sites.ts";
import type { ClientToServerEvents, ServerToClientEvents } from "../../shared/live/events.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";

export const LEAD_CODE = "LEADTESTCODE";
/** Half an hour before the example site opens. */
export const MORNING = "2021-08-03T06:30:00+08:00";

export interface TestServer {
  tenfold: Tenfold;
  base: string;
  clock: FakeClock;
  store: Store;
  /** The example site's codes. */
  codes: SiteCodes;
  scenario: Scenario;
  close(): Promise<void>;
}

export function exampleScenario(): Scenario {
  return JSON.parse(readFileSync(EXAMPLE_SCENARIO, "utf8")) as Scenario;
}

export async function startServer({ at = MORNING, db = ":memory:", config = {} }: { at?: string; db?: string; config?: Partial<Config> } = {}): Promise<TestServer> {
  const clock = new FakeClock(Date.parse(at));
  const store = openStore(db);
  const first = bootstrap(store, { leadCode: LEAD_CODE, seed: true }, clock.now());
  const tenfold = createApp({ store, clock, logger: pino({ level: "silent" }), config: { logLevel: "silent", ...config } });
  const port = await tenfold.listen(0, "127.0.0.1");
  return {
    tenfold,
    base: `http://127.0.0.1:${port}`,
    clock,
    store,
    codes: first.seeded?.codes ?? { staff: {}, lab: "" },
    scenario: exampleScenario(),
    close: () => tenfold.close(),
  };
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** One HTTP call; `body` is sent as JSON unless it is a string (sent raw). */
export async function call<T = any>(base: string, method: string, path: string, { token, body, headers = {} }: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Reply<T>> {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

export async function login(base: string, code: string): Promise<string> {
  const r = await call(base, "POST", "/api/v1/login", { body: { code } });
  if (r.status !== 200) throw new Error(`login failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token as string;
}

/** Drafts and publishes a plan of the example site; returns it. */
export async function publishExamplePlan(t: TestServer, leadToken: string): Promise<any> {
  const made = await call(t.base, "POST", "/api/v1/sites/yiyuan/plans", { token: leadToken });
  if (made.status !== 201) throw new Error(`plan failed: ${made.status} ${JSON.stringify(made.body)}`);
  const published = await call(t.base, "POST", `/api/v1/sites/yiyuan/plans/${made.body.id}/publish`, { token: leadToken });
  if (published.status !== 200) throw new Error(`publish failed: ${published.status} ${JSON.stringify(published.body)}`);
  return published.body;
}

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Everything each test socket received, so an event that came before a listener is not lost. */
const received = new WeakMap<TestSocket, { event: string; payload: unknown; taken: boolean }[]>();

/** A connected Socket.IO client (websocket only, no reconnection). */
export function socket(base: string, token?: string): Promise<TestSocket> {
  const s: TestSocket = connect(base, { transports: ["websocket"], reconnection: false, forceNew: true, auth: token ? { token } : {} });
  const log: { event: string; payload: unknown; taken: boolean }[] = [];
  received.set(s, log);
  s.onAny((event: string, payload: unknown) => log.push({ event, payload, taken: false }));
  return new Promise((resolve, reject) => {
    s.once("connect", () => resolve(s));
    s.once("connect_error", (err) => {
      s.close();
      reject(err);
    });
  });
}

/** The first `event` not yet taken (already received or still to come) that passes `where`. */
export function next<E extends keyof ServerToClientEvents>(s: TestSocket, event: E, where: (e: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true, ms = 4000): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  type Payload = Parameters<ServerToClientEvents[E]>[0];
  const log = received.get(s) ?? [];
  const early = log.find((r) => !r.taken && r.event === event && where(r.payload as Payload));
  if (early) {
    early.taken = true;
    return Promise.resolve(early.payload as Payload);
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      s.offAny(listener);
      reject(new Error(`no matching ${String(event)} within ${ms} ms`));
    }, ms);
    const listener = (name: string) => {
      if (name !== event) return;
      const r = log.find((x) => !x.taken && x.event === event && where(x.payload as Payload));
      if (!r) return;
      r.taken = true;
      clearTimeout(timer);
      s.offAny(listener);
      resolve(r.payload as Payload);
    };
    // Registered after the logging listener, so the log already holds the event.
    s.onAny(listener);
  });
}

/** Collects every `event` a socket receives from now on. */
export function collect<E extends keyof ServerToClientEvents>(s: TestSocket, event: E): Parameters<ServerToClientEvents[E]>[0][] {
  const seen: Parameters<ServerToClientEvents[E]>[0][] = [];
  s.on(event, ((e: Parameters<ServerToClientEvents[E]>[0]) => seen.push(e)) as never);
  return seen;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Desk events of one full tube: open, `n` swabs, seal; ids from `prefix`. */
export function tubeEvents(prefix: string, tube: string, residents: string[], at: string, point = "north-gate", desk = 1, seal = true) {
  const t0 = Date.parse(at);
  const iso = (s: number) => new Date(t0 + s * 1000).toISOString();
  return [
    { id: `${prefix}-open`, type: "tube.open", at: iso(0), point, desk, tube },
    ...residents.map((resident, i) => ({ id: `${prefix}-s${i}`, type: "swab", at: iso(20 * (i + 1)), point, desk, tube, resident })),
    ...(seal ? [{ id: `${prefix}-seal`, type: "tube.seal", at: iso(20 * (residents.length + 1)), point, desk, tube }] : []),
  ];
}

/** Creates the booth variant of the example site through the API and publishes its hand-made plan. */
export async function startBoothSite(t: TestServer, leadToken: string): Promise<{ codes: SiteCodes; plan: any }> {
  const { boothScenario, boothPlan, BOOTH_SITE } = await import("./plan.ts");
  const { storePlan } = await import("../../server/services/plans.ts");
  const made = await call(t.base, "POST", "/api/v1/sites", { token: leadToken, body: boothScenario() });
  if (made.status !== 201) throw new Error(`site failed: ${made.status} ${JSON.stringify(made.body)}`);
  const draft = storePlan(t.tenfold.context, BOOTH_SITE, boothPlan());
  const published = await call(t.base, "POST", `/api/v1/sites/${BOOTH_SITE}/plans/${draft.id}/publish`, { token: leadToken });
  if (published.status !== 200) throw new Error(`publish failed: ${published.status} ${JSON.stringify(published.body)}`);
  return { codes: made.body.codes, plan: published.body };
}

/** The booth site, started afresh before each test, and the sockets its test opens (closed after). */
export interface BoothSite {
  t: TestServer;
  lead: string;
  codes: Record<string, string>;
  open(token?: string): Promise<TestSocket>;
  as(staff: string): Promise<string>;
  api(method: string, path: string, token: string, body?: unknown): Promise<Reply>;
}

/** Registers the hooks that give each test in the calling `describe` a fresh booth site. */
export function useBoothSite(at = "2021-08-03T07:30:00+08:00"): BoothSite {
  const sockets: TestSocket[] = [];
  const site = {
    open: async (token?: string) => {
      const s = await socket(site.t.base, token);
      sockets.push(s);
      return s;
    },
    as: (staff: string) => login(site.t.base, site.codes[staff]),
    api: async (method: string, path: string, token: string, body?: unknown) => {
      const { BOOTH_SITE } = await import("./plan.ts");
      return call(site.t.base, method, `/api/v1/sites/${BOOTH_SITE}${path}`, { token, body });
    },
  } as BoothSite;
  beforeEach(async () => {
    site.t = await startServer({ at });
    site.lead = await login(site.t.base, LEAD_CODE);
    site.codes = (await startBoothSite(site.t, site.lead)).codes.staff;
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.close();
    await site.t.close();
  });
  return site;
}

/** A fingerprint of everything a write could change: equal fingerprints, nothing changed. */
export function storeFingerprint(store: Store): string {
  const tables = ["sites", "access_codes", "plans", "desk_events", "tubes", "swabs", "custody", "boxes", "queue_counts", "swaps", "site_settings"];
  const counts = tables.map((name) => (store.db.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number }).n);
  const plans = store.db.prepare("SELECT group_concat(id || ':' || revision || ':' || coalesce(published_at, '-')) AS p FROM plans").get() as { p: string | null };
  const tubes = store.db.prepare("SELECT group_concat(id || ':' || state || ':' || swabs) AS t FROM tubes").get() as { t: string | null };
  const swaps = store.db.prepare("SELECT group_concat(id || ':' || state) AS s FROM swaps").get() as { s: string | null };
  return JSON.stringify([counts, plans.p, tubes.t, swaps.s]);
}
