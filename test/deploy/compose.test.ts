import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { allSubgraphs, loadConfig, readGatewaySettings, urlVariable } from '@nlf/gateway';
import { databaseName, ensureLocalKeys, findFreePort, issueToken, REPO_ROOT } from '@nlf/stack';
import { readCompose, type ComposeService } from '../harness/compose';
import { checkNginxConfig, localNginxConfig, nginxFolder, startTestNginx, type TestNginx } from '../harness/nginx';
import { startProcess, type TestProcess } from '../harness/process';
import { startTestRedis, type TestRedis } from '../harness/redis';
import { harnessState } from '../harness/state';

// The images' entry commands, run outside Docker: each service's `command` with its `environment`
// from docker-compose.yml, from the repo root (the image's WORKDIR), on loopback and free ports,
// against the test database; then each service's own health check command.
const config = loadConfig();
const subgraphNames = allSubgraphs(config).map((subgraph) => subgraph.name);
const GATEWAYS = ['gateway-a', 'gateway-b'] as const;
const REDIS_PASSWORD = 'composeRedisTest';
const NGINX_CONF = readFileSync(join(REPO_ROOT, 'deploy', 'nginx', 'nginx.conf'), 'utf8');
let compose: ReturnType<typeof readCompose>;
beforeAll(() => {
  // The secrets the file takes from the environment. The keys are multi-line PEM, which this test's
  // plain substitution cannot put into YAML: placeholders here, the real keys when each process
  // starts (test/harness/process.ts).
  compose = readCompose({ POSTGRES_PASSWORD: 'compose-test', REDIS_PASSWORD, NLF_GATEWAY_SIGNING_KEY: 'from-env', NLF_GATEWAY_PUBLIC_KEY: 'from-env' });
});
const processes: TestProcess[] = [];
const ports: Record<string, number> = {};
let redis: TestRedis | undefined;
let nginx: TestNginx | undefined;
afterAll(async () => {
  await nginx?.stop();
  await Promise.all(processes.map((p) => p.stop()));
  await redis?.stop();
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
      for (const gateway of GATEWAYS) {
        expect(compose[gateway]!.environment[urlVariable(name)]).toBe(`http://${name}:${service!.environment.PORT}/graphql`);
        expect(compose[gateway]!.depends_on?.[name]).toEqual({ condition: 'service_healthy' });
      }
      expect(service!.depends_on?.postgres).toEqual({ condition: 'service_healthy' });
    }
  });

  it('keeps secrets out of the file: the database and Redis passwords come only from the environment', () => {
    const text = readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8');
    expect(text).not.toContain('compose-test');
    expect(text).not.toContain(REDIS_PASSWORD);
    expect(NGINX_CONF).not.toContain(REDIS_PASSWORD);
    const secrets = { POSTGRES_PASSWORD: 'compose-test', REDIS_PASSWORD, NLF_GATEWAY_SIGNING_KEY: 'x', NLF_GATEWAY_PUBLIC_KEY: 'x' };
    expect(() => readCompose({ ...secrets, POSTGRES_PASSWORD: undefined })).toThrow('POSTGRES_PASSWORD');
    expect(() => readCompose({ ...secrets, REDIS_PASSWORD: undefined })).toThrow('REDIS_PASSWORD');
    // No literal secret in any service's environment: each is a variable the file takes from outside.
    for (const line of text.split('\n').filter((l) => /(PASSWORD|_KEY):/.test(l) && !l.trim().startsWith('#'))) expect(line).toMatch(/\$\{[A-Z_]+(:[?-][^}]*)?\}/);
  });

  it('runs two alike gateway replicas that share their rate limits through the Redis service, behind nginx alone', () => {
    const [a, b] = GATEWAYS.map((name) => compose[name]!);
    expect(b!.command).toEqual(a!.command);
    expect(b!.environment).toEqual(a!.environment);
    const redisUrl = new URL(a!.environment.NLF_REDIS_URL!);
    expect({ protocol: redisUrl.protocol, host: redisUrl.host, password: redisUrl.password }).toEqual({ protocol: 'redis:', host: 'redis:6379', password: REDIS_PASSWORD });
    expect(compose.redis!.environment.REDIS_PASSWORD).toBe(REDIS_PASSWORD);
    expect(compose.redis!.command!.join(' ')).toMatch(/--requirepass "\$\$REDIS_PASSWORD"/);
    expect(compose.redis!.command!.join(' ')).toMatch(/--save '' --appendonly no/);
    // nginx, on the compose network's private addresses, trusted as the proxy in front, and the only
    // service with a published port.
    expect(readGatewaySettings([], { ...a!.environment, NLF_GATEWAY_SIGNING_KEY: 'pem', NLF_AUTH_PUBLIC_KEY: 'pem' }).trustProxy).toEqual(['uniquelocal']);
    expect(a!.depends_on?.redis).toEqual({ condition: 'service_healthy' });
    expect(Object.values(compose).filter((service) => service.ports).map((service) => service.name)).toEqual(['nginx']);
    expect(compose.nginx!.ports).toEqual(['4000:4000']);
    expect(compose.nginx!.volumes).toContain('./deploy/nginx/nginx.conf:/etc/nginx/nginx.conf:ro');
    expect(compose.nginx!.depends_on).toEqual({ 'gateway-a': { condition: 'service_healthy' }, 'gateway-b': { condition: 'service_healthy' } });
    // Its upstream is both replicas, on the port they listen on, and nothing else.
    const upstream = /upstream\s+gateways\s*\{([^}]*)\}/.exec(NGINX_CONF)![1]!;
    const servers = [...upstream.matchAll(/^\s*server\s+([^\s;]+)/gm)].map((match) => match[1]);
    expect(servers).toEqual(GATEWAYS.map((name) => `${name}:${a!.environment.PORT}`));
    expect(NGINX_CONF).toMatch(/^\s*listen\s+4000;/m);
    expect(NGINX_CONF).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
  });

  it("nginx -t accepts deploy/nginx/nginx.conf (Debian's nginx, the replicas' names as this machine reaches them)", async () => {
    const port = await findFreePort();
    const folder = nginxFolder((dir) => localNginxConfig(NGINX_CONF, { port, dir, upstreams: { 'gateway-a': '127.0.0.1:4999', 'gateway-b': '127.0.0.1:4998' } }));
    try {
      const checked = checkNginxConfig(folder.configPath, folder.dir);
      expect(checked.output).toContain('syntax is ok');
      expect(checked.status).toBe(0);
    } finally {
      rmSync(folder.dir, { recursive: true, force: true });
    }
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

  it("starts both gateways with their services' commands against a Redis with the compose file's password; each one's health check passes and /ready sees every subgraph", async () => {
    redis = await startTestRedis({ password: REDIS_PASSWORD });
    await Promise.all(GATEWAYS.map(async (name) => {
      const service = compose[name]!;
      ports[name] = await findFreePort();
      const env: Record<string, string> = { ...service.environment, HOST: '127.0.0.1', PORT: String(ports[name]) };
      // The compose network's service names, as this machine reaches them; the password as the file gives it.
      for (const subgraph of subgraphNames) env[urlVariable(subgraph)] = `http://127.0.0.1:${ports[subgraph]}/graphql`;
      const redisUrl = new URL(env.NLF_REDIS_URL!);
      redisUrl.host = `127.0.0.1:${redis!.port}`;
      env.NLF_REDIS_URL = redisUrl.toString();
      // A low limit for the test (the file leaves the default): 20 at once, then one a minute. nginx
      // reaches the gateways from loopback here, from the compose network's private addresses there.
      Object.assign(env, { NLF_RATE_LIMIT_PER_MINUTE: '1', NLF_RATE_LIMIT_BURST: '20', NLF_TRUST_PROXY: 'loopback' });
      const gateway = run(service, env);
      await gateway.waitForHttp(`http://127.0.0.1:${ports[name]}/health`);
      await gateway.waitForLine('rate limits shared through Redis');
      expect(healthCheck(service, env)).toBe(0);
      expect((await fetch(`http://127.0.0.1:${ports[name]}/ready`)).status).toBe(200);
    }));
  });

  it('serves through nginx with the committed config: both replicas answer, one limit per caller, the caller known by its own address', async () => {
    const port = await findFreePort();
    const upstreams = Object.fromEntries(GATEWAYS.map((name) => [name, `127.0.0.1:${ports[name]}`]));
    nginx = await startTestNginx(nginxFolder((dir) => localNginxConfig(NGINX_CONF, { port, dir, upstreams })), port);
    const gateways = processes.slice(-2);

    /** A POST through nginx from a loopback address of its own, with a request id to find who answered. */
    const post = (body: object, options: { from?: string; headers?: Record<string, string> } = {}) =>
      new Promise<{ status: number; body: any; id: string }>((resolve, reject) => {
        const text = JSON.stringify(body);
        const id = `compose-${Math.random().toString(36).slice(2)}`;
        const sent = httpRequest(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          agent: false,
          localAddress: options.from ?? '127.0.0.1',
          headers: { 'content-type': 'application/json', 'x-request-id': id, ...options.headers },
        }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString('utf8')), id }));
        });
        sent.on('error', reject);
        sent.end(text);
      });

    const query = { query: '{ comparison { organisations { id } } }' };
    const first = await post(query);
    expect(first.body.data.comparison.organisations).toHaveLength(13);

    // One caller (a token's subject) through nginx: round robin over both, one bucket of 20 between them.
    const token = await issueToken((await ensureLocalKeys(harnessState().keysDir)).issuer.privateKey, { role: 'secretariat', subject: 'compose-caller' });
    const answers = [];
    for (let i = 0; i < 40; i += 1) answers.push(await post(query, { headers: { authorization: `Bearer ${token}` } }));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(20);
    expect(answers.slice(20).every((answer) => answer.status === 429 && answer.body.errors[0].extensions.code === 'RATE_LIMITED')).toBe(true);
    // Each request's line in the log of the replica that answered it (written as the answer is sent).
    await new Promise((resolve) => setTimeout(resolve, 200));
    const answeredBy = answers.map((answer) => gateways.findIndex((gateway) => gateway.lines.some((line) => line.includes(answer.id))));
    expect(new Set(answeredBy)).toEqual(new Set([0, 1]));

    // Anonymous callers are limited by their own address, which nginx passes on and the gateways trust
    // (NLF_TRUST_PROXY); an X-Forwarded-For a caller makes up is replaced, so it buys no new bucket.
    const statuses = async (count: number, from: string, headers?: Record<string, string>) => {
      const got: number[] = [];
      for (let i = 0; i < count; i += 1) got.push((await post(query, { from, headers })).status);
      return got;
    };
    expect((await statuses(20, '127.0.0.2')).every((status) => status === 200)).toBe(true);
    expect(await statuses(2, '127.0.0.2', { 'x-forwarded-for': '203.0.113.9' })).toEqual([429, 429]);
    expect(await statuses(1, '127.0.0.3')).toEqual([200]);
  });
});
