// `client` loops (scenario-format §2): long-poll /sync with a 30 s timeout and poll
// again at once with the new token, as a real client does.
import { Klass } from "./queue.ts";
import type { Server } from "./server.ts";
import { abort, startSync, type PendingSync } from "./sync.ts";
import type { World } from "./world.ts";

export const CLIENT_TIMEOUT = 30_000;
/** Back-off after a server error (the playground's choice; clients differ). */
export const CLIENT_RETRY = 5_000;

export class ClientLoop {
  running = false;
  private current: PendingSync | null = null;

  constructor(
    private readonly world: World,
    private readonly s: Server,
    readonly user: string,
    readonly device: string,
    public set_presence: string,
  ) {}

  start(set_presence: string): void {
    this.set_presence = set_presence;
    if (this.running) return;
    this.running = true;
    this.world.track(this.poll()); // §5: the first request runs at this instant
  }

  async stop(): Promise<void> {
    this.running = false;
    const p = this.current;
    this.current = null;
    if (p) await abort(p, true); // counts as the sync ending (R16)
  }

  private async poll(): Promise<void> {
    if (!this.running || this.current) return;
    const since = this.world.deviceToken(this.user, this.device);
    const p = await startSync(this.s, {
      user: this.user,
      device: this.device,
      set_presence: this.set_presence,
      since,
      timeout: CLIENT_TIMEOUT,
      full_state: false,
      filter: null,
      label: null,
      onReturn: (r) => {
        this.current = null;
        if (r.next_batch) this.world.setDeviceToken(this.user, this.device, r.next_batch);
        if (!this.running) return;
        if (!r.error) this.world.schedule(this.world.now, Klass.Triggered, () => this.poll());
        else if (r.error.status >= 500) this.world.schedule(this.world.now + CLIENT_RETRY, Klass.Step, () => this.poll());
        else {
          this.running = false; // a 4xx will not get better by retrying
          this.world.log(this.s, "warning", `client ${this.user}/${this.device} stopped: ${r.error.message}`);
        }
      },
      onAbort: () => {
        this.current = null;
        if (this.running) this.world.schedule(this.world.now, Klass.Triggered, () => this.poll());
      },
    });
    if (!p.done) this.current = p;
  }
}
