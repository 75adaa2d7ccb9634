// One validator per input shape: TypeBox schema in, a checker out that throws 400 with every
// problem named by its JSON path (the scenario's own problem format).
import { Ajv } from "ajv";
import * as addFormatsModule from "ajv-formats";
import type { Static, TSchema } from "@sinclair/typebox";
import { problemFromAjv, type Problem } from "../../shared/scenario/problems.ts";
import { errors } from "../errors.ts";

const addFormats = addFormatsModule.default as unknown as (ajv: Ajv, formats: string[]) => Ajv;
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv, ["date-time"]);

export interface Validator<T> {
  /** The problems of an input; empty when it is valid. */
  problems(input: unknown): Problem[];
  /** The input as its type, or a 400 naming every problem. */
  parse(input: unknown): T;
}

/** Compiles a schema once. */
export function validator<S extends TSchema>(schema: S): Validator<Static<S>> {
  const check = ajv.compile(schema);
  const problems = (input: unknown): Problem[] => {
    if (check(input)) return [];
    const seen = new Set<string>();
    return (check.errors ?? []).map(problemFromAjv).filter((p) => {
      const key = `${p.path} ${p.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
  };
  return {
    problems,
    parse(input) {
      const found = problems(input);
      if (found.length) throw errors.invalidInput(found);
      return input as Static<S>;
    },
  };
}

/** Problems with a prefix path, e.g. one event's problems under `$.events[3]`. */
export function underPath(prefix: string, problems: Problem[]): Problem[] {
  return problems.map((p) => ({ path: prefix + p.path.slice(1), message: p.message }));
}
