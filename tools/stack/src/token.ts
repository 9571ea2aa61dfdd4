import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@nlf/gateway';
import { isViewerRole } from '@nlf/contract';
import { issueToken } from './issueToken';
import { keysDirFrom } from './settings';

const USAGE = `usage: npm run token -- <role> [organisation] [--ttl 8h] [--sub name]
  role: union-staff (needs an organisation id, e.g. lederne), secretariat (optionally of an organisation, e.g. oao) or dashboard
  prints a bearer token of the local issuer that npm start uses (keys in .data/keys)
  example: curl -H "Authorization: Bearer $(npm run -s token -- union-staff lederne)" ...`;

async function main(args: string[]): Promise<void> {
  const option = (name: string) => {
    const index = args.indexOf(name);
    if (index < 0) return undefined;
    const value = args[index + 1];
    args.splice(index, 2);
    return value;
  };
  const expiresIn = option('--ttl');
  const subject = option('--sub');
  const [role, organisationId] = args;
  if (!role || !isViewerRole(role)) throw new Error(USAGE);
  const ids = loadConfig().subgraphs.flatMap((s) => s.organisations.map((o) => o.id));
  if (role === 'union-staff' || organisationId) {
    if (!organisationId || !ids.includes(organisationId)) {
      throw new Error(`a union-staff token needs one of the federation's organisations: ${ids.join(', ')}`);
    }
  }
  const keyPath = join(keysDirFrom(), 'issuer-private.pem');
  if (!existsSync(keyPath)) throw new Error(`no local issuer key at ${keyPath}: run npm start once first`);
  process.stdout.write(`${await issueToken(readFileSync(keyPath, 'utf8'), { role, organisationId, subject, expiresIn })}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
