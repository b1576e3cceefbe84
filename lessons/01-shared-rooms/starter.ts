// Lesson 1: a router that does nothing.
// Someone started this module and stopped half-way: it registers only one of the
// two callbacks. Press Run and read the error, then fix it.
import type { ModuleApi } from "synapse";

export default class DoNothingRouter {
  constructor(_config: unknown, api: ModuleApi) {
    api.register_presence_router_callbacks({
      // "Whose presence may this user see, beyond their rooms?" Nobody extra.
      get_interested_users: async (_user_id: string) => new Set<string>(),
    });
  }
}
