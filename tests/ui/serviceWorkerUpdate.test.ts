// The "new version" offer (src/ui/boot/serviceWorker.ts watchUpdates): a worker that
// installed behind the one controlling the page is offered once; applying it asks it to
// take over (sw.ts answers SKIP_WAITING with skipWaiting) and reloads only once it does.
import { describe, expect, it } from "vitest";
import { SKIP_WAITING, watchUpdates, type ContainerLike, type RegistrationLike, type WorkerLike } from "../../src/ui/boot/serviceWorker.ts";

class FakeWorker extends EventTarget implements WorkerLike {
  state = "installing";
  posted: unknown[] = [];
  postMessage(m: unknown) {
    this.posted.push(m);
  }
  become(state: string) {
    this.state = state;
    this.dispatchEvent(new Event("statechange"));
  }
}
class FakeRegistration extends EventTarget implements RegistrationLike {
  waiting: FakeWorker | null = null;
  installing: FakeWorker | null = null;
  found(w: FakeWorker) {
    this.installing = w;
    this.dispatchEvent(new Event("updatefound"));
  }
}
class FakeContainer extends EventTarget implements ContainerLike {
  constructor(public controller: unknown) {
    super();
  }
}

function setup(controlled: boolean, waiting: FakeWorker | null = null) {
  const reg = new FakeRegistration();
  reg.waiting = waiting;
  const container = new FakeContainer(controlled ? {} : null);
  const offers: Array<() => void> = [];
  let reloads = 0;
  watchUpdates(reg, container, (apply) => offers.push(apply), () => reloads++);
  return { reg, container, offers, reloads: () => reloads };
}

describe("watchUpdates", () => {
  it("offers a worker that finishes installing behind the controlling one, once", () => {
    const t = setup(true);
    const w = new FakeWorker();
    t.reg.found(w);
    expect(t.offers).toHaveLength(0); // still installing
    w.become("installed");
    expect(t.offers).toHaveLength(1);
    w.become("installed");
    expect(t.offers).toHaveLength(1);
  });

  it("offers nothing on a first visit (no controller: the first install is no update)", () => {
    const t = setup(false, new FakeWorker());
    const w = new FakeWorker();
    t.reg.found(w);
    w.become("installed");
    expect(t.offers).toHaveLength(0);
  });

  it("offers a worker already waiting when the page registers", () => {
    const t = setup(true, new FakeWorker());
    expect(t.offers).toHaveLength(1);
  });

  it("ignores states other than installed, and an updatefound without an installing worker", () => {
    const t = setup(true);
    t.reg.found(null as unknown as FakeWorker);
    const w = new FakeWorker();
    t.reg.found(w);
    w.become("redundant");
    w.become("activating");
    expect(t.offers).toHaveLength(0);
  });

  it("when another tab makes a new worker take over, offers a plain reload (this page's build is older than its worker)", () => {
    const t = setup(true);
    t.container.dispatchEvent(new Event("controllerchange"));
    expect(t.offers).toHaveLength(1);
    expect(t.reloads()).toBe(0);
    t.offers[0]!();
    expect(t.reloads()).toBe(1);
  });

  it("a first visit's worker taking control is no update; a later change is", () => {
    const t = setup(false);
    t.container.dispatchEvent(new Event("controllerchange"));
    expect(t.offers).toHaveLength(0);
    t.container.dispatchEvent(new Event("controllerchange"));
    expect(t.offers).toHaveLength(1);
  });

  it("the change this page asked for reloads once and offers nothing more", () => {
    const waiting = new FakeWorker();
    const t = setup(true, waiting);
    t.offers[0]!();
    t.container.dispatchEvent(new Event("controllerchange"));
    expect(t.offers).toHaveLength(1);
    expect(t.reloads()).toBe(1);
  });

  it("applying asks that worker to take over and reloads only when it controls the page, once", () => {
    const waiting = new FakeWorker();
    const t = setup(true, waiting);
    t.offers[0]!();
    expect(waiting.posted).toEqual([SKIP_WAITING]);
    expect(t.reloads()).toBe(0);
    t.container.dispatchEvent(new Event("controllerchange"));
    expect(t.reloads()).toBe(1);
    t.container.dispatchEvent(new Event("controllerchange"));
    expect(t.reloads()).toBe(1);
  });
});
