import { execFileSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { loadConfig } from '@nlf/gateway';
import { domainCopies, readShared, syncDomainCopies } from './domainData';

/**
 * Generated artefacts are committed; this fails when they differ from what the code generates.
 * The build regenerates the SDL files, so after a build any difference from git is drift.
 * `--write` refreshes the services' copies of the domain data from ../shared.
 */
const repoRoot = join(__dirname, '..', '..', '..');
const write = process.argv.includes('--write');
const problems: string[] = [];

const shared = readShared();
if (shared) {
  const stale = syncDomainCopies(domainCopies(repoRoot, loadConfig(), shared), write);
  if (write) for (const path of stale) process.stderr.write(`updated ${relative(repoRoot, path)}\n`);
  else for (const path of stale) problems.push(`${relative(repoRoot, path)} differs from shared/domain/organisations.json`);
} else {
  process.stderr.write('shared/domain is not beside the repo: the domain data copies are not checked\n');
}

const generated = ['packages/contract/contract.graphql', 'gateway/registry.graphql', 'gateway/supergraph.graphql', 'gateway/persisted-operations.json', 'services/*/subgraph.graphql', 'services/*/data/organisations.json'];
// Against git's index, not HEAD: staged artefacts count as committed, so `git add` then `npm test` works.
const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).split('\n').filter(Boolean);
for (const path of git('diff', '--name-only', '--', ...generated)) problems.push(`${path} differs from what is committed`);
for (const path of git('ls-files', '--others', '--exclude-standard', '--', ...generated)) problems.push(`${path} is not committed`);

if (problems.length && !write) {
  process.stderr.write(
    `generated artefacts are out of date:\n- ${problems.join('\n- ')}\n` +
      'run `npm run generate`, review the change and commit it.\n',
  );
  process.exit(1);
}
process.stderr.write(write ? 'generated artefacts written\n' : 'generated artefacts match the code\n');
