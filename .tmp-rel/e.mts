import { createApp } from "/work/main/server/app.ts";
import { openStore } from "/work/main/server/store/index.ts";
import { pino } from "/work/main/node_modules/pino/pino.js";
const logger = pino({ level: "error" });
const t = createApp({ store: openStore(":memory:"), logger });
const port = await t.listen(0, "127.0.0.1");
const b = `http://127.0.0.1:${port}`;
for (const [path, init] of [["/api/v1/sites/%ED%A0%80/retests", {}], ["/api/v1/login", {method:"POST", headers:{"content-type":"application/json", "content-encoding":"gzip"}, body: "garbage"}], ["/api/v1/login", {method:"POST", headers:{"content-type":"application/json", "content-encoding":"br"}, body: "garbage"}], ["/api/v1/login", {method:"POST", headers:{"content-type":"application/json", "content-encoding":"identity, x"}, body: "{}"}] ] as const) {
  const r = await fetch(b + path, init as any); console.log(r.status, await r.text());
}
await t.close();
