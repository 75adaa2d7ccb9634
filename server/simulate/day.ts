// One simulated day through the public API (docs/api.md "tenfold simulate"): the lead makes the
// site and publishes a plan; residents arrive by call-up; desks fill and seal tubes; boxes go to
// the lab; results come back with one positive pool; a swap is made and someone falls unwell.
import type { Clock } from "../../shared/clock.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { ApiClient, type LiveClient } from "./client.ts";
import { randomUUID } from "node:crypto";
import { isWithin } from "../../shared/time.ts";

export interface DayOptions {
  api: ApiClient;
  leadCode: string;
  scenario: Scenario;
  /** Simulated time: the same clock the server runs on when it is in-process. */
  clock: Clock;
  /** Stop after this many wall milliseconds whatever happens. */
  wallLimitMs: number;
  log: (line: string) => void;
}

export interface DaySummary {
  site: string;
  plan: string;
  residents: number;
  swabs: number;
  tubes: number;
  boxes: number;
  results: number;
  positive?: string;
  retests: number;
  queuePushes: number;
  alerts: Record<string, number>;
  swap?: string;
  unwell?: string;
  rejected: number;
}

interface Desk {
  tube?: string;
  swabs: number;
  lastSwab: number;
}

const TICK_MS = 250;
const HEADCOUNT_EVERY_MIN = 15;
const BOX_EVERY_MIN = 60;
/** A desk seals a part-filled tube after this long without anyone to swab. */
const SEAL_IDLE_MIN = 10;

