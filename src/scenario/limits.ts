// Sizes beyond which a scenario is rejected as absurd (a clear message instead of a
// frozen tab). Overridable through parseScenario's options (tests use small ones).
export interface Limits {
  servers: number;
  users: number;
  rooms: number;
  devices: number;
  clients: number;
  steps: number;
  expect: number;
  /** Characters in any one string. */
  string: number;
  /** Largest `duration` / `at` in ms. */
  offset: number;
  /** Values in all JSON values together (module configs, EDU bodies), counting repeated aliases: guards alias bombs. */
  json: number;
}

export const DEFAULT_LIMITS: Limits = {
  servers: 100,
  users: 20_000,
  rooms: 20_000,
  devices: 100,
  clients: 20_000,
  steps: 100_000,
  expect: 10_000,
  string: 10_000,
  offset: 7 * 24 * 3_600_000, // 7 days
  json: 200_000,
};
