// `tenfold simulate SCENARIO.json --speed N [--url URL] [--code LEADCODE]`: drives a day through
// the real HTTP and Socket.IO API. Without --url it starts its own server on loopback with a clock
// running N times fast from the day's start; with --url it drives a running server (loopback only).
import { readFileSync } from "node:fs";
import { pino } from "pino";
import { validateScenario } from "../../shared/scenario/validate.ts";
import { formatProblems } from "../../shared/scenario/problems.ts";
import { createApp } from "../app.ts";
import { openStore } from "../store/index.ts";
import { bootstrap } from "../bootstrap.ts";
import { ScaledClock } from "./clock.ts";
import { ApiClient } from "./client.ts";
import { simulateDay } from "./day.ts";

const USAGE = "usage: tenfold simulate SCENARIO.json [--speed 60] [--url http://localhost:3000 --code LEADCODE] [--max-minutes M]";
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

interface Args {
  file?: string;
  speed: number;
  url?: string;
  code?: string;
  maxMinutes?: number;
}

function parse(args: string[]): Args | string {
  const out: Args = { speed: 60 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => args[++i];
    if (a === "--speed") out.speed = Number(value());
    else if (a === "--url") out.url = value();
    else if (a === "--code") out.code = value();
    else if (a === "--max-minutes") out.maxMinutes = Number(value());
    else if (a.startsWith("--")) return `unknown option ${a}`;
    else if (!out.file) out.file = a;
    else return `unexpected argument ${a}`;
  }
  if (!out.file) return "name a scenario file";
  if (!Number.isFinite(out.speed) || out.speed < 1 || out.speed > 10_000) return "--speed must be a number from 1 to 10000";
  if (out.maxMinutes !== undefined && !(out.maxMinutes > 0)) return "--max-minutes must be a positive number";
  if (out.url) {
    let host: string;
    try {
      host = new URL(out.url).hostname;
    } catch {
      return `--url "${out.url}" is not a URL`;
    }
    if (!LOOPBACK.has(host)) return `--url must be on this machine (localhost), not ${host}: the simulator writes a whole day of data`;
  }
  return out;
}

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

const TERMINAL: Output = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

export async function simulateCommand(argv: string[], output: Output = TERMINAL): Promise<number> {
  const args = parse(argv);
  if (typeof args === "string") {
    output.err(`tenfold simulate: ${args}\n${USAGE}\n`);
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(args.file!, "utf8"));
  } catch (err) {
    output.err(`${args.file}: cannot read it as JSON: ${(err as Error).message}\n`);
    return 2;
  }
  const checked = validateScenario(input);
  if (!checked.ok) {
    output.err(`${args.file}: ${checked.problems.length} problem(s)\n${formatProblems(checked.problems)}\n`);
    return 2;
  }
  let scenario = checked.scenario;
  const starts = scenario.windows.map((w) => Date.parse(w.start));
  const ends = scenario.windows.map((w) => Date.parse(w.end));
  const dayStart = Math.min(...starts) - 15 * 60_000;
  const dayMinutes = (Math.max(...ends) - dayStart) / 60_000 + scenario.pooling.labTravelMinutes + 90;
  const wallLimitMs = (args.maxMinutes ?? dayMinutes / args.speed + 1) * 60_000;
  const log = (line: string) => output.out(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);

  let close = async () => {};
  let api: ApiClient;
  let leadCode = args.code ?? process.env.TENFOLD_LEAD_CODE;
  let clock: ScaledClock;
  if (args.url) {
    if (!leadCode) {
      output.err("tenfold simulate: give the lead's code with --code or TENFOLD_LEAD_CODE to drive a running server\n");
      return 2;
    }
    // A running server keeps wall time: the scenario is moved to start now, desks report fast time.
    const shift = Date.now() - dayStart;
    scenario = shiftScenario(scenario, shift);
    clock = new ScaledClock(dayStart + shift, args.speed);
    api = new ApiClient(args.url.replace(/\/$/, ""));
  } else {
    clock = new ScaledClock(dayStart, args.speed);
    const store = openStore(":memory:");
    leadCode ??= "SIMULATORLEAD";
    bootstrap(store, { leadCode, seed: false }, clock.now());
    // Sign-ins last the whole simulated day: the clock runs fast, the tokens' expiry with it.
    const tenfold = createApp({ store, clock, logger: pino({ level: "warn" }), config: { tokenTtlSeconds: 48 * 3600 } });
    // Its own server runs on the simulated clock, so the desks' times are inside its window.
    const port = await tenfold.listen(Number(process.env.PORT ?? 0), "127.0.0.1");
    api = new ApiClient(`http://127.0.0.1:${port}`);
    log(`server at ${api.base} (clock ×${args.speed}; lead code ${leadCode}); open ${api.base}/?site=${scenario.site.id} to watch`);
    close = () => tenfold.close();
  }
  try {
    const summary = await simulateDay({ api, leadCode, scenario, clock, wallLimitMs, log });
    output.out(JSON.stringify(summary, null, 1) + "\n");
    return 0;
  } catch (err) {
    output.err(`tenfold simulate: ${(err as Error).message}\n`);
    return 1;
  } finally {
    await close();
  }
}

/** The same scenario `ms` later: every instant in it moved. */
function shiftScenario<T>(value: T, ms: number): T {
  if (typeof value === "string" && /^\d{4}-\d\d-\d\dT/.test(value)) {
    const t = Date.parse(value);
    return (Number.isNaN(t) ? value : new Date(t + ms).toISOString()) as T;
  }
  if (Array.isArray(value)) return value.map((v) => shiftScenario(v, ms)) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftScenario(v, ms)])) as T;
  return value;
}
