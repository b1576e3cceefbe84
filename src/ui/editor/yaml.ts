// scenario.yaml intelligence: monaco-yaml (completion, hover, instant validation) driven by
// the scenario JSON Schema (src/scenario/schema.ts), with the open scenario's own user
// ids, room ids, servers, devices, labels and the workspace's module files as
// completions. The YAML worker is bundled by Vite (`?worker`), never fetched from a CDN.
//
// monaco-yaml 5 was written for Monaco's older worker API; two adapters below:
// - createWebWorker: Monaco 0.57 wants the Worker itself (monaco-worker-manager passes
//   only a label and module id);
// - setModelMarkers: the schema's "Property X is not allowed." becomes the parser's
//   wording with its "did you mean" (unknownKeyMessage), and markers.ts drops the
//   parser's copy of the same error, so a typo is underlined once; the schema's "Missing
//   property" for the key the typo meant is dropped too (oneReportPerTypo).
import type * as Monaco from "monaco-editor/editor";
import { configureMonacoYaml, type MonacoYaml } from "monaco-yaml";
import YamlWorker from "monaco-yaml/yaml.worker?worker";
import { isMap, isPair, isScalar, isSeq, parseDocument, visit, type Node } from "yaml";
import { scenarioSchema, unknownKeyMessage, type JsonSchema, type ScenarioIds } from "../../scenario/schema.ts";
import { scenarioIdsOf } from "./scenarioIds.ts";

export const YAML_OWNER = "yaml";
const SCHEMA_URI = "inmemory://playground/scenario.schema.json";

let yaml: MonacoYaml | null = null;
let schema: JsonSchema = scenarioSchema();
let idsKey = "";

/** Path (keys and list indexes) of the map holding the key that starts at `offset`. */
export function mapPathOfKeyAt(text: string, offset: number): (string | number)[] | null {
  const doc = parseDocument(text, { prettyErrors: false });
  let found: (string | number)[] | null = null;
  visit(doc, {
    Pair(_, pair, ancestors) {
      const k = pair.key as Node | null;
      if (!isScalar(k) || k.range?.[0] !== offset) return undefined;
      const path: (string | number)[] = [];
      const chain = [...ancestors.slice(1), pair];
      for (let i = 0; i < chain.length - 1; i++) {
        const a = chain[i];
        const next = chain[i + 1];
        if (isPair(a) && isScalar(a.key)) path.push(String(a.key.value));
        else if (isSeq(a)) path.push(a.items.indexOf(next as never));
        else if (!isMap(a) && !isPair(a)) return visit.BREAK;
      }
      found = path;
      return visit.BREAK;
    },
  });
  return found;
}

export function configureYaml(monaco: typeof Monaco, file: string): void {
  if (yaml) return;
  const editorApi: typeof Monaco.editor = {
    ...monaco.editor,
    createWebWorker: ((opts: { createData?: unknown; host?: unknown; keepIdleModels?: boolean }) => {
      const w = new YamlWorker();
      w.postMessage("ignore"); // the first message starts the worker server
      w.postMessage(opts.createData);
      return monaco.editor.createWebWorker({ worker: w, host: opts.host as never, keepIdleModels: opts.keepIdleModels });
    }) as never,
    setModelMarkers(model, owner, markers) {
      if (owner === YAML_OWNER) markers = oneReportPerTypo(model, markers.map((m) => withSuggestion(model, m)));
      monaco.editor.setModelMarkers(model, owner, markers);
    },
  };
  yaml = configureMonacoYaml({ ...monaco, editor: editorApi } as typeof Monaco, {
    enableSchemaRequest: false,
    yamlVersion: "1.2", // as the parser (yaml 2 defaults to YAML 1.2)
    completion: true,
    hover: true,
    validate: true,
    schemas: [{ uri: SCHEMA_URI, fileMatch: [file], schema: schema as never }],
  });
}

function withSuggestion(model: Monaco.editor.ITextModel, m: Monaco.editor.IMarkerData): Monaco.editor.IMarkerData {
  const k = /^Property (.+) is not allowed\.$/.exec(m.message);
  if (!k) return m;
  const offset = model.getOffsetAt({ lineNumber: m.startLineNumber, column: m.startColumn });
  const path = mapPathOfKeyAt(model.getValue(), offset);
  return path ? { ...m, message: unknownKeyMessage(schema, path, k[1]) } : m;
}

const MISSING = /^Missing property "/;

/**
 * A misspelt key ("presense") also makes the schema miss the key it meant ("Missing
 * property presence" on the same map): the unknown key's marker, with its "did you
 * mean", is the one report.
 */
function oneReportPerTypo(model: Monaco.editor.ITextModel, markers: Monaco.editor.IMarkerData[]): Monaco.editor.IMarkerData[] {
  if (!markers.some((m) => MISSING.test(m.message))) return markers;
  const text = model.getValue();
  const offsetOf = (line: number, column: number) => model.getOffsetAt({ lineNumber: line, column });
  const typos = markers
    .filter((m) => m.message.startsWith('unknown key "'))
    .map((m) => {
      const offset = offsetOf(m.startLineNumber, m.startColumn);
      return { offset, map: JSON.stringify(mapPathOfKeyAt(text, offset)) };
    });
  if (typos.length === 0) return markers;
  return markers.filter((m) => {
    if (!MISSING.test(m.message)) return true;
    const start = offsetOf(m.startLineNumber, m.startColumn);
    const end = offsetOf(m.endLineNumber, m.endColumn);
    const map = JSON.stringify(mapPathOfKeyAt(text, start));
    return !typos.some((t) => (t.offset >= start && t.offset < end) || (map !== "null" && t.map === map));
  });
}

/** Re-derives the completions from the scenario text (cheap; only pushed when they change). */
export function updateScenarioIds(file: string, text: string, modules: string[]): void {
  if (!yaml) return;
  const ids = scenarioIdsOf(text, modules);
  if (ids) pushIds(file, ids);
}

function pushIds(file: string, ids: ScenarioIds): void {
  if (!yaml) return;
  const key = JSON.stringify(ids);
  if (key === idsKey) return;
  idsKey = key;
  schema = scenarioSchema(ids);
  void yaml.update({ schemas: [{ uri: SCHEMA_URI, fileMatch: [file], schema: schema as never }] });
}
