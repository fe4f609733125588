/**
 * What a service's error-catalogue test checks (one spec per service calls `auditServiceErrors`):
 * every code is declared once, with one kind, that kind maps to exactly one HTTP status, no two
 * codes share a problem type URL, no code is one of `@crm/values`' own, and no service file builds
 * a DomainError (or names a code in a field error) outside a catalogue.
 */
import { DomainError, listErrorEntries, type ErrorEntry } from '@crm/event-sourcing';
import { VALUE_ERROR_CODES } from '@crm/values';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DOMAIN_ERROR_STATUS, domainErrorProblem } from '../errors/domain-error-problem';
import { problemType } from '../errors/problem';

export const CATALOGUE_FILE = /\.errors\.ts$/;
const SPEC_FILE = /\.spec\.ts$/;

/** What a line of service code must not do, and what the audit says when it does. */
const INLINE_ERRORS: readonly { readonly pattern: RegExp; readonly says: string }[] = [
  { pattern: /\bnew DomainError\s*\(/, says: 'builds a DomainError outside a catalogue' },
  {
    // `@crm/values`' generic field errors take a code string: a business rule hidden from the audit.
    pattern: /\b(?:requireValid|invalidField)\s*\(|\bnew InvalidValue\s*\(/,
    says: 'names a field error code outside a catalogue (add an `invalid` entry with its field)',
  },
];

/** A catalogue reusing a value parser's code (`parseEmail` -> `InvalidEmail`) would give one problem type two meanings. */
const VALUE_ERROR_CODE_SET: ReadonlySet<string> = new Set(VALUE_ERROR_CODES);

export interface ErrorCatalogueAudit {
  /** Every catalogue entry found, for the test to print or count. */
  readonly entries: readonly ErrorEntry[];
  /** One line per broken rule; empty when everything holds. */
  readonly problems: readonly string[];
}

/** Loads every `*.errors.ts` under `sourceRoot`, then audits their entries and the sources. */
export function auditServiceErrors(sourceRoot: string): ErrorCatalogueAudit {
  const files = typeScriptFiles(sourceRoot);
  const catalogues = files.filter((f) => CATALOGUE_FILE.test(f));
  // Loading a catalogue registers it; which ones exist is only known at run time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  for (const file of catalogues) require(file);
  const entries = listErrorEntries();
  return {
    entries,
    problems: [
      ...(catalogues.length === 0 ? [`no *.errors.ts under ${sourceRoot}`] : []),
      ...auditErrorEntries(entries),
      ...findInlineDomainErrors(sourceRoot, files),
    ],
  };
}

export function auditErrorEntries(entries: readonly ErrorEntry[]): string[] {
  const problems: string[] = [];
  const byCode = new Map<string, ErrorEntry[]>();
  const byType = new Map<string, Set<string>>();
  for (const entry of entries) {
    byCode.set(entry.code, [...(byCode.get(entry.code) ?? []), entry]);
    const type = problemType(entry.code);
    byType.set(type, (byType.get(type) ?? new Set()).add(entry.code));
    if (VALUE_ERROR_CODE_SET.has(entry.code))
      problems.push(`${entry.code} (${entry.catalogue}) is a @crm/values code`);
    if (!/^[A-Z][A-Za-z0-9]*$/.test(entry.code))
      problems.push(`${entry.code} (${entry.catalogue}) is not a PascalCase code`);
    if (!Object.hasOwn(DOMAIN_ERROR_STATUS, entry.kind))
      problems.push(
        `${entry.code} (${entry.catalogue}) has kind ${entry.kind}, which maps to no status`,
      );
    // The status and type the HTTP edge would answer with, through the edge's own mapping.
    const problem = domainErrorProblem(new DomainError(entry.code, '', entry.kind));
    if (problem.status < 400 || problem.status > 499 || problem.type !== type)
      problems.push(
        `${entry.code} (${entry.catalogue}, ${entry.kind}) maps to ${problem.status} ${problem.type}`,
      );
  }
  for (const [code, declared] of byCode) {
    if (declared.length > 1) {
      const where = declared.map((e) => `${e.catalogue}: ${e.kind}`).join(', ');
      problems.push(`${code} is declared ${declared.length} times (${where})`);
    }
  }
  for (const [type, codes] of byType) {
    if (codes.size > 1) problems.push(`${[...codes].join(' and ')} share the problem type ${type}`);
  }
  return problems;
}

/**
 * `file:line` of each `new DomainError(`, `requireValid(`, `invalidField(` or `new InvalidValue(`
 * outside a catalogue (specs are free to build them). Value parsers (`parseEmail`) stay allowed.
 */
export function findInlineDomainErrors(
  sourceRoot: string,
  files: readonly string[] = typeScriptFiles(sourceRoot),
): string[] {
  const found: string[] = [];
  for (const file of files) {
    if (CATALOGUE_FILE.test(file) || SPEC_FILE.test(file)) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        for (const { pattern, says } of INLINE_ERRORS)
          if (pattern.test(line)) found.push(`${relative(sourceRoot, file)}:${i + 1} ${says}`);
      });
  }
  return found;
}

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : typeScriptFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * A service's whole error-catalogue spec: the audit finds no problem among more than
 * `minEntries` entries, and `expectedCodes` (a few the service is known to throw) are among them,
 * so a scan that silently finds nothing cannot pass.
 */
export function describeServiceErrorCatalogues(
  service: string,
  sourceRoot: string,
  expectedCodes: readonly string[],
  minEntries = 20,
): void {
  describe(`${service} error catalogues`, () => {
    const audit = auditServiceErrors(sourceRoot);

    it('declare each code once, with one kind that maps to one status and problem type', () => {
      expect(audit.entries.length).toBeGreaterThan(minEntries);
      expect(audit.problems).toEqual([]);
    });

    it('are where each error the service throws comes from', () => {
      expect(audit.entries.map((e) => e.code)).toEqual(expect.arrayContaining([...expectedCodes]));
    });
  });
}
