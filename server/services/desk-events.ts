// Desk events (docs/api.md C6): tube opened, swab, tube sealed, sent singly or as an offline batch.
// Each is applied once by its id; a batch is one transaction; each event is judged on its own.
import type { AppContext } from "../context.ts";
import type { TokenClaims } from "../auth/tokens.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import type { TubeRecord } from "../store/tubes.ts";
import { DeskEvent, type DeskEventResult } from "../../shared/live/shapes.ts";
import { underPath, validator } from "../api/validator.ts";
import { errors, flags, tubeRefused, TenfoldError } from "../errors.ts";
import { tubeStep } from "../../shared/tubes/lifecycle.ts";
import { deskTimeProblem } from "../../shared/tubes/desk-time.ts";
import { resampledIn } from "../../shared/tubes/resampled.ts";
import { relieveAfterTubes } from "./relief.ts";
import { Type } from "@sinclair/typebox";

export type DeskEventInput = DeskEvent;
export type EventResult = DeskEventResult;

const checkEvent = validator(DeskEvent);
// A whole batch checked in one call: almost every batch is clean, and only one that fails is
// checked again event by event to name each bad event's problems.
const checkEvents = validator(Type.Array(DeskEvent));
// Within one batch, a desk's offline log may come out of order: apply by desk time, and at one
// instant open before swab before seal.
const RANK = { "tube.open": 0, swab: 1, "tube.seal": 2 } as const;

/** What makes two events with one id "the same": every field the desk sent, the time as an instant. */
function digestOf(e: DeskEventInput, atMs: number): string {
  // building and unit only when sent: digests of events stored before they existed stay the same
  const where = e.building === undefined && e.unit === undefined ? [] : [e.building ?? null, e.unit ?? null];
  return JSON.stringify([e.type, atMs, e.point, e.desk, e.tube, e.resident ?? null, ...where]);
}

function rejection(id: string, err: TenfoldError, index: number): EventResult {
  const path = err.path ? `$.events[${index}]${err.path.slice(1)}` : undefined;
  return { id, status: "rejected", error: err.body(path) };
}

interface Effects {
  points: Set<string>;
  sealed: { point: string; desk: number; at: number }[];
  twoTubes: { resident: string; tubes: string[] }[];
  swabbedAgain: { resident: string; tubes: string[]; tube: string; point: string; desk: number }[];
  unknownBuildings: { building: string; swab: string; point: string; desk: number }[];
}

/**
 * Applies a batch; returns one result per event, in the order sent, and `announce`, the live pushes
 * the batch causes. The caller runs `announce` once the batch is on disk: a push or an alert about
 * a swab that a failed commit then undid would tell residents and the lead something untrue.
 */
