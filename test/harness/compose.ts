import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@nlf/stack';
import { parse } from 'yaml';

export interface ComposeService {
  name: string;
  build?: unknown;
  image?: string;
  command?: string[];
  environment: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
  volumes?: string[];
}

/** `${NAME}`, `${NAME:-default}` and `${NAME:?message}` as docker-compose interpolates them. */
export function interpolate(text: string, env: Record<string, string | undefined>): string {
  return text.replace(/\$\{([A-Z0-9_]+)(?:(:-|:\?)([^}]*))?\}/g, (_match, name: string, operator?: string, argument?: string) => {
    const value = env[name];
    if (value !== undefined && value !== '') return value;
    if (operator === ':-') return argument ?? '';
    if (operator === ':?') throw new Error(`docker-compose.yml needs ${name}: ${argument}`);
    return '';
  });
}

/** docker-compose.yml with merge keys resolved and variables interpolated from `env`. */
export function readCompose(env: Record<string, string | undefined>): Record<string, ComposeService> {
  const text = interpolate(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), env);
  const document = parse(text, { merge: true }) as { services: Record<string, Omit<ComposeService, 'name'>> };
  return Object.fromEntries(
    Object.entries(document.services).map(([name, service]) => [
      name,
      { ...service, name, environment: Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, String(v ?? '')])) },
    ]),
  );
}
