// The scenario's own ids (users, rooms, servers, devices, labels) and the module files,
// for scenario.yaml's completions (yaml.ts). Pure: the text in, the ids out.
import { parseDocument } from "yaml";
import { idsOf, type ScenarioIds } from "../../scenario/schema.ts";

/**
 * Above this size the scenario's own ids are not offered as completions: the parse runs on
 * the main thread at every scenario edit, ~1.8 s for the 1.1 MB of the 10,000-user example.
 * Module file names still are.
 */
export const MAX_IDS_TEXT = 256 * 1024;

/** The completions' ids of a scenario text; null when it does not parse (keep the last good ones). */
export function scenarioIdsOf(text: string, modules: string[]): ScenarioIds | null {
  if (text.length > MAX_IDS_TEXT) return idsOf(null, modules);
  try {
    // uniqueKeys off: yaml's duplicate-key check is quadratic in a map's size (5 s for a
    // 10,000-user scenario); duplicates are the parser's and the schema's to report.
    return idsOf(parseDocument(text, { prettyErrors: false, uniqueKeys: false }).toJS({ maxAliasCount: 100 }), modules);
  } catch {
    return null;
  }
}

