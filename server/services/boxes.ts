// Boxes of sealed tubes (docs/api.md C6): packed at the site, dispatched with a courier, received
// by the lab; every step written to each tube's chain of custody.
import type { AppContext } from "../context.ts";
import type { TokenClaims } from "../auth/tokens.ts";
import { errors, tubeRefused, type TenfoldError } from "../errors.ts";
import type { BoxRecord } from "../store/boxes.ts";
import { boxStep, TUBE_STEPS, tubeStep, type BoxRefusal } from "../../shared/tubes/lifecycle.ts";
import { isOverAge, tubeAgeMinutes } from "../../shared/tubes/age.ts";

const boxRefused = (refusal: BoxRefusal, box: string): TenfoldError =>
  refusal === "dispatched" ? errors.boxDispatched(box) : refusal === "received" ? errors.boxReceived(box) : errors.boxNotDispatched(box);

export interface BoxView {
  id: string;
  state: BoxRecord["state"];
  tubes: string[];
  packedAt: string;
  dispatchedAt?: string;
  receivedAt?: string;
  /** At receipt: tubes older than the age limit (docs/domain.md "Transport": 240 min by default). */
  overAge?: { tube: string; ageMinutes: number }[];
}

const iso = (ms: number | null) => (ms === null ? undefined : new Date(ms).toISOString());

function view(context: AppContext, site: string, box: BoxRecord): BoxView {
  return {
    id: box.id,
    state: box.state,
    tubes: context.store.tubes.inBox(site, box.id).map((t) => t.id),
    packedAt: iso(box.packedAt)!,
    ...(box.dispatchedAt !== null ? { dispatchedAt: iso(box.dispatchedAt) } : {}),
    ...(box.receivedAt !== null ? { receivedAt: iso(box.receivedAt) } : {}),
  };
}

/** Packs sealed tubes into a new box; any tube that is not sealed and loose refuses the whole box. */
export function packBox(context: AppContext, site: string, input: { id: string; tubes: string[] }, account: TokenClaims): BoxView {
  const scenario = context.store.sites.get(site)!.scenario;
  const now = context.clock.now();
  const holder = account.staff ?? account.role;
  if (input.tubes.length > scenario.pooling.boxCapacity)
    throw errors.boxOverCapacity(scenario.pooling.boxCapacity, input.tubes.length);
  return context.store.transaction(() => {
    if (context.store.boxes.get(site, input.id)) throw errors.boxExists(input.id);
    input.tubes.forEach((id, i) => {
      const move = tubeStep(context.store.tubes.get(site, id), "box");
      if (!move.ok) throw tubeRefused(move.refusal, id, `$.tubes[${i}]`);
    });
    context.store.boxes.insert(site, input.id, now, account.staff);
    for (const id of input.tubes) {
      context.store.tubes.setBox(site, id, input.id);
      context.store.tubes.addCustody(site, id, { at: now, state: TUBE_STEPS.box.to, holder, box: input.id });
    }
    return view(context, site, context.store.boxes.get(site, input.id)!);
  });
}

/** A courier takes the box: every tube in it is now in transit with them. */
export function dispatchBox(context: AppContext, site: string, boxId: string, account: TokenClaims): BoxView {
  const now = context.clock.now();
  return context.store.transaction(() => {
    const box = context.store.boxes.get(site, boxId);
    if (!box) throw errors.notFound(`box "${boxId}"`);
    const move = boxStep(box.state, "dispatch");
    if (!move.ok) throw boxRefused(move.refusal, boxId);
    context.store.boxes.dispatch(site, boxId, now, account.staff);
    for (const tube of context.store.tubes.inBox(site, boxId)) {
      context.store.tubes.setState(site, tube.id, TUBE_STEPS.dispatch.to);
      context.store.tubes.addCustody(site, tube.id, { at: now, state: TUBE_STEPS.dispatch.to, holder: account.staff ?? account.role, box: boxId });
    }
    return view(context, site, context.store.boxes.get(site, boxId)!);
  });
}

/** The lab signs for a box; tubes older than the limit are named and the lead alerted. */
export function receiveBox(context: AppContext, site: string, boxId: string): BoxView {
  const scenario = context.store.sites.get(site)!.scenario;
  const now = context.clock.now();
  const result = context.store.transaction(() => {
    const box = context.store.boxes.get(site, boxId);
    if (!box) throw errors.notFound(`box "${boxId}"`);
    const move = boxStep(box.state, "receive");
    if (!move.ok) throw boxRefused(move.refusal, boxId);
    context.store.boxes.receive(site, boxId, now);
    const overAge: { tube: string; ageMinutes: number }[] = [];
    for (const tube of context.store.tubes.inBox(site, boxId)) {
      context.store.tubes.setReceived(site, tube.id, now);
      context.store.tubes.addCustody(site, tube.id, { at: now, state: TUBE_STEPS.receive.to, holder: "lab", box: boxId });
      // A tube sealed with no swab has aged since it was opened.
      const since = tube.firstSwabAt ?? tube.openedAt;
      if (isOverAge(since, now, scenario.pooling.maxTubeAgeMinutes)) overAge.push({ tube: tube.id, ageMinutes: tubeAgeMinutes(since, now) });
    }
    return { ...view(context, site, context.store.boxes.get(site, boxId)!), overAge };
  });
  if (result.overAge.length)
    context.live.alert(site, "tube-age", "box-over-age", { box: boxId, tubes: result.overAge.length, maxTubeAgeMinutes: scenario.pooling.maxTubeAgeMinutes }, {
      box: boxId,
      tubes: result.overAge,
    });
  return result;
}
