// The world: one simulated clock, a deterministic event queue, every server, the
// rooms, and the scenario's steps (scenario-format §2, §5).
import type { Scenario, Step } from "../scenario/types.ts";
import type { ModuleHost, PresenceRouterHandle } from "./contracts.ts";
import { domainOf } from "./config.ts";
import { ClientLoop } from "./clients.ts";
import { joinPushes } from "./fanout.ts";
import { bumpActive } from "./handler.ts";
import { incomingPresence } from "./inbound.ts";
import { macrotask } from "./macrotask.ts";
import { EventQueue, Klass, type QueueItem } from "./queue.ts";
import { Recorder } from "./recorder.ts";
import { getPresence, putPresence } from "./rest.ts";
import { mulberry32 } from "./rng.ts";
import { Rooms } from "./rooms.ts";
import { Server } from "./server.ts";
import { reevaluate, startSync } from "./sync.ts";
import { restartServer } from "./timeouts.ts";
import { RouterInconsistencyError } from "./wire.ts";

export class World {
  now: number;
  readonly start: number;
  readonly end: number;
  readonly queue = new EventQueue();
  readonly rooms = new Rooms();
  readonly recorder = new Recorder();
  readonly servers = new Map<string, Server>();
  readonly userSet: Set<string>;
  private readonly rng: () => number;
  private running = false;
  /** label → next_batch of that sync (or its `since` when it failed). */
  private readonly labels = new Map<string, string | null>();
  /** user → device → the next_batch of that device's last sync (two maps: see Server.syncs). */
  private readonly deviceTokens = new Map<string, Map<string, string>>();
  private readonly clients = new Map<string, ClientLoop>();
  /** Work started at this instant that is not a queue item (client loop requests). */
  private inflight: Promise<unknown>[] = [];
  /**
   * Module code ran since the last macrotask turn: it may have left detached promise
   * chains (an un-awaited API call, code after `await api.sleep()`), which settle only
   * after the microtask queue drains. Starts true: constructors ran at load.
   */
  moduleRan = true;
  /** Combined router calls made so far, every server (router_call event ids). */
  routerCalls = 0;
  /** A callback never settled: module code spins the microtask queue (see microtasksRunaway). */
  private spinning = false;
  /**
   * Told the share of the simulated duration done (0–1), each time another hundredth of
   * it has passed: the playground's progress bar. Wall-clock free, never in the trace.
   */
  onProgress: ((done: number) => void) | null = null;
  private nextProgress = 0;

  constructor(
    readonly scenario: Scenario,
    readonly host: ModuleHost,
  ) {
    this.start = scenario.start_time;
    this.now = scenario.start_time; // Q1b
    const last = scenario.steps.length ? scenario.steps[scenario.steps.length - 1].at : 0;
    this.end = scenario.duration ?? last + 30_000;
    this.userSet = new Set(scenario.users.map((u) => u.id));
    this.rng = mulberry32(scenario.seed);
    for (const cfg of scenario.servers) this.servers.set(cfg.name, new Server(cfg, this, scenario.fidelity));
    for (const r of scenario.rooms) this.rooms.addInitial(r.id, r.members); // §5: no pushes, nobody newly joined
  }

  offset(): number {
    return this.now - this.start;
  }

  /** Queue work. Anything due now (once running) is "triggered": after the steps at this offset. */
  schedule(time: number, klass: Klass, run: () => unknown): QueueItem {
    if (this.running && time <= this.now) {
      time = this.now;
      klass = Klass.Triggered;
    }
    return this.queue.push(time, klass, run);
  }

  /**
   * §5 "the clock waits for ready work": a task started now (not through the queue) that
   * must finish, or park on a simulated timer or long-poll, before the clock moves.
   */
  track(p: Promise<unknown>): void {
    this.inflight.push(p);
  }

  /** The router as the engine calls it: each call notes that module code ran (§5). */
  watchRouter(r: PresenceRouterHandle): PresenceRouterHandle {
    if (!r.active) return r;
    return {
      active: true,
      get_users_for_states: (states, site) => {
        this.moduleRan = true;
        return r.get_users_for_states(states, site);
      },
      get_interested_users: (user, site) => {
        this.moduleRan = true;
        return r.get_interested_users(user, site);
      },
    };
  }

  /** R40 [sim]: a seeded delay within scenario.federation_delay. */
  federationDelay(): number {
    const { min, max } = this.scenario.federation_delay;
    return min + Math.floor(this.rng() * (max - min + 1));
  }

