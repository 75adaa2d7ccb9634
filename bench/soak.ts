// `npm run soak` (docs/reliability.md): a whole simulated day at 60× against a real server in a child process,
// on a temp SQLite file: the simulator (server/simulate/day.ts) drives every desk of the example
// site through the public API while a crowd of residents' sockets follows the queues. Reports the
// server's memory (RSS sampled every few seconds) and fails on any error-level line in its log.
//
//   npm run soak -- [--speed 60] [--scenario examples/yiyuan.json] [--sockets 200] [--out soak.json]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { io as connect, type Socket } from "socket.io-client";
import { startChild } from "../test/support/child.ts";
import { ApiClient } from "../server/simulate/client.ts";
import { simulateDay } from "../server/simulate/day.ts";
import { validateScenario } from "../shared/scenario/validate.ts";
import { EXAMPLE_SCENARIO } from "../server/bootstrap.ts";
import type { Clock } from "../shared/clock.ts";

const LEAD = "SOAKLEADCODE";
const SAMPLE_MS = 5000;

interface Args {
  speed: number;
  scenario: string;
  sockets: number;
  out?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { speed: 60, scenario: EXAMPLE_SCENARIO, sockets: 200 };
  for (let i = 0; i < argv.length; i++) {
    const value = () => argv[++i];
    if (argv[i] === "--speed") args.speed = Number(value());
    else if (argv[i] === "--scenario") args.scenario = value();
    else if (argv[i] === "--sockets") args.sockets = Number(value());
    else if (argv[i] === "--out") args.out = value();
    else throw new Error(`unknown option ${argv[i]}; usage: npm run soak -- [--speed 60] [--scenario FILE] [--sockets 200] [--out FILE]`);
  }
  if (!(args.speed >= 1 && args.speed <= 10_000)) throw new Error("--speed must be a number from 1 to 10000");
  if (!(Number.isInteger(args.sockets) && args.sockets >= 0)) throw new Error("--sockets must be a whole number");
  return args;
}

/** The resident set size of a process, in MB, from /proc (Linux); undefined elsewhere. */
function rssMB(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Math.round(Number(kb) / 102.4) / 10 : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const checked = validateScenario(JSON.parse(readFileSync(args.scenario, "utf8")));
  if (!checked.ok) throw new Error(`${args.scenario} is not a valid scenario`);
  const scenario = checked.scenario;
  const starts = scenario.windows.map((w) => Date.parse(w.start));
  const ends = scenario.windows.map((w) => Date.parse(w.end));
  const dayStart = Math.min(...starts) - 15 * 60_000;
  // Until the last results are back: closing, the last box's trip, the lab's half hour, and slack.
  const dayMinutes = (Math.max(...ends) - dayStart) / 60_000 + scenario.pooling.labTravelMinutes + 90;
  const wallLimitMs = (dayMinutes / args.speed + 1) * 60_000;

  const dir = mkdtempSync(join(tmpdir(), "tenfold-soak-"));
  const wall0 = Date.now() + 2000;
  const clock: Clock = { now: () => dayStart + (Date.now() - wall0) * args.speed };
  const levels: Record<string, number> = {};
  const errorLines: string[] = [];
  const log = (line: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  const child = await startChild({
    db: join(dir, "tenfold.db"),
    leadCode: LEAD,
    logLevel: "info",
    entry: fileURLToPath(new URL("./soak-server.ts", import.meta.url)),
    env: { SOAK_START: String(dayStart), SOAK_WALL0: String(wall0), SOAK_SPEED: String(args.speed) },
    onLine: (line) => {
      const level = /^\{"level":(\d+)/.exec(line)?.[1];
      const name = level ? ({ 10: "trace", 20: "debug", 30: "info", 40: "warn", 50: "error", 60: "fatal" } as Record<string, string>)[level] ?? level : "text";
      levels[name] = (levels[name] ?? 0) + 1;
      if (name === "error" || name === "fatal" || (name === "text" && /error/i.test(line))) errorLines.push(line);
    },
  });
  const pid = child.process.pid!;
  log(`server ${child.base} (pid ${pid}, clock ×${args.speed}); the day runs about ${Math.round(wallLimitMs / 60_000)} wall minutes at most`);

  const samples: { wallS: number; simulated: string; rssMB: number }[] = [];
  const t0 = Date.now();
  const sample = () => {
    const mb = rssMB(pid);
    if (mb !== undefined) samples.push({ wallS: Math.round((Date.now() - t0) / 1000), simulated: new Date(clock.now()).toISOString(), rssMB: mb });
  };
  sample();
  const sampler = setInterval(sample, SAMPLE_MS);

  // A crowd of residents' pages following the queues, as the resident board does.
  const site = scenario.site.id;
  const crowd: Socket[] = [];
  let pushes = 0;
  const api = new ApiClient(child.base);
  let summary: unknown;
  let failure: string | undefined;
  try {
    const crowdReady = (async () => {
      // The site exists once the simulator made it; subscribe then.
      for (let i = 0; i < 600 && (await api.call("GET", `/api/v1/queue?site=${site}`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 100));
      for (let i = 0; i < args.sockets; i++) {
        const s = connect(child.base, { transports: ["websocket"], forceNew: true });
        s.on("connect", () => s.emit("queue:subscribe", { site }));
        s.on("queue", () => pushes++);
        crowd.push(s);
      }
    })();
    summary = await simulateDay({ api, leadCode: LEAD, scenario, clock, wallLimitMs, log });
    await crowdReady;
  } catch (err) {
    failure = (err as Error).stack ?? String(err);
  } finally {
    clearInterval(sampler);
    sample();
    for (const s of crowd) s.close();
  }
  const stopped = Date.now();
  await child.stop();
  const exitCode = child.process.exitCode;
  rmSync(dir, { recursive: true, force: true });

  // Growth after warm-up: the first sample once the plan is published and sockets are in.
  const warm = samples.find((s) => s.wallS >= 30) ?? samples[0];
  const last = samples.at(-1)!;
  const report = {
    date: new Date().toISOString(),
    speed: args.speed,
    scenario: args.scenario,
    wallMinutes: Math.round((stopped - t0) / 600) / 100,
    simulated: { from: new Date(dayStart).toISOString(), to: new Date(clock.now()).toISOString() },
    day: summary,
    residentSockets: args.sockets,
    residentPushes: pushes,
    rssMB: {
      first: samples[0]?.rssMB,
      afterWarmUp: warm?.rssMB,
      peak: Math.max(...samples.map((s) => s.rssMB)),
      last: last?.rssMB,
      growthAfterWarmUp: warm && last ? Math.round((last.rssMB - warm.rssMB) * 10) / 10 : undefined,
      samples: samples.length,
    },
    logLines: levels,
    errorLines: errorLines.slice(0, 20),
    serverExit: exitCode,
    failure,
  };
  const text = JSON.stringify(report, null, 1);
  process.stdout.write(text + "\n");
  if (args.out) writeFileSync(args.out, text + "\n");
  const ok = !failure && errorLines.length === 0 && exitCode === 0 && (summary as { rejected?: number } | undefined)?.rejected === 0;
  log(ok ? "soak passed" : "soak FAILED");
  return ok ? 0 : 1;
}

process.exitCode = await main().catch((err) => {
  process.stderr.write(`soak: ${(err as Error).message}\n`);
  return 2;
});
