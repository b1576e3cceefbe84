// Helpers shared by the security, containment and XSS browser tests.
import type { Page } from "playwright-core";
import { settled, snapshot, type PlaygroundSnapshot } from "../playground.ts";

/** A router that sends Alice's presence to Bob only; the scenario below exercises it. */
export const GOOD_ROUTER = `import { PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

export default class RouteToBob {
  constructor(_config: unknown, api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: async (states: Iterable<UserPresenceState>) =>
        new Map([["@bob:example.org", new Set(states)]]),
      get_interested_users: async (user_id: string) =>
        user_id === "@bob:example.org" ? PresenceRouter.ALL_USERS : new Set<string>(),
    });
  }
}
`;

export const SCENARIO = `version: 1
servers:
  example.org:
    modules:
      - module: router.ts
users:
  "@alice:example.org": {}
  "@bob:example.org": {}
steps:
  - at: 0s
    presence: { user: "@alice:example.org", state: online }
  - at: 1s
    sync: { user: "@bob:example.org", set_presence: offline }
`;

/** The Problems tab's text ("No problems." when empty). */
export async function problemsText(page: Page): Promise<string> {
  await page.getByRole("tab", { name: /^Problems/ }).click();
  const list = page.getByTestId("problems");
  if (await list.count()) return list.innerText();
  return page.getByTestId("inspector").innerText();
}

/** The Console tab's text. */
export async function consoleText(page: Page): Promise<string> {
  await page.getByRole("tab", { name: /^Console/ }).click();
  return page.getByTestId("inspector").innerText();
}

/** Waits for a settled state whose run finished (ok or failed) after `text` is in the editor. */
export async function settledRun(page: Page, timeout = 30000): Promise<PlaygroundSnapshot> {
  return settled(page, timeout);
}

export { snapshot };