  serverOf(user: string): Server {
    const s = this.servers.get(domainOf(user) ?? "");
    if (!s) throw new Error(`user ${user} has no server in this scenario`);
    return s;
  }

  deviceToken(user: string, device: string): string | null {
    return this.deviceTokens.get(user)?.get(device) ?? null;
  }

  setDeviceToken(user: string, device: string, token: string): void {
    let m = this.deviceTokens.get(user);
    if (!m) this.deviceTokens.set(user, (m = new Map()));
    m.set(device, token);
  }

  log(s: Server | null, level: "debug" | "info" | "warning" | "error", message: string): void {
    this.recorder.emit({ at: this.offset(), server: s?.name ?? "", type: "log", level, message });
  }

  logAt(server: string, level: "debug" | "info" | "warning" | "error", message: string): void {
    this.recorder.emit({ at: this.offset(), server, type: "log", level, message });
  }

  error(s: Server, message: string, module?: string): void {
    this.recorder.emit({ at: this.offset(), server: s.name, type: "error", message, ...(module ? { module } : {}) });
  }

  moduleError(s: Server, e: unknown, module: string | null): void {
    const info = this.host.locate(e);
    this.recorder.emit({
      at: this.offset(),
      server: s.name,
      type: "error",
      message: `${module ?? "module"}: ${info.message}`,
      ...(module ? { module } : {}),
      error: info,
    });
  }

  /** Delivers a transaction sent by federation.ts to its destination server (R42–R44). */
  async deliverEdu(origin: string, destination: string, edu: unknown, vias: Map<string, string[]> | null): Promise<void> {
    const s = this.servers.get(destination);
    if (!s) {
      this.logAt(origin, "warning", `federation to ${destination} failed: no such server in the scenario`);
      return;
    }
    await incomingPresence(s, origin, edu, vias);
  }

  /** Notifier: a woken user's open long-polls re-evaluate (R31, §5). */
  notifyUser(s: Server, user: string): void {
    s.userStream.set(user, s.token());
    const set = s.pending.get(user);
    if (!set) return;
    for (const p of set) this.schedule(this.now, Klass.Triggered, () => reevaluate(p));
  }

  /** A membership change, seen by every server at once (§2); R36 pushes; long-polls re-evaluate (R52). */
  changeMembership(user: string, room: string, membership: string): void {
    const ev = this.rooms.change(user, room, membership);
    if (!ev) return;
    for (const s of this.servers.values()) {
      if (this.rooms.hasHost(room, s.name) || domainOf(user) === s.name) {
        joinPushes(s, ev);
        for (const m of [...this.rooms.joinedMembers(room), user]) if (s.isLocal(m)) this.notifyUser(s, m);
      }
    }
  }

  private client(user: string, device: string, set_presence: string): ClientLoop {
    const key = `${user}\0${device}`;
    let c = this.clients.get(key);
    if (!c) this.clients.set(key, (c = new ClientLoop(this, this.serverOf(user), user, device, set_presence)));
    return c;
  }

  async runStep(step: Step): Promise<void> {
    switch (step.kind) {
      case "presence":
        await putPresence(this.serverOf(step.user), step.user, step.device, step.user, step.body, step.label);
        return;
      case "sync":
        return this.syncStep(step);
      case "client":
        if (step.run === "start") this.client(step.user, step.device, step.set_presence).start(step.set_presence);
        else await this.client(step.user, step.device, step.set_presence).stop();
        return;
      case "activity": {
        const s = this.serverOf(step.user);
        try {
          await bumpActive(s, step.user, step.device); // R17
        } catch (e) {
          this.error(s, `activity of ${step.user} failed: ${e instanceof RouterInconsistencyError ? e.detail : String(e)}`);
        }
        return;
      }
      case "membership":
        this.changeMembership(step.user, step.room, step.membership);
        return;
      case "module_api": {
        const s = this.servers.get(step.server)!;
        try {
          if (step.call === "send_local_online_presence_to") await s.api.send_local_online_presence_to(step.args as string[], null);
          else await s.api.set_presence_for_users(step.args as Record<string, [string, string | null]>, null);
        } catch {
          // Already in the trace as a module_call with its error (§5); the run goes on.
        }
        return;
      }
      case "edu": {
        const s = this.servers.get(step.destination)!;
        await incomingPresence(s, step.origin, { edu_type: "m.presence", content: { push: step.push } }, null);
        return;
      }
      case "get_presence":
        getPresence(this.serverOf(step.user), step.user, step.target, step.label);
        return;
      case "restart":
        await restartServer(this.servers.get(step.server)!);
        return;
      case "until":
        return;
    }
  }

