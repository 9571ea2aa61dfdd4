import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allSubgraphs, loadConfig, urlVariable } from '@nlf/gateway';
import { databaseName, findFreePort, REPO_ROOT } from '@nlf/stack';
import { readCompose, type ComposeService } from '../harness/compose';
import { startProcess, type TestProcess } from '../harness/process';
import { harnessState } from '../harness/state';

// The images' entry commands, run outside Docker: each service's `command` with its `environment`
// from docker-compose.yml, from the repo root (the image's WORKDIR), on loopback and free ports,
// against the test database; then each service's own health check command.
const config = loadConfig();
const subgraphNames = allSubgraphs(config).map((subgraph) => subgraph.name);
let compose: ReturnType<typeof readCompose>;
beforeAll(() => {
  // The secrets the file takes from the environment. The keys are multi-line PEM, which this test's
  // plain substitution cannot put into YAML: placeholders here, the real keys when each process
  // starts (test/harness/process.ts).
  compose = readCompose({ POSTGRES_PASSWORD: 'compose-test', NLF_GATEWAY_SIGNING_KEY: 'from-env', NLF_GATEWAY_PUBLIC_KEY: 'from-env' });
});
const processes: TestProcess[] = [];
const ports: Record<string, number> = {};
afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
});

function run(service: ComposeService, env: Record<string, string>): TestProcess {
  const [program, ...args] = service.command ?? [];
  expect(program).toBe('node');
  // Placeholders and empty optional settings give way to the test run's keys.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== 'from-env' && value !== ''));
  const started = startProcess(args, given);
  processes.push(started);
  return started;
}

function healthCheck(service: ComposeService, env: Record<string, string>): number | null {
  const [form, program, ...args] = service.healthcheck!.test;
  expect([form, program]).toEqual(['CMD', 'node']);
  return spawnSync(process.execPath, args, { cwd: REPO_ROOT, env: { PATH: process.env.PATH, ...env }, timeout: 10_000 }).status;
}

describe('docker-compose.yml', () => {
  it('has a service for every subgraph of the federation config, each with its own database', () => {
    const init = readFileSync(join(REPO_ROOT, 'deploy', 'postgres-init.sql'), 'utf8');
    for (const name of subgraphNames) {
      const service = compose[name];
      expect(service?.build).toBeDefined();
      expect(new URL(service!.environment.DATABASE_URL!).pathname).toBe(`/${databaseName(name)}`);
      expect(init).toContain(`CREATE DATABASE ${databaseName(name)};`);
      expect(compose.gateway!.environment[urlVariable(name)]).toBe(`http://${name}:${service!.environment.PORT}/graphql`);
      expect(compose.gateway!.depends_on?.[name]).toEqual({ condition: 'service_healthy' });
      expect(service!.depends_on?.postgres).toEqual({ condition: 'service_healthy' });
    }
  });

  it('keeps secrets out of the file: the database password comes only from the environment', () => {
    const text = readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8');
    expect(text).not.toContain('compose-test');
    expect(() => readCompose({})).toThrow('POSTGRES_PASSWORD');
  });

  it("starts every subgraph with its service's command, and its health check says ready", async () => {
    const databases = harnessState().databaseUrls;
    await Promise.all(
      subgraphNames.map(async (name) => {
        const service = compose[name]!;
        ports[name] = await findFreePort();
        const env = { ...service.environment, HOST: '127.0.0.1', PORT: String(ports[name]), DATABASE_URL: databases[name]! };
        await run(service, env).waitForHttp(`http://127.0.0.1:${ports[name]}/ready`);
        expect(healthCheck(service, env)).toBe(0);
      }),
    );
  });

  it("starts the gateway with its service's command; its health check passes and /ready sees every subgraph", async () => {
    const service = compose.gateway!;
    const port = await findFreePort();
    const env: Record<string, string> = { ...service.environment, HOST: '127.0.0.1', PORT: String(port) };
    // The compose network's service names, as this machine reaches them.
    for (const name of subgraphNames) env[urlVariable(name)] = `http://127.0.0.1:${ports[name]}/graphql`;
    const gateway = run(service, env);
    await gateway.waitForHttp(`http://127.0.0.1:${port}/health`);
    expect(healthCheck(service, env)).toBe(0);
    const ready = await fetch(`http://127.0.0.1:${port}/ready`);
    expect(ready.status).toBe(200);
    const answer = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ comparison { organisations { id } } }' }),
    });
    expect(((await answer.json()) as any).data.comparison.organisations).toHaveLength(13);
  });
});
