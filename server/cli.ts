// The command line (docs/api.md "Command line"): check, plan, serve, simulate, backup, restore.
import { readFileSync } from "node:fs";
import { validateScenario } from "../shared/scenario/validate.ts";
import { formatProblems } from "../shared/scenario/problems.ts";
import { scenarioWarnings } from "../shared/scenario/warnings.ts";
import type { Scenario } from "../shared/scenario/schema.ts";

const USAGE = `usage:
  tenfold check SCENARIO.json              validate a scenario (exit 0, with any warnings, or 2 with every problem)
  tenfold plan SCENARIO.json               print the day's plan as JSON
  tenfold serve                            start the server (settings from the environment)
  tenfold simulate SCENARIO.json --speed N drive a day through a running server
  tenfold backup FILE                      copy the store (TENFOLD_DB) to FILE, safe while serving
  tenfold restore FILE [--force]           put a backup in place of the store (server stopped)
  tenfold codes rotate lead                a new lead code; the old one and its sign-ins end
  tenfold codes rotate SITE lab|STAFF      a new code for a site's lab or one staff member`;

/** Exit codes: 0 done, 2 the input is invalid or the command is misused, 1 anything else. */
export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case "check": {
      const scenario = readScenario(rest[0]);
      if (!scenario) return 2;
      process.stdout.write(`${rest[0]}: a valid scenario (${scenario.points.length} points, ${scenario.buildings.length} buildings, ${scenario.staff.length} staff)\n`);
      for (const w of scenarioWarnings(scenario)) process.stdout.write(`warning: ${w.path}: ${w.message}\n`);
      return 0;
    }
    case "plan": {
      const scenario = readScenario(rest[0]);
      if (!scenario) return 2;
      const { makePlan } = await import("../shared/plan/make.ts");
      process.stdout.write(JSON.stringify(makePlan(scenario), null, 1) + "\n");
      return 0;
    }
    case "serve": {
      const { serve } = await import("./main.ts");
      const { ConfigError } = await import("./config.ts");
      try {
        await serve(process.env);
      } catch (err) {
        // A setting that cannot work (e.g. a lead code of 5 characters): say which, exit 2.
        if (!(err instanceof ConfigError)) throw err;
        process.stderr.write(`tenfold: ${err.message}\n`);
        return 2;
      }
      return 0;
    }
    case "codes":
      return codesCommand(rest);
    case "simulate": {
      const { simulateCommand } = await import("./simulate/command.ts");
      return simulateCommand(rest);
    }
    case "backup":
    case "restore": {
      const { backupCommand, restoreCommand } = await import("./store/backup-command.ts");
      return command === "backup" ? backupCommand(rest) : restoreCommand(rest);
    }
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(USAGE + "\n");
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`tenfold: unknown command "${command}"\n${USAGE}\n`);
      return 2;
  }
}

/**
 * `tenfold codes rotate …` on the store TENFOLD_DB names (a running server sees it at the next
 * request): prints the new code once. A rotated lead code stays until TENFOLD_LEAD_CODE changes.
 */
async function codesCommand(args: string[]): Promise<number> {
  const [verb, first, second, ...extra] = args;
  const lead = first === "lead" && second === undefined;
  if (verb !== "rotate" || !first || extra.length || (!lead && !second)) {
    process.stderr.write(`tenfold: codes rotate lead | codes rotate SITE lab|STAFF\n${USAGE}\n`);
    return 2;
  }
  const { configFromEnv } = await import("./config.ts");
  const { openStore } = await import("./store/index.ts");
  const { rotateLead, rotateSiteCode } = await import("./services/codes.ts");
  const { TenfoldError } = await import("./errors.ts");
  let store;
  try {
    store = openStore(configFromEnv(process.env).db);
  } catch (err) {
    process.stderr.write(`tenfold: ${(err as Error).message}\n`);
    return 2;
  }
  try {
    const rotated = lead ? rotateLead(store, Date.now()) : rotateSiteCode(store, first, second!, Date.now());
    const who = rotated.role === "lead" ? "lead" : `${rotated.site} ${rotated.staff ?? "lab"}`;
    process.stdout.write(`new code for ${who}: ${rotated.code}   (shown once: note it now; the old code and its sign-ins have ended)\n`);
    return 0;
  } catch (err) {
    if (err instanceof TenfoldError) {
      process.stderr.write(`tenfold: ${err.message}\n`);
      return 2;
    }
    throw err;
  } finally {
    store.close();
  }
}

/** Reads and validates a scenario file; on failure prints every problem to stderr. */
function readScenario(path: string | undefined): Scenario | undefined {
  if (!path) {
    process.stderr.write(`tenfold: name a scenario file\n${USAGE}\n`);
    return undefined;
  }
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    process.stderr.write(`${path}: cannot read it as JSON: ${(err as Error).message}\n`);
    return undefined;
  }
  const result = validateScenario(input);
  if (result.ok) return result.scenario;
  process.stderr.write(`${path}: ${result.problems.length} problem(s)\n${formatProblems(result.problems)}\n`);
  return undefined;
}
