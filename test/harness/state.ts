import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** The test run's keys as the processes take them from the environment (the files exist after globalSetup). */
export function harnessKeysEnvironment(): Record<string, string> {
  const { keysDir } = harnessState();
  const pem = (name: string) => readFileSync(join(keysDir, `${name}.pem`), 'utf8');
  return {
    NLF_AUTH_PUBLIC_KEY: pem('issuer-public'),
    NLF_GATEWAY_SIGNING_KEY: pem('gateway-private'),
    NLF_GATEWAY_PUBLIC_KEY: pem('gateway-public'),
  };
}
