/**
 * The command line every import CLI takes: `<file> [--url u] [--token jwt | env CRM_TOKEN]
 * [--import-id id] [--dry-run]`. The default import id is the service's choice.
 */
import { parseArgs } from 'node:util';

export interface ImportCliArgs {
  readonly file: string;
  readonly token: string;
  /** The service's base URL, as given or the default. */
  readonly url: string;
  /** As given; undefined when the CLI should pick its default. */
  readonly importId: string | undefined;
  readonly dryRun: boolean;
}

export interface ImportCliArgsOptions {
  readonly defaultUrl: string;
  /** What to say when the file is missing ("a CSV file is required"). */
  readonly fileRequired: string;
}

/** The arguments, or the reason they are unusable (the CLI prints it with its usage, exit 2). */
export function parseImportCliArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  options: ImportCliArgsOptions,
): ImportCliArgs | { readonly usageError: string } {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      token: { type: 'string' },
      'import-id': { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
  });
  const file = positionals[0];
  const token = values.token ?? env.CRM_TOKEN;
  if (!file) return { usageError: options.fileRequired };
  if (!token) return { usageError: 'a token is required (--token or CRM_TOKEN)' };
  return {
    file,
    token,
    url: values.url ?? options.defaultUrl,
    importId: values['import-id'],
    dryRun: values['dry-run'] ?? false,
  };
}
