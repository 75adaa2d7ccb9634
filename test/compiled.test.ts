// The compiled server (server/build.mjs, built at install): `tenfold` runs it without loading tsx,
// and the planner's worker threads start from the bundle too.
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const CLI = join(ROOT, "dist", "server", "cli.js");
const BIN = join(ROOT, "bin", "tenfold.mjs");
const EXAMPLE = join(ROOT, "examples", "yiyuan.json");

describe("the compiled server", () => {
  let dir: string;
  let noTsx: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "tenfold-compiled-"));
    // Loaded before anything else: any attempt to load tsx fails the run.
    noTsx = join(dir, "no-tsx.mjs");
    writeFileSync(
      noTsx,
      `import { register } from "node:module";
register("data:text/javascript," + encodeURIComponent('export async function resolve(s, c, next) { if (/^tsx(\\\\/|$)/.test(s)) throw new Error("tsx loaded: " + s); return next(s, c); }'));`,
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ["--import", noTsx, ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000, env: { ...process.env, NODE_OPTIONS: "", ...env } });

  it("is built (mocha's setup builds it, as `npm install` does)", () => {
    expect(existsSync(CLI)).to.equal(true);
  });

  it("checks the example through bin/tenfold.mjs with tsx forbidden", () => {
    const out = run([BIN, "check", EXAMPLE]);
    expect(out.status, out.stderr).to.equal(0);
    expect(out.stdout).to.contain("a valid scenario");
  });

  it("names every problem of a broken scenario, as the sources do (the validator compiled at build)", () => {
    const file = join(dir, "empty.json");
    writeFileSync(file, "{}");
    const out = run([BIN, "check", file]);
    expect(out.status).to.equal(2);
    expect(out.stderr).to.contain("$.site: is required");
  });

  it("plans the example without tsx", () => {
    const out = run([BIN, "plan", EXAMPLE]);
    expect(out.status, out.stderr).to.equal(0);
    expect(JSON.parse(out.stdout)).to.be.an("object");
  });

  it("would fail if tsx were loaded (the guard works)", () => {
    const out = run([BIN, "check", EXAMPLE], { TENFOLD_FROM_SOURCE: "1" });
    expect(out.status).to.not.equal(0);
    expect(out.stderr).to.contain("tsx loaded");
  });
});
