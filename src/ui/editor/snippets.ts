// Snippet completions for module files (.ts): the two shapes of a presence router, a
// legacy class configured under `presence.presence_router` (Synapse finds its methods
// by name, R57) and a modern module that registers its callbacks in the constructor
// (R56). Offered where a statement can start, not after a `.`.
import type * as Monaco from "monaco-editor/editor";

interface Snippet {
  label: string;
  detail: string;
  doc: string;
  body: string;
}

// Snippet syntax: ${n:default} placeholders, $0 the final cursor.
export const SNIPPETS: Snippet[] = [
  {
    label: "presence_router_legacy",
    detail: "Legacy presence router class (presence.presence_router)",
    doc: "A class with `parse_config`, a `(config, api)` constructor, `get_users_for_states` and `get_interested_users`. Synapse calls the methods by name (R57).",
    body: `import { PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

interface \${1:RouterConfig} {
  \${2:watchers}: string[];
}

/** Configure it under \`presence: presence_router:\`; Synapse calls its methods by name. */
export default class \${3:MyPresenceRouter} {
  constructor(
    private readonly config: \${1:RouterConfig},
    private readonly api: ModuleApi,
  ) {}

  /** Checks the raw \`config:\` block; throw ConfigError to reject it. */
  static parse_config(config: Record<string, unknown>): \${1:RouterConfig} {
    return { \${2:watchers}: (config.\${2:watchers} ?? []) as string[] };
  }

  /** Who else receives these updates: user id -> the states they get. */
  async get_users_for_states(
    state_updates: Iterable<UserPresenceState>,
  ): Promise<Map<string, Set<UserPresenceState>>> {
    const states = new Set(state_updates);
    return new Map(this.config.\${2:watchers}.map((user) => [user, states]));$0
  }

  /** Whose presence user_id may see besides room-mates, or PresenceRouter.ALL_USERS. */
  async get_interested_users(user_id: string): Promise<Set<string> | typeof PresenceRouter.ALL_USERS> {
    return this.config.\${2:watchers}.includes(user_id) ? PresenceRouter.ALL_USERS : new Set();
  }
}
`,
  },
  {
    label: "presence_router_module",
    detail: "Presence router module (register_presence_router_callbacks)",
    doc: "A module listed under `modules:` that registers `get_users_for_states` and `get_interested_users` in its constructor (R56).",
    body: `import { PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

/** List it under \`modules:\`; it registers its callbacks when constructed. */
export default class \${1:MyRouterModule} {
  constructor(config: Record<string, unknown>, api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: async (states: Iterable<UserPresenceState>) => {
        const updates = new Map<string, Set<UserPresenceState>>();
        $0
        return updates;
      },
      get_interested_users: async (user_id: string) =>
        user_id === "\${2:@watcher:example.org}" ? PresenceRouter.ALL_USERS : new Set<string>(),
    });
  }
}
`,
  },
];

export function registerSnippets(monaco: typeof Monaco): Monaco.IDisposable {
  return monaco.languages.registerCompletionItemProvider("typescript", {
    provideCompletionItems(model, position) {
      if (!model.uri.path.endsWith(".ts")) return { suggestions: [] };
      const word = model.getWordUntilPosition(position);
      const before = model.getLineContent(position.lineNumber).slice(0, word.startColumn - 1);
      if (/\.\s*$/.test(before)) return { suggestions: [] }; // member access: not a place for a class
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      return {
        suggestions: SNIPPETS.map((s) => ({
          label: s.label,
          kind: monaco.languages.CompletionItemKind.Snippet,
          detail: s.detail,
          documentation: { value: s.doc },
          insertText: s.body,
          insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
          range,
        })),
      };
    },
  });
}
