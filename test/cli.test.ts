import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../bin/tenfold.mjs", import.meta.url));
const EXAMPLE = fileURLToPath(new URL("../examples/yiyuan.json", import.meta.url));
const tenfold = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 60_000 });

describe("the tenfold command", () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), "tenfold-cli-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("checks the example scenario and exits 0", () => {
    const run = tenfold("check", EXAMPLE);
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.contain("valid");
  });

  it("warns, without failing, about the older flat clothing adjustment and shade reduction", () => {
    const old = JSON.parse(readFileSync(EXAMPLE, "utf8"));
    old.heat = { clothing: "coverall", clothingAdjustmentC: 6, shadeReductionC: 2, acclimatized: true };
    const file = join(dir, "old-heat.json");
    writeFileSync(file, JSON.stringify(old));
    const run = tenfold("check", file);
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.contain("valid").and.contain("warning: $.heat.clothingAdjustmentC").and.contain("warning: $.heat.shadeReductionC");
    expect(tenfold("check", EXAMPLE).stdout).to.not.contain("warning");
  });

  it("exits 2 on a broken scenario, naming every bad field by its path on stderr", () => {
    const broken = JSON.parse(readFileSync(EXAMPLE, "utf8"));
    broken.pooling.poolSize = 7;
    broken.points[1].desks = -1;
    broken.buildings[0].point = "nowhere";
    const file = join(dir, "broken.json");
    writeFileSync(file, JSON.stringify(broken));
    const run = tenfold("check", file);
    expect(run.status).to.equal(2);
    expect(run.stderr).to.contain("$.pooling.poolSize").and.contain("$.points[1].desks").and.contain("$.buildings[0].point");
  });

  it("exits 2 on a file that is not JSON", () => {
    const file = join(dir, "not.json");
    writeFileSync(file, "{ points: ");
    const run = tenfold("check", file);
    expect(run.status).to.equal(2);
    expect(run.stderr).to.contain("cannot read it as JSON");
  });

  it("refuses to plan a broken scenario, exiting 2 as check does", () => {
    const file = join(dir, "empty.json");
    writeFileSync(file, "{}");
    const run = tenfold("plan", file);
    expect(run.status).to.equal(2);
    expect(run.stderr).to.contain("$.site: is required");
  });

  it("prints the example's plan in the contract's shape", () => {
    const run = tenfold("plan", EXAMPLE);
    expect(run.status, run.stderr).to.equal(0);
    const plan = JSON.parse(run.stdout);
    expect(plan).to.include.keys("heat", "dayRule", "desks", "assignments", "callups", "forecast", "tubes", "pickups", "gaps", "summary");
    expect(plan.summary.residents).to.equal(3000);
  });

  it("says how to use it when the command is unknown", () => {
    const run = tenfold("frobnicate");
    expect(run.status).to.equal(2);
    expect(run.stderr).to.contain("usage:");
  });
});
