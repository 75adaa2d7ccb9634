// Boxes of sealed tubes (docs/api.md C6): packed at the site, dispatched with a courier, received
// by the lab; every step written to each tube's chain of custody.
import type { AppContext } from "../context.ts";
import type { TokenClaims } from "../auth/tokens.ts";
import { errors } from "../errors.ts";
import type { BoxRecord } from "../store/boxes.ts";

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
    throw errors.state("BOX_OVER_CAPACITY", `a box holds at most ${scenario.pooling.boxCapacity} tubes; this one lists ${input.tubes.length}`, "$.tubes");
  return context.store.transaction(() => {
    if (context.store.boxes.get(site, input.id)) throw errors.state("BOX_EXISTS", `box "${input.id}" exists already; label a new box`, "$.id");
    input.tubes.forEach((id, i) => {
      const tube = context.store.tubes.get(site, id);
      if (!tube) throw errors.state("TUBE_UNKNOWN", `tube "${id}" is not known at this site`, `$.tubes[${i}]`);
      if (tube.state === "open") throw errors.state("TUBE_NOT_SEALED", `tube "${id}" is still open; seal it before boxing`, `$.tubes[${i}]`);
      if (tube.state !== "sealed") throw errors.state("TUBE_BOXED", `tube "${id}" is already in box "${tube.box}"`, `$.tubes[${i}]`);
    });
    context.store.boxes.insert(site, input.id, now, account.staff);
    for (const id of input.tubes) {
      context.store.tubes.setBox(site, id, input.id);
      context.store.tubes.addCustody(site, id, { at: now, state: "boxed", holder, box: input.id });
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
    if (box.state !== "packed") throw errors.state("BOX_DISPATCHED", `box "${boxId}" was dispatched already`);
    context.store.boxes.dispatch(site, boxId, now, account.staff);
    for (const tube of context.store.tubes.inBox(site, boxId)) {
      context.store.tubes.setState(site, tube.id, "dispatched");
      context.store.tubes.addCustody(site, tube.id, { at: now, state: "dispatched", holder: account.staff ?? account.role, box: boxId });
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
    if (box.state === "received") throw errors.state("BOX_RECEIVED", `box "${boxId}" was received already`);
    if (box.state !== "dispatched") throw errors.state("BOX_NOT_DISPATCHED", `box "${boxId}" has not been dispatched; the courier dispatches it first`);
    context.store.boxes.receive(site, boxId, now);
    const overAge: { tube: string; ageMinutes: number }[] = [];
    for (const tube of context.store.tubes.inBox(site, boxId)) {
      context.store.tubes.setReceived(site, tube.id, now);
      context.store.tubes.addCustody(site, tube.id, { at: now, state: "received", holder: "lab", box: boxId });
      const age = Math.round((now - (tube.firstSwabAt ?? tube.openedAt)) / 60000);
      if (age > scenario.pooling.maxTubeAgeMinutes) overAge.push({ tube: tube.id, ageMinutes: age });
    }
    return { ...view(context, site, context.store.boxes.get(site, boxId)!), overAge };
  });
  if (result.overAge.length)
    context.live.alert(site, "tube-age", `box ${boxId} reached the lab with ${result.overAge.length} tube(s) over ${scenario.pooling.maxTubeAgeMinutes} minutes old`, {
      box: boxId,
      tubes: result.overAge,
    });
  return result;
}
