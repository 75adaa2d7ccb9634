// The three pages in a real browser (docs/api.md C9): Debian's Chromium driven by playwright-core against
// the app in-process, with screenshots of each page at phone and laptop size.
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import ExcelJS from "exceljs";
import { call, LEAD_CODE, login, MORNING, publishExamplePlan, startServer, tubeEvents, type TestServer } from "./support/server.ts";
import { publishRealPlan } from "./support/real-plan.ts";
import { checkSwap } from "../server/services/rotation-changes.ts";

const CHROMIUM = process.env.TENFOLD_CHROMIUM ?? "/usr/bin/chromium";
const ROOT = fileURLToPath(new URL("..", import.meta.url));
// Screenshots go to a temp folder; TENFOLD_DOCS_SCREENSHOTS=1 writes the README's copies in docs/.
const SHOTS = process.env.TENFOLD_DOCS_SCREENSHOTS === "1" ? join(ROOT, "docs") : join(tmpdir(), "tenfold-screenshots");
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };
// A minute with samplers at their desks in the example's plan. Was 10:00; the heat model now stops
// the shaded gate from 10:00 to 17:00 (and the open one until sunset), so no desk is open then.
const AT_WORK = "2021-08-03T09:05:00+08:00";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface Browser {
  context: BrowserContext;
  /** Console errors and uncaught exceptions of every page opened so far. */
  errors: string[];
  page(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "tenfold-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: LAPTOP,
    // A phone set to another zone: every time shown must still be the site's (Asia/Shanghai).
    timezoneId: "America/Los_Angeles",
  });
  const errors: string[] = [];
  return {
    context,
    errors,
    async page(viewport = LAPTOP) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      page.on("console", (m) => m.type() === "error" && errors.push(`${page.url()}: ${m.text()}`));
      page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function signIn(page: Page, url: string, code: string): Promise<void> {
  await page.goto(url);
  await page.fill("#code", code);
  await page.click("form.signin button[type=submit]");
  await page.waitForSelector("form.signin", { state: "detached" });
}

/** A staff member of the example site who holds the role. */
function someone(t: TestServer, role: string): string {
  return t.scenario.staff.find((s) => (s.roles as string[]).includes(role))!.id;
}

describe("the pages in a real browser", function () {
  this.timeout(90000);
  let t: TestServer;
  let browser: Browser;

  before(function () {
    // Fail, never skip: CI installs Chromium, and a page test that silently passes proves nothing.
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}; install it (apt-get install -y chromium) or set TENFOLD_CHROMIUM`);
    execFileSync(process.execPath, [join(ROOT, "client/build.mjs")], { stdio: "inherit" });
    mkdirSync(SHOTS, { recursive: true });
  });
  beforeEach(async () => {
    t = await startServer({ at: MORNING });
    browser = await openBrowser();
  });
  afterEach(async () => {
    await browser.close();
    await t.close();
  });

  it("loads every page at phone and laptop size with no console error", async () => {
    const plan = publishRealPlan(t);
    t.clock.set(AT_WORK);
    const now = t.clock.now();
    const atDesk = plan.assignments.find((a) => a.activity === "desk" && Date.parse(a.start) <= now && now < Date.parse(a.end))?.staff ?? someone(t, "sampler");
    const registrar = someone(t, "registrar");
    await call(t.base, "POST", "/api/v1/sites/yiyuan/points/north-gate/queue", { token: await login(t.base, t.codes.staff[registrar]), body: { headcount: 42 } });
    for (const [size, viewport] of [["phone", PHONE], ["laptop", LAPTOP]] as const) {
      const page = await browser.page(viewport);
      await page.goto(`${t.base}/?site=yiyuan`);
      await page.waitForSelector('.point[data-point="north-gate"] .length');
      // Each card shows its own point's line, as the public snapshot has it.
      const snapshot = (await call(t.base, "GET", "/api/v1/queue?site=yiyuan")).body.points as { point: string; length: number }[];
      for (const p of snapshot) await page.waitForSelector(`.point[data-point="${p.point}"] .length[data-length="${p.length}"]`);
      await page.screenshot({ path: join(SHOTS, `resident-${size}.png`), fullPage: size === "phone" });

      await signIn(page, `${t.base}/staff?tab=rotation`, t.codes.staff[atDesk]);
      await page.waitForSelector("#now .countdown");
      await page.screenshot({ path: join(SHOTS, `staff-${size}.png`), fullPage: size === "phone" });

      await signIn(page, `${t.base}/lead?tab=plan`, LEAD_CODE);
      await page.waitForSelector("#plan-summary");
      await page.screenshot({ path: join(SHOTS, `lead-${size}.png`) });
      await page.evaluate(() => localStorage.clear());
      await page.close();
    }
    expect(browser.errors).to.deep.equal([]);
  });

  it("shows a resident new numbers after a headcount and after swabs are posted", async () => {
    const lead = await login(t.base, LEAD_CODE);
    await publishExamplePlan(t, lead);
    t.clock.set("2021-08-03T09:00:00+08:00");
    const registrar = someone(t, "registrar");
    const token = await login(t.base, t.codes.staff[registrar]);
    const page = await browser.page(PHONE);
    await page.goto(`${t.base}/?site=yiyuan`);
    const length = page.locator('.point[data-point="north-gate"] .length');
    await length.waitFor();

    await call(t.base, "POST", "/api/v1/sites/yiyuan/points/north-gate/queue", { token, body: { headcount: 30 } });
    await page.waitForFunction(() => document.querySelector('.point[data-point="north-gate"] .length')?.getAttribute("data-length") === "30");
    expect(await length.innerText()).to.contain("30");
    expect(await page.locator('.point[data-point="north-gate"] .updated').innerText()).to.equal("更新于 09:00");

    const swabs = tubeEvents("b1", "T-0001", ["r1", "r2", "r3", "r4", "r5"], "2021-08-03T09:00:10+08:00");
    t.clock.set("2021-08-03T09:02:30+08:00");
    const sent = await call(t.base, "POST", "/api/v1/sites/yiyuan/desk-events", { token, body: { events: swabs } });
    expect(sent.body.results.map((r: { status: string }) => r.status)).to.not.include("rejected");
    await page.waitForFunction(() => Number(document.querySelector('.point[data-point="north-gate"] .length')?.getAttribute("data-length")) < 30);
    expect(browser.errors).to.deep.equal([]);
  });

  it("falls back to polling the snapshot when the live socket cannot connect", async () => {
    const lead = await login(t.base, LEAD_CODE);
    await publishExamplePlan(t, lead);
    const token = await login(t.base, t.codes.staff[someone(t, "registrar")]);
    const page = await browser.page(PHONE);
    // A network that drops WebSockets (some proxies do): the page must still follow the line.
    await page.routeWebSocket(/socket\.io/, (ws) => ws.close());
    await page.goto(`${t.base}/?site=yiyuan`);
    await page.waitForSelector('.point[data-point="north-gate"] .length');
    expect(await page.locator("#conn").innerText()).to.contain("15");
    await call(t.base, "POST", "/api/v1/sites/yiyuan/points/north-gate/queue", { token, body: { headcount: 17 } });
    await page.waitForSelector('.point[data-point="north-gate"] .length[data-length="17"]', { timeout: 25000 });
  });

  it("offers a chooser of sites, sorts points nearest first and switches to English", async () => {
    const lead = await login(t.base, LEAD_CODE);
    const second = { ...t.scenario, site: { ...t.scenario.site, id: "yiyuan-east", name: "颐苑东区" } };
    expect((await call(t.base, "POST", "/api/v1/sites", { token: lead, body: second })).status).to.equal(201);
    const page = await browser.page(PHONE);
    await page.goto(`${t.base}/`);
    await page.waitForSelector("li.site a");
    expect(await page.locator("li.site a").allInnerTexts()).to.have.length(2);

    // Standing at the south gate: it comes first, at about 0 m.
    await page.goto(`${t.base}/?site=yiyuan&lat=34.8174&lng=113.2861`);
    await page.waitForSelector(".point .dist");
    expect(await page.locator(".point").first().getAttribute("data-point")).to.equal("south-gate");
    expect(await page.locator(".point .dist").allInnerTexts()).to.deep.equal(["0 m", "390 m"]);

    await page.click("#lang");
    expect(await page.evaluate(() => document.documentElement.lang)).to.equal("en");
    expect(await page.locator("#near").innerText()).to.equal("Nearest first");
    expect(["Flowing", "Busy", "Jammed", "On break", "Closed"]).to.include(await page.locator(".point .badge").first().innerText());
    expect(browser.errors).to.deep.equal([]);
  });

  it("tells a staff member at once when they are called to a desk", async () => {
    const lead = await login(t.base, LEAD_CODE);
    await publishExamplePlan(t, lead);
    const sampler = someone(t, "sampler");
    const page = await browser.page(PHONE);
    await signIn(page, `${t.base}/staff?tab=rotation`, t.codes.staff[sampler]);
    await page.waitForFunction(() => document.querySelector("#conn")?.classList.contains("live"));
    t.tenfold.context.live.call({ site: "yiyuan", staff: sampler, point: "south-gate", desk: 2, at: new Date(t.clock.now()).toISOString(), reason: "relief", message: "take over south-gate desk 2" });
    await page.waitForSelector("#banner:not([hidden]) #call-text");
    expect(await page.locator("#call-text").innerText()).to.contain("南门停车场").and.contain("2");
    expect(browser.errors).to.deep.equal([]);
  });

  it("calls for relief from a desk and says who is coming", async () => {
    const plan = publishRealPlan(t);
    t.clock.set(AT_WORK);
    const now = t.clock.now();
    const tired = plan.assignments.find((a) => a.activity === "desk" && Date.parse(a.start) <= now && now < Date.parse(a.end))!.staff;
    const page = await browser.page(PHONE);
    await signIn(page, `${t.base}/staff?tab=rotation`, t.codes.staff[tired]);
    await page.click("#relief");
    await page.waitForSelector("#action-result.ok");
    expect(await page.locator("#action-result").innerText()).to.match(/已呼叫 \S+ 前来替换|已通知组长/);
    expect(browser.errors).to.deep.equal([]);
  });

  it("takes someone who feels unwell off the desk from their phone", async () => {
    const plan = publishRealPlan(t);
    t.clock.set(AT_WORK);
    const now = t.clock.now();
    const sick = plan.assignments.find((a) => a.activity === "desk" && Date.parse(a.start) <= now && now < Date.parse(a.end))!.staff;
    const page = await browser.page(PHONE);
    await signIn(page, `${t.base}/staff?tab=rotation`, t.codes.staff[sick]);
    page.on("dialog", (d) => void d.accept());
    await page.click("#unwell");
    await page.waitForSelector("#action-result.ok");
    const after = t.store.plans.current("yiyuan")!.plan.assignments;
    expect(after.filter((a) => a.staff === sick && a.activity === "desk" && Date.parse(a.end) > now + 60000)).to.deep.equal([]);
    expect(browser.errors).to.deep.equal([]);
  });

  it("carries a swap from one phone to a colleague's and to the lead's approval", async () => {
    const plan = publishRealPlan(t);
    // A desk shift and a colleague the rules let take it (the swap check is the project's own).
    const pair = plan.assignments
      .filter((a) => a.activity === "desk")
      .flatMap((a) => t.scenario.staff.filter((p) => p.id !== a.staff).map((p) => ({ assignment: a, to: p.id })))
      .find(({ assignment, to }) => checkSwap(t.scenario, plan.assignments, assignment.id, to).ok);
    expect(pair, "some swap the rules allow").to.not.equal(undefined);
    const { assignment, to } = pair!;

    const mine = await browser.page(PHONE);
    await signIn(mine, `${t.base}/staff?tab=rotation`, t.codes.staff[assignment.staff]);
    await mine.click("#actions details summary");
    await mine.selectOption("#swap-assignment", assignment.id);
    await mine.fill("#swap-to", to);
    await mine.click("#swap-form button[type=submit]");
    await mine.waitForSelector("#action-result.ok");
    const swap = t.store.swaps.list("yiyuan")[0];
    expect(swap).to.include({ from: assignment.staff, to, state: "proposed" });

    const theirs = await browser.page(PHONE);
    // One browser, two people: the first one's saved sign-in must not carry over.
    await theirs.goto(`${t.base}/staff`);
    await theirs.evaluate(() => localStorage.removeItem("tenfold.session.staff"));
    await signIn(theirs, `${t.base}/staff?tab=rotation`, t.codes.staff[to]);
    await theirs.click(`.offer[data-swap="${swap.id}"] button`);
    await theirs.waitForSelector("#action-result.ok");
    expect(t.store.swaps.get("yiyuan", swap.id)!.state).to.equal("accepted");

    const lead = await browser.page(LAPTOP);
    await signIn(lead, `${t.base}/lead?tab=live`, LEAD_CODE);
    await lead.click(`li[data-swap="${swap.id}"] button.primary`);
    await lead.waitForFunction((id) => !document.querySelector(`li[data-swap="${id}"] button`), swap.id);
    expect(t.store.swaps.get("yiyuan", swap.id)!.state).to.equal("approved");
    expect(t.store.plans.current("yiyuan")!.plan.assignments.find((a) => a.id === assignment.id)!.staff).to.equal(to);
    // The one who gave the shift away hears of it at once.
    await mine.waitForSelector("#banner:not([hidden])");
    expect(browser.errors).to.deep.equal([]);
  });

  it("shows the lead kept alerts, tube ages and a swap offer at once, and staff their name and the offer", async () => {
    const plan = publishRealPlan(t);
    t.clock.set("2021-08-03T09:00:00+08:00");
    const staff = await login(t.base, t.codes.staff[someone(t, "registrar")]);
    const events = [
      ...tubeEvents("late", "T-LATE", ["R-1"], "2021-08-03T05:30:00+08:00"),
      ...tubeEvents("warn", "T-WARN", ["R-2"], "2021-08-03T06:00:00+08:00", "north-gate", 2),
      ...tubeEvents("ok1", "T-OK", ["R-3"], "2021-08-03T08:50:00+08:00", "north-gate", 1, false),
      ...tubeEvents("two", "T-TWO", ["R-3"], "2021-08-03T08:51:00+08:00", "south-gate", 1, false),
    ];
    await call(t.base, "POST", "/api/v1/sites/yiyuan/desk-events", { token: staff, body: { events } });
    // Sent before the lead's page was open: listed all the same.
    expect((await call(t.base, "GET", "/api/v1/sites/yiyuan/alerts", { token: await login(t.base, LEAD_CODE) })).body.alerts.length).to.be.greaterThan(0);
    const lead = await browser.page(LAPTOP);
    await signIn(lead, `${t.base}/lead?tab=live`, LEAD_CODE);
    await lead.waitForSelector("#alerts .alert-resident-two-tubes");
    await lead.waitForSelector('#tube-ages tr[data-tube="T-LATE"].age-late');
    await lead.waitForSelector('#tube-ages tr[data-tube="T-WARN"].age-warn');
    await lead.waitForSelector('#tube-ages tr[data-tube="T-OK"].age-ok');

    const pair = plan.assignments
      .filter((a) => a.activity === "desk" && Date.parse(a.start) > t.clock.now())
      .flatMap((a) => t.scenario.staff.filter((p) => p.id !== a.staff).map((p) => ({ assignment: a, to: p.id })))
      .find(({ assignment, to }) => checkSwap(t.scenario, plan.assignments, assignment.id, to).ok)!;
    const theirs = await browser.page(PHONE);
    await signIn(theirs, `${t.base}/staff?tab=rotation`, t.codes.staff[pair.to]);
    const name = t.scenario.staff.find((p) => p.id === pair.to)!.name;
    await theirs.waitForFunction((n) => document.getElementById("who")?.textContent?.startsWith(n), name);
    const proposed = await call(t.base, "POST", "/api/v1/sites/yiyuan/swaps", { token: await login(t.base, t.codes.staff[pair.assignment.staff]), body: { assignment: pair.assignment.id, to: pair.to } });
    expect(proposed.status).to.equal(201);
    await theirs.waitForSelector("#banner:not([hidden]) #swap-offer");
    await theirs.waitForSelector(`.offer[data-swap="${proposed.body.id}"]`);
    await lead.waitForSelector(`li[data-swap="${proposed.body.id}"]`);
    expect(browser.errors).to.deep.equal([]);
  });

  it("lets the lead build and publish the example site's plan", async () => {
    const page = await browser.page(LAPTOP);
    await signIn(page, `${t.base}/lead?tab=plan`, LEAD_CODE);
    await page.click("#build-plan");
    await page.waitForSelector("#plan-summary");
    expect(await page.locator("svg.timeline").count()).to.equal(2);
    expect(await page.locator("svg.forecast").count()).to.equal(t.scenario.points.length);
    await page.click("#publish-plan");
    await page.waitForSelector("#published");
    const current = t.store.plans.current("yiyuan");
    expect(current, "a plan in force").to.not.equal(undefined);
    expect(await page.locator("#tab-body .tools .fine").innerText()).to.equal(current!.id);

    await page.click("#tab-export");
    const download = page.waitForEvent("download");
    await page.click("#export-xlsx");
    expect((await download).suggestedFilename()).to.equal("yiyuan-plan.xlsx");
    expect(browser.errors).to.deep.equal([]);
  });

  it("shows the lead a positive pool as an alert and as its re-test list", async () => {
    publishRealPlan(t);
    t.clock.set("2021-08-03T09:00:00+08:00");
    const staff = await login(t.base, t.codes.staff[someone(t, "registrar")]);
    const lab = await login(t.base, t.codes.lab);
    const residents = ["R-11", "R-12", "R-13"];
    await call(t.base, "POST", "/api/v1/sites/yiyuan/desk-events", { token: staff, body: { events: tubeEvents("p1", "T-POS", residents, "2021-08-03T08:58:00+08:00") } });
    for (const [path, token, body] of [
      ["/boxes", staff, { id: "BOX-1", tubes: ["T-POS"] }],
      ["/boxes/BOX-1/dispatch", staff, {}],
      ["/boxes/BOX-1/receive", lab, {}],
    ] as const)
      expect((await call(t.base, "POST", `/api/v1/sites/yiyuan${path}`, { token, body })).status, path).to.be.below(300);

    const page = await browser.page(LAPTOP);
    await signIn(page, `${t.base}/lead?tab=live`, LEAD_CODE);
    await page.waitForSelector("#live-board tr");
    expect((await call(t.base, "POST", "/api/v1/sites/yiyuan/results", { token: lab, body: { tube: "T-POS", result: "positive" } })).status).to.equal(200);
    await page.waitForSelector("#alerts .alert-positive");
    // The page is in Chinese (the default): the alert's text is too, made from its text and params.
    expect(await page.locator("#alerts .alert-positive").first().innerText()).to.contain("阳性").and.contain("样本管 T-POS 阳性");
    await page.click("#tab-live");
    await page.waitForSelector('#retests li[data-tube="T-POS"]');
    expect(await page.locator('#retests li[data-tube="T-POS"]').innerText()).to.contain("R-11").and.contain("R-13");
    expect(browser.errors).to.deep.equal([]);
  });

  it("lets the lead make a site from a scenario file, edit a point and import an Excel and a CSV roster", async () => {
    const page = await browser.page(LAPTOP);
    await signIn(page, `${t.base}/lead?tab=site`, LEAD_CODE);
    const scenario = { ...t.scenario, site: { ...t.scenario.site, id: "new-site", name: "新站点" } };
    await page.setInputFiles("#scenario-file", { name: "new-site.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(scenario)) });
    await page.waitForSelector('#draft-site-id[value="new-site"]');
    await page.fill('input.num[data-point="north-gate"]', "3");
    await page.press('input.num[data-point="north-gate"]', "Tab");
    const book = new ExcelJS.Workbook();
    book.addWorksheet("roster").addRows([["id", "name", "roles", "start", "end"], ["x1", "Xu Yi", "sampler", "07:00", "12:00"]]);
    await page.setInputFiles("#roster-file", { name: "roster.xlsx", mimeType: XLSX, buffer: Buffer.from(await book.xlsx.writeBuffer()) });
    await page.waitForFunction(() => document.querySelector("#draft-status")?.textContent?.includes("1"));
    const csv = "工号,姓名,角色,开始,结束\nn1,赵一,采样员,07:00,15:00\nn2,钱二,登记员,07:00,15:00\nn3,孙三,采样员;登记员,13:00,21:00\n";
    await page.setInputFiles("#roster-file", { name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.waitForSelector("#draft-status.ok");
    await page.click("#create-site");
    await page.waitForSelector("#codes");
    const made = t.store.sites.get("new-site")!.scenario;
    expect(made.points.find((p) => p.id === "north-gate")!.desks).to.equal(3);
    expect(made.staff.map((s) => s.id)).to.deep.equal(["n1", "n2", "n3"]);
    expect(made.staff[2].available).to.deep.equal([{ start: "2021-08-03T13:00:00+08:00", end: "2021-08-03T21:00:00+08:00" }]);
    expect(await page.locator("#codes .code").count()).to.equal(4);
    expect(browser.errors).to.deep.equal([]);
  });

  it("keeps desk events on the phone while the server is unreachable and syncs them once", async () => {
    const lead = await login(t.base, LEAD_CODE);
    await publishExamplePlan(t, lead);
    t.clock.set("2021-08-03T09:00:00+08:00");
    const registrar = someone(t, "registrar");
    const page = await browser.page(PHONE);
    await signIn(page, `${t.base}/staff?tab=desk`, t.codes.staff[registrar]);
    await page.waitForSelector("#open-form");
    await page.selectOption("#desk-point", "north-gate");

    await browser.context.setOffline(true);
    await page.fill("#tube-code", "T-OFF-1");
    await page.click("#open-tube");
    for (const resident of ["R-01", "R-02", "R-03"]) {
      await page.fill("#resident-code", resident);
      await page.press("#resident-code", "Enter");
    }
    await page.click("#seal-tube");
    await page.waitForSelector('#pending-count[data-pending="5"]');
    await page.waitForSelector("#offline-note");
    expect(t.store.tubes.get("yiyuan", "T-OFF-1"), "nothing reached the server").to.equal(undefined);
    // The phone is switched off and on again, still without network: the page and its queue survive.
    await page.reload();
    await page.waitForSelector('#pending-count[data-pending="5"]');
    expect(await page.locator("#desk-point").inputValue()).to.equal("north-gate");

    // The network returns, but the first answer is lost on the way back: the server applied the
    // batch, the phone does not know, and sends it again. The resend must come back "duplicate".
    let lost = 0;
    await page.route("**/api/v1/sites/yiyuan/desk-events", async (route) => {
      if (lost++ === 0) {
        await route.fetch();
        await route.abort("connectionreset");
      } else await route.continue();
    });
    const answers: { status: string }[][] = [];
    page.on("response", async (r) => r.url().endsWith("/desk-events") && answers.push((await r.json()).results));
    await browser.context.setOffline(false);
    await page.waitForSelector('#pending-count[data-pending="0"]', { timeout: 20000 });

    expect(lost).to.be.at.least(2);
    expect(answers.flat().map((r) => r.status)).to.deep.equal(["duplicate", "duplicate", "duplicate", "duplicate", "duplicate"]);
    const tube = await call(t.base, "GET", "/api/v1/sites/yiyuan/tubes/T-OFF-1", { token: lead });
    expect(tube.status).to.equal(200);
    expect(tube.body.swabs.map((s: { resident: string }) => s.resident)).to.deep.equal(["R-01", "R-02", "R-03"]);
    expect(tube.body.state).to.equal("sealed");
  });
});
