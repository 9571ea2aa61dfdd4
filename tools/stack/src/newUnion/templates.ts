import type { NewUnion } from './arguments';

/** The files of a new union's service, by path relative to services/<id>. */
export function serviceFiles(union: NewUnion, options: { port: number; tsconfigBase: string; migrationName: string; meta: Record<string, unknown> }): Record<string, string> {
  const table = `${union.id.replace(/-/g, '_')}_member_import`;
  return {
    'package.json': `${JSON.stringify(
      {
        name: `@nlf/service-${union.id}`,
        version: '0.1.0',
        private: true,
        description: `The ${union.name} subgraph of the Nordic Leaders Federation.`,
        main: 'dist/index.js',
        scripts: { build: 'tsc -p tsconfig.json && node dist/index.js print-schema > subgraph.graphql', start: 'node dist/index.js serve' },
        // The kit's storage runs on MikroORM, an optional peer of @nlf/kit.
        dependencies: { '@mikro-orm/core': '6.6.16', '@mikro-orm/migrations': '6.6.16', '@mikro-orm/postgresql': '6.6.16', '@nlf/kit': '0.1.0' },
      },
      null,
      2,
    )}\n`,
    'tsconfig.json': `${JSON.stringify(
      { extends: options.tsconfigBase, compilerOptions: { rootDir: 'src', outDir: 'dist' }, include: ['src'], exclude: ['src/**/__tests__/**'] },
      null,
      2,
    )}\n`,
    'src/index.ts': `import { join } from 'node:path';
import { main } from '@nlf/kit';
import { migrations } from './migrations';

main({
  name: '${union.id}',
  typeName: '${union.typeName}',
  defaultPort: ${options.port},
  dataFile: join(__dirname, '..', 'data', 'organisations.json'),
  migrations,
});
`,
    'src/migrations/index.ts': `import type { MigrationObject } from '@mikro-orm/core';
import { ${options.migrationName} } from './${options.migrationName}';

/** ${union.name}'s own migrations, applied after the kit's contract migrations, in this order. */
export const migrations: MigrationObject[] = [{ name: '${options.migrationName}', class: ${options.migrationName} }];
`,
    [`src/migrations/${options.migrationName}.ts`]: `import { Migration } from '@mikro-orm/migrations';

/**
 * ${union.name}'s first table of its own: a log of imports from the union's member system, so the
 * figures it serves can say when they were last refreshed. Add further tables in new migrations;
 * never edit one that has run.
 */
export class ${options.migrationName} extends Migration {
  override async up(): Promise<void> {
    this.addSql(\`create table ${table} (
      id bigint generated always as identity primary key,
      imported_at timestamptz not null default now(),
      source_system text not null,
      leader_members int not null check (leader_members >= 0)
    )\`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table ${table}');
  }
}
`,
    'data/organisations.json': `${JSON.stringify(
      {
        meta: { ...options.meta, note: `${union.name}'s own data: add figures only with their source document and a verbatim quote.` },
        organisations: [
          {
            id: union.id,
            name: union.name,
            country: union.country,
            kind: 'UNION',
            parent: null,
            memberCount: null,
            leaderMemberCount: null,
            sections: [],
            governingBodies: [],
            forums: [],
          },
        ],
      },
      null,
      2,
    )}\n`,
  };
}
