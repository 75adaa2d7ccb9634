// A problem found in an input: where (a JSON path such as `$.points[1].desks`) and what, in words a
// site lead understands. Shared by the scenario checks and the server's input validation.
import type { ErrorObject } from "ajv";

export interface Problem {
  path: string;
  message: string;
}

/**
 * A JSON path from its parts.
 * @example jsonPath(["points", 1, "desks"]) // "$.points[1].desks"
 */
export function jsonPath(parts: readonly (string | number)[]): string {
  return parts.reduce<string>(
    (path, part) =>
      typeof part === "number"
        ? `${path}[${part}]`
        : /^[A-Za-z_$][\w$]*$/.test(part)
          ? `${path}.${part}`
          : `${path}[${JSON.stringify(part)}]`,
    "$",
  );
}

/** Parts of a JSON Pointer as ajv reports it (`/points/1/desks`), array indexes as numbers. */
function pointerParts(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split("/")
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** One ajv error as a problem: the path names the field itself, also when it is missing or unknown. */
export function problemFromAjv(error: ErrorObject): Problem {
  const parts = pointerParts(error.instancePath);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return { path: jsonPath([...parts, String(p.missingProperty)]), message: "is required" };
    case "additionalProperties":
      return {
        path: jsonPath([...parts, String(p.additionalProperty)]),
        message: "is not a known field (check the spelling)",
      };
    case "enum":
      return {
        path: jsonPath(parts),
        message: `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`,
      };
    case "format":
      return {
        path: jsonPath(parts),
        message:
          p.format === "date-time"
            ? 'must be an ISO 8601 time with its offset, e.g. "2021-08-03T07:00:00+08:00"'
            : `must be a valid ${String(p.format)}`,
      };
    case "type":
      return { path: jsonPath(parts), message: `must be ${aOrAn(String(p.type))}` };
    default:
      return { path: jsonPath(parts), message: error.message ?? "is not valid" };
  }
}

function aOrAn(type: string): string {
  const words: Record<string, string> = {
    object: "an object",
    array: "a list",
    string: "text",
    number: "a number",
    integer: "a whole number",
    boolean: "true or false",
  };
  return words[type] ?? type;
}

/** Problems as lines for a terminal: `$.points[1].desks: must be >= 0`. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join("\n");
}
