/**
 * `npm run openapi:check [-- --write]`: for each service app module given, builds its OpenAPI
 * document, lints it (openapi-lint: any finding fails), generates the client types, and checks
 * both against the committed `<service>/openapi/openapi.json` and `openapi.d.ts`, so a reviewer
 * sees every API change in the diff and CI fails when they drift. `--write` updates them.
 *
 *   node -r @swc-node/register libs/platform/src/testing/openapi/openapi-check.ts \
 *     services/contacts/src/app.module.ts#AppModule services/sales/src/app.module.ts#AppModule
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openApiClientTypes, formatLike } from './openapi-client-types';
import { lintOpenApi } from './openapi-lint';
import { serviceOpenApiDocument } from './service-openapi-document';

interface Outcome {
  readonly service: string;
  readonly problems: string[];
}

async function checkService(target: string, write: boolean): Promise<Outcome> {
  const [modulePath, exportName = 'AppModule'] = target.split('#');
  const file = path.resolve(modulePath!);
  const service = path.basename(path.resolve(path.dirname(file), '..'));
  const outDir = path.resolve(path.dirname(file), '..', 'openapi');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const appModule = require(file)[exportName];
  if (!appModule) return { service, problems: [`${target}: no export ${exportName}`] };

  const document = await serviceOpenApiDocument(appModule);
  const problems = (await lintOpenApi(document)).map((f) => `${f.rule}: ${f.message} (${f.at})`);
  const jsonFile = path.join(outDir, 'openapi.json');
  const typesFile = path.join(outDir, 'openapi.d.ts');
  const outputs = [
    { file: jsonFile, text: await formatLike(jsonFile, JSON.stringify(document)) },
    { file: typesFile, text: await openApiClientTypes(document, typesFile) },
  ];
  if (write) await mkdir(outDir, { recursive: true });
  for (const output of outputs) {
    const relative = path.relative(process.cwd(), output.file);
    if (write) {
      await writeFile(output.file, output.text);
      continue;
    }
    const committed = await readFile(output.file, 'utf8').catch(() => undefined);
    if (committed !== output.text) {
      problems.push(
        `${relative} ${committed === undefined ? 'is missing' : 'differs from the code'}: ` +
          'run `npm run openapi:check -- --write` and commit it',
      );
    }
  }
  return { service, problems };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const write = args.includes('--write');
  const targets = args.filter((arg) => !arg.startsWith('--'));
  if (targets.length === 0) {
    process.stderr.write('usage: openapi-check [--write] <app.module.ts>#<Export> ...\n');
    return 2;
  }
  let failed = false;
  for (const target of targets) {
    const { service, problems } = await checkService(target, write);
    failed ||= problems.length > 0;
    const verdict = problems.length ? `${problems.length} problem(s)` : write ? 'written' : 'ok';
    process.stdout.write(`openapi ${service}: ${verdict}\n`);
    for (const problem of problems) process.stdout.write(`  ${problem}\n`);
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`openapi-check failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
