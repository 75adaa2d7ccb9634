// `tenfold simulate`: a whole day driven through the real API, bounded in time, loopback only.
import { expect } from "chai";
import { simulateCommand } from "../server/simulate/command.ts";
import { EXAMPLE_SCENARIO } from "../server/bootstrap.ts";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, output: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) } };
}

describe("the simulator", () => {
  it("refuses to drive a server that is not on this machine", async () => {
    const c = capture();
    expect(await simulateCommand([EXAMPLE_SCENARIO, "--url", "http://example.com:3000", "--code", "X"], c.output)).to.equal(2);
    expect(c.err.join("")).to.match(/must be on this machine/);
  });

  it("refuses a bad speed and a missing file with exit 2", async () => {
    expect(await simulateCommand([EXAMPLE_SCENARIO, "--speed", "fast"], capture().output)).to.equal(2);
    expect(await simulateCommand(["/nonexistent.json"], capture().output)).to.equal(2);
  });

  it("drives the example's day through its own server: swabs, tubes, boxes, results and a positive pool", async function () {
    this.timeout(90_000);
    const c = capture();
    const code = await simulateCommand([EXAMPLE_SCENARIO, "--speed", "4000", "--max-minutes", "1"], c.output);
    expect(code, c.err.join("")).to.equal(0);
    const text = c.out.join("");
    const summary = JSON.parse(text.slice(text.indexOf("\n{") + 1));
    expect(summary.swabs).to.be.greaterThan(2000);
    expect(summary.tubes).to.be.at.least(Math.ceil(summary.swabs / 10));
    expect(summary.boxes).to.be.greaterThan(0);
    expect(summary.results).to.equal(summary.tubes);
    expect(summary.positive).to.be.a("string");
    expect(summary.retests).to.be.within(1, 10);
    expect(summary.queuePushes).to.be.greaterThan(0);
    expect(summary.rejected).to.equal(0);
  });
});
