import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@nlf/stack';
import { startTestFederation, type TestFederation } from './federation';
import { startScaffoldedUnion, type TestUnion } from './newUnion';

export interface UnionFederation {
  federation: TestFederation;
  union: TestUnion;
  stop(): Promise<void>;
}

/**
 * The federation on a copy of its config, and a scaffolded union joined to it by a config entry, as
 * a union joins: started once the gateway serves the supergraph with the union in it.
 */
export async function startFederationWithUnion(...args: Parameters<typeof startScaffoldedUnion>): Promise<UnionFederation> {
  const scratch = mkdtempSync(join(tmpdir(), 'nlf-union-federation-'));
  const configPath = join(scratch, 'federation.config.json');
  copyFileSync(join(REPO_ROOT, 'gateway', 'federation.config.json'), configPath);
  const federation = await startTestFederation({ env: { NLF_FEDERATION_CONFIG: configPath } });
  const stopAll = async (union?: TestUnion) => {
    await Promise.all([federation.stop(), union?.stop()]);
    rmSync(scratch, { recursive: true, force: true });
  };
  let union: TestUnion | undefined;
  try {
    union = await startScaffoldedUnion(...args);
    const version = (await federation.get('/health')).body.supergraph.version;
    const entry = JSON.parse(readFileSync(union.configPath, 'utf8')).subgraphs.at(-1);
    const config = JSON.parse(readFileSync(configPath, 'utf8'));
    writeFileSync(configPath, JSON.stringify({ ...config, subgraphs: [...config.subgraphs, { ...entry, url: union.url }] }, null, 2));
    for (;;) {
      const health = (await federation.get('/health')).body.supergraph;
      if (health.version > version) break;
      if (health.refused) throw new Error(health.refused.reason);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } catch (error) {
    await stopAll(union);
    throw error;
  }
  const joined = union;
  return { federation, union: joined, stop: () => stopAll(joined) };
}
