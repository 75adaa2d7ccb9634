import { startServer, login, call } from "/work/main/test/support/server.ts";
const t = await startServer({ at: "2021-08-03T08:00:00+08:00" });
const staff = await login(t.base, t.codes.staff["bai-xue"]);
const ats = ["2021-08-03T23:59:60Z", "2021-08-03T15:59:60-08:00", "2021-08-03t08:00:00z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2021-08-03T08:00:00.123456789+08:00", "2021-08-03T08:00:00+23:59", "2021-02-29T08:00:00Z"];
let i = 0;
for (const at of ats) {
  const r = await call(t.base, "POST", "/api/v1/sites/yiyuan/desk-events", { token: staff, body: { events: [{ id: `x${i}`, type: "tube.open", at, point: "north-gate", desk: 1, tube: `TT${i++}` }] } });
  console.log(at, r.status, JSON.stringify(r.body).slice(0, 200));
}
const q = await call(t.base, "GET", "/api/v1/queue?site=yiyuan"); console.log(q.status);
await t.close();