export function applyDeskEvents(
  context: AppContext,
  site: string,
  account: TokenClaims,
  events: unknown[],
): { results: EventResult[]; announce: () => void } {
  const scenario = context.store.sites.get(site)!.scenario;
  const results: EventResult[] = new Array(events.length);
  const valid: { index: number; event: DeskEventInput; atMs: number }[] = [];
  const allValid = checkEvents.problems(events).length === 0;
  const receivedAt = context.clock.now();
  events.forEach((raw, index) => {
    const problems = allValid ? [] : checkEvent.problems(raw);
    const atMs = problems.length ? NaN : Date.parse((raw as DeskEventInput).at);
    // RFC 3339 (and so the schema's date-time) allows a leap second, "23:59:60", which Date.parse
    // cannot read: its NaN failed the NOT NULL at_ms column, a 500 that dropped the whole batch
    // and left an offline desk's outbox retrying it for ever (the hostile-input fuzzer, test/fuzz.test.ts). Refuse that event alone.
    if (!problems.length && Number.isNaN(atMs))
      problems.push({ path: "$.at", message: "must be a time this server can read (no leap second), e.g. \"2021-08-03T07:00:00+08:00\"" });
    const late = problems.length ? undefined : deskTimeProblem(atMs, receivedAt, context.config.deskTimeWindow);
    if (late) problems.push({ path: "$.at", message: late });
    const id = typeof (raw as { id?: unknown })?.id === "string" ? (raw as { id: string }).id : "";
    if (problems.length) {
      const err = errors.invalidInput(underPath(`$.events[${index}]`, problems));
      results[index] = { id, status: "rejected", error: err.body() };
    } else valid.push({ index, event: raw as DeskEventInput, atMs });
  });
  valid.sort((a, b) => a.atMs - b.atMs || RANK[a.event.type] - RANK[b.event.type] || a.index - b.index);

  const effects: Effects = { points: new Set(), sealed: [], twoTubes: [], swabbedAgain: [], unknownBuildings: [] };
  context.store.transaction(() => {
    const seen = context.store.tubes.deskEventDigests(site, valid.map((v) => v.event.id));
    const tubes = new TubeCache(context, site, valid.map((v) => v.event.tube));
    const residents = new ResidentTubes(context, site, valid.flatMap((v) => (v.event.resident === undefined ? [] : [v.event.resident])));
    for (const { index, event, atMs } of valid) {
      const digest = digestOf(event, atMs);
      const earlier = seen.get(event.id);
      if (earlier !== undefined) {
        results[index] = earlier === digest ? { id: event.id, status: "duplicate" } : rejection(event.id, errors.duplicateEventId(event.id), index);
        continue;
      }
      try {
        const flag = applyOne(context, tubes, residents, scenario, site, account, event, atMs, receivedAt, effects);
        context.store.tubes.recordDeskEvent(site, {
          id: event.id,
          type: event.type,
          digest,
          at: event.at,
          atMs,
          receivedAt,
          point: event.point,
          desk: event.desk,
          tube: event.tube,
          resident: event.resident ?? null,
          staff: account.staff,
        });
        seen.set(event.id, digest);
        results[index] = { id: event.id, status: "applied", ...(flag ? { flag } : {}) };
      } catch (err) {
        if (!(err instanceof TenfoldError)) throw err;
        results[index] = rejection(event.id, err, index);
      }
    }
  });

  const announce = () => {
    const hub = context.live;
    for (const point of effects.points) hub.queueChanged(site, point);
    for (const t of effects.twoTubes)
      hub.alert(site, "resident-two-tubes", "resident-two-tubes", t, t);
    for (const u of effects.unknownBuildings)
      hub.alert(site, "building", "swab-unknown-building", { building: u.building, point: u.point, desk: u.desk }, u);
    for (const t of effects.swabbedAgain)
      hub.alert(site, "resident-two-tubes", "resident-swabbed-again", { resident: t.resident, tubes: t.tubes, tube: t.tube }, t);
    for (const s of effects.sealed) relieveAfterTubes(context, site, s.point, s.desk, s.at);
  };
  return { results, announce };
}

