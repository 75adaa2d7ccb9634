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
  tenfold restore FILE [--force]           put a backup in place of the store (server stopped)`;

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
      await serve(process.env);
      return 0;
    }
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
