// Posters and the public building list (docs/api.md C14) in a real browser: one A4 page a poster,
// one QR code a page, each decoding to the resident page of its point or building; nothing personal
// in the building list; a building with no call-up says so.
import { expect } from "chai";
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import jsQRModule from "jsqr";
import { PNG } from "pngjs";
import { call, LEAD_CODE, login, publishExamplePlan, startServer, type TestServer } from "./support/server.ts";

const CHROMIUM = process.env.TENFOLD_CHROMIUM ?? "/usr/bin/chromium";
// jsqr is CommonJS whose types declare an ES default export: its function is `.default` here.
const jsQR = jsQRModule.default;

/** Pages in a PDF: its page objects (`/Type /Page`, not the `/Pages` tree). */
const pdfPages = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

/** What each poster's QR code says, read from a screenshot of it. */
async function qrTexts(page: Page): Promise<string[]> {
  const out: string[] = [];
  for (const qr of await page.locator(".poster .qr").all()) {
    const png = PNG.sync.read(await qr.screenshot());
    const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    out.push(code?.data ?? "(unreadable)");
  }
  return out;
}

describe("posters and the building list", function () {
  this.timeout(90_000);
  let t: TestServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}; install it (apt-get install -y chromium) or set TENFOLD_CHROMIUM`);
    t = await startServer({ at: "2021-08-03T06:00:00+08:00", config: { publicUrl: "https://hesuan.example.cn/" } });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it("says, before any plan is published, that no building has a time yet", async () => {
    const list = await call(t.base, "GET", "/api/v1/sites/yiyuan/buildings");
    expect(list.status).to.equal(200);
    expect(list.body).to.have.length(t.scenario.buildings.length);
    for (const b of list.body) expect(b.callups).to.deep.equal([]);
    await page.goto(`${t.base}/api/v1/sites/yiyuan/posters/buildings.html`);
    expect(await page.locator(".poster .none").count()).to.equal(t.scenario.buildings.length);
  });

  it("lists each building's point and call-ups of the published plan, and nothing personal", async () => {
    const plan = await publishExamplePlan(t, await login(t.base, LEAD_CODE));
    const list = await call(t.base, "GET", "/api/v1/sites/yiyuan/buildings");
    expect(list.status).to.equal(200);
    for (const b of list.body) {
      expect(Object.keys(b).sort()).to.deep.equal(["callups", "id", "name", "point", "residents", "sampled"]);
      const own = plan.plan?.callups ?? plan.callups;
      expect(b.callups.length, b.id).to.be.at.least(own.some((c: { building: string }) => c.building === b.id) ? 1 : 0);
    }
    const text = JSON.stringify(list.body);
    for (const s of t.scenario.staff) expect(text).not.to.contain(s.name);
    expect((await call(t.base, "GET", "/api/v1/sites/nowhere/buildings")).status).to.equal(404);
  });

  it("prints one A4 page per point, each with one QR code to that point's live line", async () => {
    await page.goto(`${t.base}/api/v1/sites/yiyuan/posters/points.html`);
    const posters = page.locator(".poster");
    expect(await posters.count()).to.equal(t.scenario.points.length);
    for (const p of await posters.all()) expect(await p.locator("svg").count()).to.equal(1);
    expect(pdfPages(await page.pdf({ format: "A4" }))).to.equal(t.scenario.points.length);
    expect(await qrTexts(page)).to.deep.equal(t.scenario.points.map((p) => `https://hesuan.example.cn/?site=yiyuan&point=${p.id}`));
    expect(await page.locator(".poster").first().textContent()).to.match(/开放时间 8月3日 \d\d:\d\d–\d\d:\d\d/);
  });

  it("prints one A4 page per building, each with its call-up and one QR code to 'my building'", async () => {
    await page.goto(`${t.base}/api/v1/sites/yiyuan/posters/buildings.html`);
    const n = t.scenario.buildings.length;
    expect(await page.locator(".poster").count()).to.equal(n);
    expect(await page.locator(".poster .none").count()).to.equal(0);
    expect(pdfPages(await page.pdf({ format: "A4" }))).to.equal(n);
    expect(await qrTexts(page)).to.deep.equal(t.scenario.buildings.map((b) => `https://hesuan.example.cn/?site=yiyuan&building=${b.id}`));
  });

  it("prints one point's buildings alone, and refuses a point the site does not have", async () => {
    const north = t.scenario.buildings.filter((b) => b.point === "north-gate").length;
    await page.goto(`${t.base}/api/v1/sites/yiyuan/posters/buildings.html?point=north-gate`);
    expect(await page.locator(".poster").count()).to.be.at.most(north + 1).and.at.least(1);
    const bad = await call(t.base, "GET", "/api/v1/sites/yiyuan/posters/buildings.html?point=nowhere");
    expect(bad.status).to.equal(404);
    expect(bad.body.error.path).to.equal("$.query.point");
  });
});
