// "My building" on the resident page, in a real browser (docs/api.md C14): chosen once and kept on
// the phone, its point and call-up window, a poster's QR address opening it directly, clear
// messages for an unknown site, point or building, and the page's scripts and styles within 30 KB
// on the wire.
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { LEAD_CODE, login, publishExamplePlan, startServer, type TestServer } from "./support/server.ts";

const CHROMIUM = process.env.TENFOLD_CHROMIUM ?? "/usr/bin/chromium";
const BUILD = fileURLToPath(new URL("../client/build.mjs", import.meta.url));

describe("my building on the resident page", function () {
  this.timeout(90_000);
  let t: TestServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}; install it (apt-get install -y chromium) or set TENFOLD_CHROMIUM`);
    execFileSync(process.execPath, [BUILD], { stdio: "ignore" });
    t = await startServer({ at: "2021-08-03T06:30:00+08:00" });
    await publishExamplePlan(t, await login(t.base, LEAD_CODE));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: "America/Los_Angeles" })).newPage();
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it("opens a poster's building address with its point and call-up, in the site's time", async () => {
    const b01 = t.scenario.buildings.find((b) => b.id === "b01")!;
    const point = t.scenario.points.find((p) => p.id === b01.point)!;
    await page.goto(`${t.base}/?site=yiyuan&building=b01`);
    await page.waitForSelector(".card.mine");
    expect(await page.inputValue("#my-building")).to.equal("b01");
    expect(await page.textContent(".card.mine h2")).to.equal(b01.name);
    expect(await page.textContent(".mine-point")).to.contain(point.name);
    expect(await page.textContent(".mine-window")).to.match(/本楼采样时间：08\/03 \d\d:\d\d–\d\d:\d\d/);
  });

  it("keeps the building chosen on the phone across visits", async () => {
    await page.goto(`${t.base}/?site=yiyuan`);
    await page.waitForSelector(".card.mine");
    expect(await page.inputValue("#my-building")).to.equal("b01");
    await page.selectOption("#my-building", "b09");
    await page.reload();
    await page.waitForSelector(".card.mine[data-building=b09]");
    expect(await page.inputValue("#my-building")).to.equal("b09");
  });

  it("says so for an unknown building, point or site, and still shows the board", async () => {
    await page.goto(`${t.base}/?site=yiyuan&building=zz9`);
    await page.waitForSelector("#mine .note.warn");
    expect(await page.textContent("#mine .note.warn")).to.contain("zz9");
    await page.goto(`${t.base}/?site=yiyuan&point=nowhere`);
    await page.waitForFunction(() => (document.getElementById("note")?.textContent ?? "").includes("nowhere"));
    expect(await page.locator("li.point").count()).to.equal(t.scenario.points.length);
    await page.goto(`${t.base}/?site=atlantis`);
    await page.waitForFunction(() => (document.getElementById("note")?.textContent ?? "").includes("atlantis"));
  });

  it("puts the point a poster names first", async () => {
    await page.goto(`${t.base}/?site=yiyuan&point=south-gate`);
    await page.waitForSelector("li.point");
    expect(await page.locator("li.point").first().getAttribute("data-point")).to.equal("south-gate");
  });

  it("sends its scripts and styles in at most 30 KB on the wire, with no errors on the page", async () => {
    const fresh = await (await browser.newContext()).newPage();
    const sizes: Promise<number>[] = [];
    fresh.on("requestfinished", (r) => {
      if (/\.(js|css)$/.test(new URL(r.url()).pathname)) sizes.push(r.sizes().then((s) => s.responseBodySize));
    });
    await fresh.goto(`${t.base}/?site=yiyuan`, { waitUntil: "networkidle" });
    const bytes = (await Promise.all(sizes)).reduce((n, x) => n + x, 0);
    expect(sizes.length).to.be.at.least(2);
    expect(bytes).to.be.greaterThan(0).and.at.most(30 * 1024);
    expect(errors).to.deep.equal([]);
  });
});
