/** What globalSetup hands the test files, through the environment the workers inherit. */
export const HARNESS_STATE = 'NLF_TEST_HARNESS';

export interface HarnessState {
  /** PID of the launcher process that owns the test PostgreSQL. */
  pid: number;
  dataDir: string;
  /** Seeded database of every subgraph, by subgraph name. */
  databaseUrls: Record<string, string>;
  /** Where the test run's issuer and gateway keys are. */
  keysDir: string;
}

export function harnessState(): HarnessState {
  const raw = process.env[HARNESS_STATE];
  if (!raw) throw new Error('the test PostgreSQL is not running: run the tests through jest (globalSetup)');
  return JSON.parse(raw) as HarnessState;
}
