// Scenario validation (docs/api.md C1): the JSON Schema through ajv, then the checks a schema cannot
// express, so that every problem is reported at once, each with its JSON path.
import { Ajv } from "ajv";
import * as addFormatsModule from "ajv-formats";
import { ScenarioSchema, type Scenario } from "./schema.ts";
import { scenarioChecks } from "./checks.ts";
import { problemFromAjv, type Problem } from "./problems.ts";

// ajv-formats is CommonJS; under NodeNext its function arrives as the namespace's default.
const addFormats = addFormatsModule.default as unknown as (ajv: Ajv, formats: string[]) => Ajv;

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv, ["date-time"]);
const validateSchema = ajv.compile<Scenario>(ScenarioSchema);

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

/**
 * Validates anything claiming to be a scenario.
 * @example validateScenario({}).ok // false (with "$.site: is required" among the problems)
 */
export function validateScenario(input: unknown): ScenarioResult {
  if (!validateSchema(input)) {
    const seen = new Set<string>();
    const problems = (validateSchema.errors ?? []).map(problemFromAjv).filter((p) => {
      const key = `${p.path} ${p.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
    // The deeper checks still run where the data lets them, so one pass names every problem.
    return { ok: false, problems: [...problems, ...scenarioChecks(input as Scenario, { tolerant: true })] };
  }
  const problems = scenarioChecks(input);
  return problems.length ? { ok: false, problems } : { ok: true, scenario: input };
}

/** The published JSON Schema of the scenario format. */
export const scenarioJsonSchema = ScenarioSchema;