export async function simulateDay(o: DayOptions): Promise<DaySummary> {
  const { api, clock, log } = o;
  const wallEnd = Date.now() + o.wallLimitMs;
  const run = randomUUID().slice(0, 6);
  const lead = await api.login(o.leadCode);
  let scenario = o.scenario;
  let created = await api.call("POST", "/api/v1/sites", lead, scenario);
  if (created.status === 409) {
    scenario = { ...scenario, site: { ...scenario.site, id: `${scenario.site.id}-sim-${run}` } };
    created = await api.call("POST", "/api/v1/sites", lead, scenario);
  }
  if (created.status !== 201) throw new Error(`could not create the site: ${created.status} ${JSON.stringify(created.body)}`);
  const site = scenario.site.id;
  const S = `/api/v1/sites/${site}`;
  const codes = created.body.codes as { staff: Record<string, string>; lab: string };
  log(`site ${site} created with ${Object.keys(codes.staff).length} staff codes`);
  const draft = await api.must("POST", `${S}/plans`, lead);
  await api.must("POST", `${S}/plans/${draft.id}/publish`, lead);
  log(`plan ${draft.id} published: ${draft.assignments.length} assignments, ${draft.gaps.length} gaps`);

  const tokens = new Map<string, string>();
  const tokenOf = async (staff: string) => tokens.get(staff) ?? (tokens.set(staff, await api.login(codes.staff[staff])), tokens.get(staff)!);
  const withRole = (role: string) => scenario.staff.find((p) => p.roles.includes(role as never))?.id ?? scenario.staff[0].id;
  const desk = await tokenOf(withRole("registrar"));
  const marshal = await tokenOf(withRole("marshal"));
  const courier = await tokenOf(withRole("courier"));
  const lab = await api.login(codes.lab);

  const summary: DaySummary = { site, plan: draft.id, residents: 0, swabs: 0, tubes: 0, boxes: 0, results: 0, retests: 0, queuePushes: 0, alerts: {}, rejected: 0 };
  const sockets: LiveClient[] = [];
  const resident = await api.socket();
  sockets.push(resident);
  resident.on("queue", () => summary.queuePushes++);
  await resident.emitWithAck("queue:subscribe", { site });
  const leadSocket = await api.socket(lead);
  sockets.push(leadSocket);
  leadSocket.on("alert", (a) => {
    summary.alerts[a.kind] = (summary.alerts[a.kind] ?? 0) + 1;
    log(`alert ${a.kind}: ${a.message}`);
  });

  // Arrivals: each building's attending residents spread over its call-up (or over the windows).
  const arrivals = new Map<string, number[]>();
  const windows = scenario.windows.map((w) => ({ start: Date.parse(w.start), end: Date.parse(w.end) }));
  const callups = draft.callups.length ? draft.callups : scenario.buildings.map((b) => ({ building: b.id, point: b.point, residents: b.residents, ...scenario.windows[0] }));
  for (const c of callups as { point: string; residents: number; start: string; end: string }[]) {
    const n = Math.round(c.residents * scenario.service.attendance);
    const s = Date.parse(c.start);
    const span = Date.parse(c.end) - s;
    const list = arrivals.get(c.point) ?? [];
    for (let i = 0; i < n; i++) list.push(s + (span * (i + 0.5)) / n);
    arrivals.set(c.point, list);
    summary.residents += n;
  }
  for (const list of arrivals.values()) list.sort((a, b) => a - b);

  const dayEnd = Math.max(...windows.map((w) => w.end));
  const points = scenario.points.filter((p) => p.desks > 0);
  const waiting = new Map(points.map((p) => [p.id, [] as string[]]));
  const arrived = new Map(points.map((p) => [p.id, 0]));
  const credit = new Map(points.map((p) => [p.id, 0]));
  const desks = new Map(points.map((p) => [p.id, Array.from({ length: p.desks }, (): Desk => ({ swabs: 0, lastSwab: 0 }))]));
  const sealed: string[] = [];
  const inTransit: { box: string; tubes: string[]; at: number }[] = [];
  const atLab: { tubes: string[]; at: number }[] = [];
  let eventNo = 0;
  let tubeNo = 0;
  let last = clock.now();
  let lastHeadcount = last;
  let lastBox = last;
  let swapDone = false;
  let unwellDone = false;
  const poolSize = scenario.pooling.poolSize;
  const iso = (ms: number) => new Date(ms).toISOString();
  const open = (ms: number) => windows.some((w) => isWithin(ms, w));

  const send = async (events: unknown[]) => {
    for (let i = 0; i < events.length; i += 50) {
      const r = await api.must("POST", `${S}/desk-events`, desk, { events: events.slice(i, i + 50) });
      for (const x of r.results) {
        if (x.status !== "rejected") continue;
        summary.rejected++;
        // The server bounds desk times by its own clock; a simulated day runs ahead of it.
        if (x.error?.path?.endsWith(".at") && /ahead of the server's clock|before the server's clock/.test(x.error.message))
          throw new Error(
            `the server refuses the simulated desk times (${x.error.message}); start it with TENFOLD_DESK_MAX_AHEAD_MINUTES=2880 to let a simulated day run ahead of its clock`,
          );
      }
    }
  };

  try {
    while (Date.now() < wallEnd) {
      await new Promise((r) => setTimeout(r, TICK_MS));
      const now = clock.now();
      const events: unknown[] = [];
      for (const p of points) {
        const list = arrivals.get(p.id) ?? [];
        let k = arrived.get(p.id)!;
        let came = 0;
        while (k < list.length && list[k] <= now) waiting.get(p.id)!.push(`${p.id}-${run}-${k++}`), came++;
        arrived.set(p.id, k);
        if (came) await api.must("POST", `${S}/points/${p.id}/queue`, marshal, { arrivals: came });
        const crew = desks.get(p.id)!;
        // A tube is sealed short when the line has run dry a while, or at closing (docs/domain.md:
        // never over the pool size, sometimes under).
        for (const [i, slot] of crew.entries())
          if (slot.tube && (!open(now) || now - slot.lastSwab >= SEAL_IDLE_MIN * 60_000)) {
            events.push({ id: `${run}-${++eventNo}`, type: "tube.seal", at: iso(now), point: p.id, desk: i + 1, tube: slot.tube });
            sealed.push(slot.tube);
            slot.tube = undefined;
          }
        if (!open(now)) continue;
        // Each desk swabs one person per swabSeconds while anyone waits.
        let can = credit.get(p.id)! + ((now - last) / 1000 / scenario.service.swabSeconds) * p.desks;
        const line = waiting.get(p.id)!;
        let d = 0;
        while (can >= 1 && line.length) {
          const who = line.shift()!;
          const deskNo = (d++ % crew.length) + 1;
          const slot = crew[deskNo - 1];
          if (!slot.tube) {
            slot.tube = `${run}-T${++tubeNo}`;
            slot.swabs = 0;
            events.push({ id: `${run}-${++eventNo}`, type: "tube.open", at: iso(now), point: p.id, desk: deskNo, tube: slot.tube });
          }
          events.push({ id: `${run}-${++eventNo}`, type: "swab", at: iso(now), point: p.id, desk: deskNo, tube: slot.tube, resident: who });
          summary.swabs++;
          slot.lastSwab = now;
          if (++slot.swabs === poolSize) {
            events.push({ id: `${run}-${++eventNo}`, type: "tube.seal", at: iso(now), point: p.id, desk: deskNo, tube: slot.tube });
            sealed.push(slot.tube);
            slot.tube = undefined;
          }
          can -= 1;
        }
        credit.set(p.id, line.length ? can : 0);
        if (now - lastHeadcount >= HEADCOUNT_EVERY_MIN * 60_000)
          await api.must("POST", `${S}/points/${p.id}/queue`, marshal, { headcount: line.length });
      }
      if (now - lastHeadcount >= HEADCOUNT_EVERY_MIN * 60_000) lastHeadcount = now;
      await send(events);
      summary.tubes = tubeNo;

      if ((now - lastBox >= BOX_EVERY_MIN * 60_000 || now > dayEnd) && sealed.length) {
        lastBox = now;
        const tubes = sealed.splice(0, scenario.pooling.boxCapacity);
        const box = `${run}-B${++summary.boxes}`;
        await api.must("POST", `${S}/boxes`, desk, { id: box, tubes });
        await api.must("POST", `${S}/boxes/${box}/dispatch`, courier);
        inTransit.push({ box, tubes, at: now + scenario.pooling.labTravelMinutes * 60_000 });
      }
      while (inTransit.length && inTransit[0].at <= now) {
        const trip = inTransit.shift()!;
        await api.must("POST", `${S}/boxes/${trip.box}/receive`, lab);
        atLab.push({ tubes: trip.tubes, at: now + 30 * 60_000 });
      }
      while (atLab.length && atLab[0].at <= now) {
        for (const tube of atLab.shift()!.tubes) {
          const positive = !summary.positive && summary.results >= 40;
          const r = await api.must("POST", `${S}/results`, lab, { tube, result: positive ? "positive" : "negative" });
          if (positive) {
            summary.positive = tube;
            summary.retests = r.retests.length;
          }
          summary.results++;
        }
      }

      const progress = (now - windows[0].start) / (dayEnd - windows[0].start);
      if (!swapDone && progress > 0.3) {
        swapDone = true;
        summary.swap = await trySwap(api, S, lead, tokenOf, scenario, now);
        log(summary.swap ?? "no swap could be made");
      }
      if (!unwellDone && progress > 0.5) {
        unwellDone = true;
        const plan = await api.must("GET", `${S}/plans/current`, lead);
        // Someone at a desk now, or else the next one due at a desk.
        const desks = plan.assignments.filter((a: any) => a.activity === "desk" && now < Date.parse(a.end));
        desks.sort((a: any, b: any) => Date.parse(a.start) - Date.parse(b.start));
        const onDesk = desks[0];
        if (onDesk) {
          const repair = await api.must("POST", `${S}/staff/${onDesk.staff}/unwell`, lead, { reason: "dizzy in the heat" });
          summary.unwell = `${onDesk.staff} unwell: relieved by ${repair.called.join(", ") || "nobody"}, ${repair.gaps.length} gap(s)`;
          log(summary.unwell);
        }
      }
      last = now;
      // After closing, whoever still waits is turned away; the day ends when the lab is done.
      const desksEmpty = [...desks.values()].every((crew) => crew.every((d) => !d.tube));
      if (now > dayEnd && desksEmpty && !sealed.length && !inTransit.length && !atLab.length) break;
    }
  } finally {
    for (const s of sockets) s.close();
  }
  return summary;
}

/** Offers future desk assignments to others until the rules allow one; then accept and approve. */
async function trySwap(api: ApiClient, S: string, lead: string, tokenOf: (staff: string) => Promise<string>, scenario: Scenario, now: number): Promise<string | undefined> {
  const plan = await api.must("GET", `${S}/plans/current`, lead);
  const future = plan.assignments.filter((a: any) => a.activity === "desk" && Date.parse(a.start) > now).slice(0, 20);
  let refused = 0;
  for (const a of future)
    for (const p of scenario.staff.filter((x) => x.id !== a.staff && x.roles.includes(a.role)).slice(0, 4)) {
      const r = await api.call("POST", `${S}/swaps`, await tokenOf(a.staff), { assignment: a.id, to: p.id });
      if (r.status === 409) refused++;
      if (r.status !== 201) continue;
      await api.must("POST", `${S}/swaps/${r.body.id}/accept`, await tokenOf(p.id));
      const done = await api.call("POST", `${S}/swaps/${r.body.id}/approve`, lead);
      if (done.status === 200) return `swap ${r.body.id}: ${a.id} from ${a.staff} to ${p.id} approved (${refused} refused by the rules first)`;
    }
  return undefined;
}
