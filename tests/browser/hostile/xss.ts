// XSS payloads for xss.test.ts: every string a scenario or module controls that the UI
// shows. Each payload would set window.__xss if it ever ran; none contains whitespace
// where an identifier forbids it.
export const USER = "@<img/src=x/onerror=window.__xss=1>:example.org";
export const ROOM = "!<script>window.__xss=2</script>:example.org";
export const STATUS = "<img src=x onerror=window.__xss=3><a href='javascript:window.__xss=4'>click</a>";
export const LABEL = "<script>window.__xss=5</script>";
export const EXPECTATION = "<img src=x onerror=window.__xss=6>";
export const LOG = "<img src=x onerror=window.__xss=7>";
export const WARN = "<script>window.__xss=8</script>";
export const ERROR = `<img src=x onerror=window.__xss=9><a href="javascript:window.__xss=10">x</a>`;
export const BAD_USER = "@<img/src=x/onerror=window.__xss=11>:nowhere.org";

export const SCENARIO = `version: 1
servers:
  example.org:
    modules:
      - module: router.ts
users:
  ${JSON.stringify(USER)}: {}
  "@bob:example.org": {}
rooms:
  ${JSON.stringify(ROOM)}: [${JSON.stringify(USER)}, "@bob:example.org"]
steps:
  - at: 0s
    presence: { user: ${JSON.stringify(USER)}, state: online, status_msg: ${JSON.stringify(STATUS)} }
  - at: 1s
    sync: { user: "@bob:example.org", set_presence: online, label: ${JSON.stringify(LABEL)} }
expect:
  - { name: ${JSON.stringify(EXPECTATION)}, never_sees: { viewer: "@bob:example.org", source: ${JSON.stringify(USER)} } }
`;

export const ROUTER = `import type { ModuleApi, UserPresenceState } from "synapse";

console.log(${JSON.stringify(LOG)});
console.warn(${JSON.stringify(WARN)});

export default class Xss {
  constructor(_config: unknown, api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: async (states: Iterable<UserPresenceState>) =>
        new Map([["@bob:example.org", new Set(states)]]),
      get_interested_users: async (_user: string): Promise<Set<string>> => {
        throw new Error(${JSON.stringify(ERROR)});
      },
    });
  }
}
`;
