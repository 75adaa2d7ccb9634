import { startServer } from "/work/main/test/support/server.ts";
const t = await startServer();
const stack = (t.tenfold.app as any).router.stack;
const r = stack.filter((l: any) => l.route).flatMap((l: any) => Object.keys(l.route.methods).map((m) => m + " " + l.route.path));
console.log(r.length, new Set(r).size, r.filter((x: string, i: number) => r.indexOf(x) !== i));
await t.close();
