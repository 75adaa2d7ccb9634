import { startServer, login, call, exampleScenario } from "/work/main/test/support/server.ts";
import { makePlan } from "/work/main/shared/plan/make.ts";
import { validateScenario } from "/work/main/shared/scenario/validate.ts";
const t = await startServer({ at: "2021-08-03T08:00:00+08:00" });
const lead = await login(t.base, "LEADTESTCODE");
const s = exampleScenario();
for (const [k, mut] of Object.entries({
  window: (x: any) => { x.windows[0].start = "2021-08-03T06:59:60+08:00"; },
  weather: (x: any) => { x.weather[0].at = "2021-08-02T23:59:60Z"; },
  staff: (x: any) => { x.staff[0].available[0].start = "2021-08-02T23:59:60Z"; },
  lower: (x: any) => { x.windows[0].start = "2021-08-03t07:00:00+08:00"; },
})) {
  const sc = structuredClone(s); sc.site.id = "sc-" + k; mut(sc);
  const v = validateScenario(sc);
  const r = await call(t.base, "POST", "/api/v1/sites", { token: lead, body: sc });
  console.log(k, v.ok, r.status, JSON.stringify(r.body).slice(0, 200));
  if (r.status === 201) { const p = await call(t.base, "POST", `/api/v1/sites/${sc.site.id}/plans`, { token: lead }); console.log("  plan", p.status, JSON.stringify(p.body).slice(0, 150)); }
}
await t.close();
