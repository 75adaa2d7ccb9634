import { expect } from "chai";
import { openStore } from "../server/store/index.ts";
import { bootstrap } from "../server/bootstrap.ts";

describe("first start", () => {
  it("loads the example site into an empty store and makes codes for its staff and lab", () => {
    const store = openStore(":memory:");
    const first = bootstrap(store, { seed: true }, 0);
    expect(store.sites.get("yiyuan")?.name).to.equal("颐苑社区");
    expect(Object.keys(first.seeded!.codes.staff)).to.have.length(15);
    expect(store.codes.find(first.seeded!.codes.lab)).to.deep.equal({ role: "lab", site: "yiyuan", staff: null });
    expect(store.codes.find(first.seeded!.codes.staff["bai-xue"])).to.deep.equal({ role: "staff", site: "yiyuan", staff: "bai-xue" });
    store.close();
  });

  it("generates the lead's code once and prints it only that time", () => {
    const store = openStore(":memory:");
    const first = bootstrap(store, { seed: false }, 0);
    expect(first.generatedLeadCode).to.match(/^[2-9A-HJ-NP-Z]{12}$/);
    expect(store.codes.find(first.generatedLeadCode!)?.role).to.equal("lead");
    expect(bootstrap(store, { seed: false }, 0).generatedLeadCode).to.equal(undefined);
    store.close();
  });

  it("takes the lead's code from the setting when given, and skips the example when told", () => {
    const store = openStore(":memory:");
    const first = bootstrap(store, { seed: false, leadCode: "my-own-lead-code" }, 0);
    expect(first.generatedLeadCode).to.equal(undefined);
    expect(store.codes.find("my-own-lead-code")?.role).to.equal("lead");
    expect(store.sites.count()).to.equal(0);
    store.close();
  });

  it("does not load the example again into a store that has sites", () => {
    const store = openStore(":memory:");
    bootstrap(store, { seed: true }, 0);
    expect(bootstrap(store, { seed: true }, 0).seeded).to.equal(undefined);
    expect(store.sites.count()).to.equal(1);
    store.close();
  });
});
