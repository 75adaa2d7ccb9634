// Swap offers are pushed (docs/api.md C5): the proposer, the person asked and the lead hear each
// step of a swap at once, over real sockets; nobody else does.
import { expect } from "chai";
import { next, useBoothSite } from "./support/server.ts";
import { BOOTH_SITE } from "./support/plan.ts";

describe("swap pushes", () => {
  const site = useBoothSite();
  const { open, as, api } = site;

  it("tells the person asked, the proposer and the lead of an offer at once, with the shift and names", async () => {
    const bai = await as("bai-xue");
    const [bs, ys, ls, other] = await Promise.all([open(bai), open(await as("yang-jianpeng")), open(site.lead), open(await as("li-jing"))]);
    const proposed = await api("POST", "/swaps", bai, { assignment: "bai-xue-1000", to: "yang-jianpeng" });
    expect(proposed.status).to.equal(201);
    for (const s of [ys, bs, ls]) {
      const e = await next(s, "swap", (x) => x.id === proposed.body.id);
      expect(e).to.include({ site: BOOTH_SITE, from: "bai-xue", to: "yang-jianpeng", state: "proposed", assignment: "bai-xue-1000" });
      expect(e.fromName).to.be.a("string").and.not.equal("bai-xue");
      expect(e.shift).to.include({ point: "north-gate", desk: 1, activity: "desk" });
      expect(Date.parse(e.at)).to.equal(site.t.clock.now());
    }
    let heard = false;
    other.on("swap", () => (heard = true));
    await new Promise((r) => setTimeout(r, 200));
    expect(heard, "a colleague not named in the swap hears nothing").to.equal(false);
  });

  it("pushes acceptance to the lead for approval, then the approval to both people", async () => {
    const bai = await as("bai-xue");
    const yang = await as("yang-jianpeng");
    const [bs, ys, ls] = await Promise.all([open(bai), open(yang), open(site.lead)]);
    const { body: swap } = await api("POST", "/swaps", bai, { assignment: "bai-xue-1000", to: "yang-jianpeng" });
    await api("POST", `/swaps/${swap.id}/accept`, yang);
    expect(await next(ls, "swap", (x) => x.id === swap.id && x.state === "accepted")).to.include({ to: "yang-jianpeng" });
    expect((await next(bs, "swap", (x) => x.state === "accepted")).id).to.equal(swap.id);
    expect((await api("POST", `/swaps/${swap.id}/approve`, site.lead)).status).to.equal(200);
    for (const s of [bs, ys, ls]) expect((await next(s, "swap", (x) => x.id === swap.id && x.state === "approved")).to).to.equal("yang-jianpeng");
  });

  it("pushes a rejection with its reason", async () => {
    const bai = await as("bai-xue");
    const bs = await open(bai);
    const { body: swap } = await api("POST", "/swaps", bai, { assignment: "bai-xue-1000", to: "yang-jianpeng" });
    await api("POST", `/swaps/${swap.id}/reject`, site.lead, { reason: "keep the pairs" });
    expect(await next(bs, "swap", (x) => x.state === "rejected")).to.include({ id: swap.id, reason: "keep the pairs" });
  });

  it("pushes nothing for a refused offer", async () => {
    const li = await as("li-jing");
    const zs = await open(await as("zhao-lei"));
    const r = await api("POST", "/swaps", li, { assignment: "li-jing-0800", to: "zhao-lei" });
    expect(r.status).to.equal(409);
    let heard = false;
    zs.on("swap", () => (heard = true));
    await new Promise((r) => setTimeout(r, 200));
    expect(heard).to.equal(false);
  });

  it("lists the swap with its shift and names for the person asked", async () => {
    const bai = await as("bai-xue");
    await api("POST", "/swaps", bai, { assignment: "bai-xue-1000", to: "yang-jianpeng" });
    const { body } = await api("GET", "/swaps", await as("yang-jianpeng"));
    expect(body.swaps).to.have.length(1);
    expect(body.swaps[0].shift.start).to.be.a("string");
    expect(body.swaps[0].toName).to.be.a("string");
  });
});
