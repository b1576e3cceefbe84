// Router skeletons for the new-module menu (issue 13 item 3): TypeScript or Python, modern
// (`modules:` + register_presence_router_callbacks, R56) or legacy
// (`presence.presence_router` + parse_config, R57). Each is a small, correct router: the
// users listed in `watchers` receive everyone's presence, and both callbacks say so (R64).
// Pure: tests compile and run every skeleton.
import { FILE_NAME } from "../../share/schema.ts";

export type SkeletonLang = "ts" | "py";
export type SkeletonStyle = "modern" | "legacy";

export interface SkeletonKind {
  lang: SkeletonLang;
  style: SkeletonStyle;
  label: string;
}

export const SKELETONS: readonly SkeletonKind[] = [
  { lang: "ts", style: "modern", label: "TypeScript router, modern (modules:)" },
  { lang: "ts", style: "legacy", label: "TypeScript router, legacy (presence_router)" },
  { lang: "py", style: "modern", label: "Python router, modern (modules:)" },
  { lang: "py", style: "legacy", label: "Python router, legacy (presence_router)" },
];

/** `my_router.py` → `MyRouter`; `team.ts` → `TeamRouter`. */
export function className(file: string): string {
  const stem = file.replace(/\.(ts|js|py)$/, "");
  const pascal = stem
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
  const cls = /^[A-Za-z]/.test(pascal) ? pascal : `R${pascal}`;
  return /router/i.test(cls) ? cls : `${cls}Router`;
}

/** What the scenario's `module:` says for this file (homeserver.yaml's dotted form for Python). */
export function moduleRefFor(file: string, lang: SkeletonLang): string {
  return lang === "py" ? `${file.replace(/\.py$/, "")}.${className(file)}` : file;
}

/** A free file name for a new module: router.ts, router2.ts, … (my_router.py for Python). */
export function freeName(lang: SkeletonLang, taken: readonly string[]): string {
  const base = lang === "py" ? "my_router" : "router";
  for (let i = 1; ; i++) {
    const name = `${base}${i === 1 ? "" : i}.${lang}`;
    if (!taken.includes(name)) return name;
  }
}

/** Why a name cannot be used, or null. */
export function nameProblem(name: string, lang: SkeletonLang, taken: readonly string[]): string | null {
  if (!name.endsWith(`.${lang}`)) return `The file name must end in .${lang}.`;
  if (lang === "py" && !/^[A-Za-z_][A-Za-z0-9_]*\.py$/.test(name)) return "A Python module name uses letters, digits and _ only (Synapse imports it by that name).";
  if (!FILE_NAME.test(name)) return "Use letters, digits, _ . - (up to 64 characters), no folders.";
  if (taken.includes(name)) return `${name} already exists.`;
  return null;
}

function loadHint(file: string, kind: SkeletonKind, comment: string): string {
  const ref = moduleRefFor(file, kind.lang);
  const lines =
    kind.style === "modern"
      ? ["Load it from scenario.yaml, as homeserver.yaml does, under a server:", "  modules:", `    - module: ${ref}`, '      config: { watchers: ["@alice:example.com"] }']
      : [
          "Load it from scenario.yaml, as homeserver.yaml does, under a server:",
          "  presence:",
          "    presence_router:",
          `      module: ${ref}`,
          '      config: { watchers: ["@alice:example.com"] }',
        ];
  return lines.map((l) => `${comment} ${l}`.trimEnd()).join("\n");
}

export function skeleton(file: string, kind: SkeletonKind): string {
  const cls = className(file);
  if (kind.lang === "ts") return kind.style === "modern" ? tsModern(file, cls, kind) : tsLegacy(file, cls, kind);
  return kind.style === "modern" ? pyModern(file, cls, kind) : pyLegacy(file, cls, kind);
}

