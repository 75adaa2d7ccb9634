// Every `@example` in shared/, server/ and client/ runs and shows what the function returns (the
// convention: test/support/examples.ts). Examples may name the example site's fixtures below.
import { expect } from "chai";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { evaluate, examplesOf, expectedValue, mismatch } from "./support/examples.ts";
import { fixtures } from "./support/example-fixtures.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []))
    .sort();
}

const files = ["shared", "server", "client"]
  .flatMap((dir) => sources(join(ROOT, dir)))
  .filter((f) => readFileSync(f, "utf8").includes("@example"));

describe("the @examples in shared/, server/ and client/", function () {
  this.timeout(60_000);
  let scope: Record<string, unknown>;
  before(async () => {
    scope = await fixtures();
  });

  it("reads a one-line example, a note and a block example", () => {
    const text = ["/**", " * @example f(1) // 2 (a note)", " * @example", " * // a caption", " * g(", " *   3) // [3]", " */"].join("\n");
    expect(examplesOf("x.ts", text).map(({ expression, expected }) => [expression, expected])).to.deep.equal([
      ["f(1)", "2 (a note)"],
      ["g( 3)", "[3]"],
    ]);
    expect(expectedValue("2 (a note)", {})).to.equal(2);
    expect(mismatch(0.19562, 0.1956)).to.equal(undefined);
    expect(mismatch({ a: 1, b: 2 }, { a: 1 })).to.equal(undefined);
    expect(mismatch([1, 2], [1])).to.be.a("string");
  });

  for (const file of files) {
    describe(relative(ROOT, file), () => {
      for (const example of examplesOf(file)) {
        it(`line ${example.line}: ${example.expression}${example.expected ? ` // ${example.expected}` : ""}`, async () => {
          const exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
          const names = { ...scope, ...exports };
          const actual = evaluate(example.expression, names);
          expect(example.expected, "an example shows what it returns: `expr // expected`").to.be.a("string");
          const problem = mismatch(actual, expectedValue(example.expected!, names));
          expect(problem, problem).to.equal(undefined);
        });
      }
    });
  }
});