  private async syncStep(step: Extract<Step, { kind: "sync" }>): Promise<void> {
    let since: string | null = null;
    let sinceError: string | undefined;
    if (step.since === undefined) since = this.deviceToken(step.user, step.device);
    else if (step.since !== "initial") {
      if (!this.labels.has(step.since)) sinceError = `since: the sync labelled "${step.since}" has not returned yet`;
      else since = this.labels.get(step.since) ?? null;
    }
    await startSync(this.serverOf(step.user), {
      user: step.user,
      device: step.device,
      set_presence: step.set_presence,
      since,
      sinceError,
      timeout: step.timeout,
      full_state: step.full_state,
      filter: step.filter,
      label: step.label,
      onReturn: (r) => {
        if (r.next_batch) this.setDeviceToken(step.user, step.device, r.next_batch);
        if (step.label !== null) this.labels.set(step.label, r.next_batch ?? since);
      },
    });
  }

  /**
   * Runs everything due up to the end of the run (§5). Items at one instant run one after
   * the other in queue order (federation, ticks, steps, triggered), each to completion
   * with the tasks it started (track()). Before the clock moves, if module code ran, one
   * real macrotask turn lets the module's detached promise chains settle at this instant;
   * what they queue for now runs before the clock moves too.
   */
  async run(): Promise<void> {
    for (const c of this.scenario.clients) {
      this.queue.push(this.start, Klass.Step, () => this.client(c.user, c.device, c.set_presence).start(c.set_presence));
    }
    for (const step of this.scenario.steps) this.queue.push(this.start + step.at, Klass.Step, () => this.runStep(step));
    this.running = true;
    const endAbs = this.start + this.end;
    for (;;) {
      const item = this.queue.peek();
      const due = item !== undefined && item.time <= endAbs;
      if ((!due || item.time > this.now) && this.moduleRan && !this.spinning) {
        this.moduleRan = false;
        // A watchdog span: a chain that never lets the queue drain (`for (;;) await null`
        // started at load or left behind by a timer) is stopped at the callback budget.
        const leave = this.host.enter ? this.host.enter("module code", "(its promise chains still running)", this.offset()) : null;
        await macrotask();
        leave?.();
        if (this.inflight.length) await this.settleInflight();
        continue; // the settled chains may have queued work for this instant
      }
      if (!due) break;
      this.queue.pop();
      if (item.cancelled) continue;
      this.now = item.time;
      if (this.onProgress && this.now - this.start >= this.nextProgress) this.progress();
      try {
        await item.run();
      } catch (e) {
        this.internalError(e);
      }
      // Most items start no task: no call (and no promise) for them. Module chains still
      // get their macrotask turn before the clock moves (above).
      if (this.inflight.length) await this.settleInflight();
    }
    this.now = endAbs;
  }

  private progress(): void {
    const done = this.end > 0 ? Math.min(1, (this.now - this.start) / this.end) : 1;
    // The next report once another hundredth of the duration has passed.
    const step = Math.max(1, this.end / 100);
    this.nextProgress = (Math.floor((this.now - this.start) / step) + 1) * step;
    this.onProgress!(done);
  }

  /**
   * A callback's promise did not settle within the engine's bound (modules/invoke.ts), so
   * module code keeps the microtask queue busy for good and a macrotask turn would never
   * come. From here on the clock no longer waits for detached module chains (they could
   * not settle anyway); the callback itself was already skipped with a warning (R63).
   */
  microtasksRunaway(): void {
    if (this.spinning) return;
    this.spinning = true;
    this.log(null, "warning", "module code keeps the microtask queue busy (a promise chain that never settles): from now on the clock does not wait for the module's detached promise chains");
  }

  private async settleInflight(): Promise<void> {
    while (this.inflight.length) {
      const tasks = this.inflight;
      this.inflight = [];
      for (const t of tasks) {
        try {
          await t;
        } catch (e) {
          this.internalError(e);
        }
      }
    }
  }

  private internalError(e: unknown): void {
    this.recorder.emit({ at: this.offset(), server: "", type: "error", message: `internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}` });
  }
}