function tsModern(file: string, cls: string, kind: SkeletonKind): string {
  return `// ${cls}: a presence router in the modern style (R56). The users in \`watchers\`
// receive everyone's presence, whether or not they share a room.
${loadHint(file, kind, "//")}
import { PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

export default class ${cls} {
  private readonly watchers: string[];

  constructor(
    config: Record<string, unknown>,
    private readonly api: ModuleApi,
  ) {
    this.watchers = Array.isArray(config.watchers) ? config.watchers.map(String) : [];
    // Register both callbacks or neither (R58).
    this.api.register_presence_router_callbacks({
      get_users_for_states: (states) => this.get_users_for_states(states),
      get_interested_users: (user_id) => this.get_interested_users(user_id),
    });
  }

  /** Who receives these updates, beyond the users who share a room with them? */
  async get_users_for_states(
    state_updates: Iterable<UserPresenceState>,
  ): Promise<Map<string, Set<UserPresenceState>>> {
    const updates = [...state_updates];
    return new Map(this.watchers.map((w) => [w, new Set(updates)]));
  }

  /** Whose presence may this user see? Keep it in step with get_users_for_states (R64). */
  async get_interested_users(user_id: string): Promise<Set<string> | typeof PresenceRouter.ALL_USERS> {
    return this.watchers.includes(user_id) ? PresenceRouter.ALL_USERS : new Set();
  }
}
`;
}

function tsLegacy(file: string, cls: string, kind: SkeletonKind): string {
  return `// ${cls}: a presence router in the legacy style (R57): Synapse finds the two
// methods by name. The users in \`watchers\` receive everyone's presence.
${loadHint(file, kind, "//")}
import { PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

interface Config {
  watchers: string[];
}

export default class ${cls} {
  constructor(
    private readonly config: Config,
    _api: ModuleApi,
  ) {}

  /** Checks the config once, at startup: a bad one stops the server (ConfigError). */
  static parse_config(config: Record<string, unknown>): Config {
    return { watchers: Array.isArray(config.watchers) ? config.watchers.map(String) : [] };
  }

  async get_users_for_states(
    state_updates: Iterable<UserPresenceState>,
  ): Promise<Map<string, Set<UserPresenceState>>> {
    const updates = [...state_updates];
    return new Map(this.config.watchers.map((w) => [w, new Set(updates)]));
  }

  /** Keep it in step with get_users_for_states (R64). */
  async get_interested_users(user_id: string): Promise<Set<string> | typeof PresenceRouter.ALL_USERS> {
    return this.config.watchers.includes(user_id) ? PresenceRouter.ALL_USERS : new Set();
  }
}
`;
}

/** The two callbacks, the same in both Python styles (the class keeps `self.watchers`). */
const PY_CALLBACKS = `    async def get_users_for_states(
        self, state_updates: Iterable[UserPresenceState]
    ) -> Dict[str, Set[UserPresenceState]]:
        updates = set(state_updates)
        return {w: set(updates) for w in self.watchers}

    async def get_interested_users(self, user_id: str) -> Union[Set[str], str]:
        # Keep it in step with get_users_for_states (R64).
        if user_id in self.watchers:
            return PresenceRouter.ALL_USERS
        return set()
`;

function pyModern(file: string, cls: string, kind: SkeletonKind): string {
  return `# ${cls}: a presence router in the modern style (R56). The users in \`watchers\`
# receive everyone's presence, whether or not they share a room.
${loadHint(file, kind, "#")}
from typing import Dict, Iterable, Set, Union

from synapse.events.presence_router import PresenceRouter
from synapse.handlers.presence import UserPresenceState
from synapse.module_api import ModuleApi


class ${cls}:
    def __init__(self, config: dict, api: ModuleApi):
        self.api = api
        self.watchers = [str(w) for w in config.get("watchers", [])]
        # Register both callbacks or neither (R58).
        self.api.register_presence_router_callbacks(
            get_users_for_states=self.get_users_for_states,
            get_interested_users=self.get_interested_users,
        )

${PY_CALLBACKS}`;
}

function pyLegacy(file: string, cls: string, kind: SkeletonKind): string {
  return `# ${cls}: a presence router in the legacy style (R57): Synapse finds the two
# methods by name. The users in \`watchers\` receive everyone's presence.
${loadHint(file, kind, "#")}
from typing import Dict, Iterable, List, Set, Union

from synapse.events.presence_router import PresenceRouter
from synapse.handlers.presence import UserPresenceState
from synapse.module_api import ModuleApi


class ${cls}:
    def __init__(self, config: List[str], module_api: ModuleApi):
        self.watchers = config
        self.api = module_api

    @staticmethod
    def parse_config(config: dict) -> List[str]:
        # Checked once, at startup: a bad config stops the server (ConfigError).
        return [str(w) for w in config.get("watchers", [])]

${PY_CALLBACKS}`;
}