/** Checks one event against the tubes as they stand, then writes it; throws a coded error to reject. */
function applyOne(
  context: AppContext,
  cache: TubeCache,
  residents: ResidentTubes,
  scenario: Scenario,
  site: string,
  account: TokenClaims,
  e: DeskEventInput,
  atMs: number,
  receivedAt: number,
  effects: Effects,
): EventResult["flag"] {
  const point = scenario.points.find((p) => p.id === e.point);
  if (!point) throw errors.invalidField("$.point", `site "${site}" has no point "${e.point}"`);
  if (e.desk > point.desks) throw errors.invalidField("$.desk", `point "${e.point}" has desks 1–${point.desks}`);
  const tubes = context.store.tubes;
  const holder = account.staff ?? account.role;
  const tube = cache.get(e.tube);
  if (e.type === "swab" && !e.resident) throw errors.invalidField("$.resident", "a swab names its resident");
  // The life cycle judges the step (shared/tubes/lifecycle.ts): the tube's state, its desk, the pool size.
  const step = e.type === "tube.open" ? "open" : e.type === "swab" ? "swab" : "seal";
  const held = e.resident === undefined ? [] : residents.of(e.resident);
  const resident = e.resident === undefined ? undefined : { id: e.resident, inTube: held.includes(e.tube) };
  const move = tubeStep(tube, step, { point: e.point, desk: e.desk, poolSize: scenario.pooling.poolSize, resident });
  if (!move.ok) throw tubeRefused(move.refusal, e.tube);
  switch (e.type) {
    case "tube.open": {
      tubes.open(site, e.tube, e.point, e.desk, atMs);
      tubes.addCustody(site, e.tube, { at: atMs, state: move.to, holder, box: null });
      cache.opened(e.tube, e.point, e.desk, atMs);
      return undefined;
    }
    case "swab": {
      const resident = e.resident!;
      const others = held.filter((id) => cache.get(id)?.state === "open");
      tubes.addSwab(site, { id: e.id, tube: e.tube, point: e.point, desk: e.desk, resident, at: e.at, atMs, receivedAt, staff: account.staff, building: e.building ?? null, unit: e.unit ?? null });
      tube!.swabs += 1;
      residents.swabbed(resident, e.tube);
      effects.points.add(e.point);
      // A building the site does not have: the swab is kept (it matters more) and the lead is told.
      const strange = e.building !== undefined && !scenario.buildings.some((b) => b.id === e.building);
      if (strange) effects.unknownBuildings.push({ building: e.building!, swab: e.id, point: e.point, desk: e.desk });
      if (!others.length) {
        const sealed = held.filter((id) => id !== e.tube).map((id) => cache.get(id)).filter((t): t is TubeRecord => t !== undefined);
        const again = resampledIn(sealed, atMs, scenario.site.timezone, scenario.pooling.poolSize);
        if (!again.length) return strange ? flags.unknownBuilding(e.building!) : undefined;
        effects.swabbedAgain.push({ resident, tubes: again, tube: e.tube, point: e.point, desk: e.desk });
        return flags.residentSwabbedAgain(again);
      }
      // docs/domain.md "Pooled sampling": a resident bound to the wrong tube is a common failure; keep the swab, flag it.
      effects.twoTubes.push({ resident, tubes: [...others, e.tube] });
      return flags.residentInTwoTubes(others);
    }
    case "tube.seal": {
      tubes.seal(site, e.tube, atMs);
      tubes.addCustody(site, e.tube, { at: atMs, state: move.to, holder, box: null });
      tube!.state = move.to;
      effects.sealed.push({ point: e.point, desk: e.desk, at: atMs });
      return undefined;
    }
  }
}

/** Tubes as this batch has left them: read once from the store, then kept in step with each write. */
class TubeCache {
  private readonly known = new Map<string, TubeRecord | undefined>();

  /** Reads the tubes a batch names in one query. */
  constructor(
    private readonly context: AppContext,
    private readonly site: string,
    ids: string[],
  ) {
    const unique = [...new Set(ids)];
    for (const id of unique) this.known.set(id, undefined);
    for (const tube of context.store.tubes.getMany(site, unique)) this.known.set(tube.id, tube);
  }

  get(id: string): TubeRecord | undefined {
    if (!this.known.has(id)) this.known.set(id, this.context.store.tubes.get(this.site, id));
    return this.known.get(id);
  }

  /** A tube this batch just opened, as `tubes.open` stored it. */
  opened(id: string, point: string, desk: number, at: number): void {
    this.known.set(id, {
      site: this.site,
      id,
      point,
      desk,
      state: "open",
      swabs: 0,
      openedAt: at,
      firstSwabAt: null,
      sealedAt: null,
      box: null,
      receivedAt: null,
      result: null,
      resultedAt: null,
    });
  }
}

/** The tubes each resident of a batch has a swab in: read once from the store, then kept in step with each swab. */
class ResidentTubes {
  private readonly held: Map<string, string[]>;

  constructor(context: AppContext, site: string, residents: string[]) {
    this.held = residents.length ? context.store.tubes.tubesOfResidents(site, [...new Set(residents)]) : new Map();
  }

  of(resident: string): readonly string[] {
    return this.held.get(resident) ?? [];
  }

  swabbed(resident: string, tube: string): void {
    const tubes = this.held.get(resident);
    if (tubes) tubes.push(tube);
    else this.held.set(resident, [tube]);
  }
}
