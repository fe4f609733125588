import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditErrorEntries, findInlineDomainErrors } from './error-catalogue-audit';

describe('auditErrorEntries', () => {
  it('passes codes declared once with a kind the edge maps', () => {
    expect(
      auditErrorEntries([
        { code: 'ThingNotFound', kind: 'not-found', catalogue: 'thing' },
        { code: 'ThingErased', kind: 'gone', catalogue: 'thing' },
      ]),
    ).toEqual([]);
  });

  it('names a code declared twice, even with the same kind', () => {
    expect(
      auditErrorEntries([
        { code: 'DuplicateReminder', kind: 'conflict', catalogue: 'activity' },
        { code: 'DuplicateReminder', kind: 'invalid', catalogue: 'reminder' },
      ]),
    ).toEqual(['DuplicateReminder is declared 2 times (activity: conflict, reminder: invalid)']);
  });

  it('names codes that share a problem type, kinds without a status and non-PascalCase codes', () => {
    expect(
      auditErrorEntries([
        { code: 'HTTPFailed', kind: 'conflict', catalogue: 'a' },
        { code: 'HttpFailed', kind: 'conflict', catalogue: 'b' },
        { code: 'Teapot', kind: 'teapot' as never, catalogue: 'c' },
        { code: 'lower_case', kind: 'invalid', catalogue: 'd' },
      ]),
    ).toEqual([
      'Teapot (c) has kind teapot, which maps to no status',
      'lower_case (d) is not a PascalCase code',
      'HTTPFailed and HttpFailed share the problem type /problems/http-failed',
    ]);
  });

  it("names a catalogue code that is one of @crm/values' own", () => {
    expect(
      auditErrorEntries([{ code: 'InvalidEmail', kind: 'invalid', catalogue: 'contact' }]),
    ).toEqual(['InvalidEmail (contact) is a @crm/values code']);
  });
});

describe('findInlineDomainErrors', () => {
  let root: string;
  const write = (path: string, text: string) => writeFileSync(join(root, path), text);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'error-audit-'));
    mkdirSync(join(root, 'orders'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('names service lines that build an error with a code string, not catalogues, specs or parsers', () => {
    write(
      'orders/order.decider.ts',
      [
        "parseEmail(raw, 'email');",
        "requireValid(ok, 'InvalidOrderSource', 'source', 'why');",
        "throw invalidField('lines', 'TooManyLines', 'why');",
        "throw new InvalidValue('X', 'f', 'why');",
        "throw new DomainError('Y', 'why');",
      ].join('\n'),
    );
    write('orders/order.errors.ts', "new DomainError(code, 'why');");
    write('orders/order.decider.unit.spec.ts', "requireValid(ok, 'Z', 'f', 'why');");
    const field =
      'names a field error code outside a catalogue (add an `invalid` entry with its field)';
    expect(findInlineDomainErrors(root).sort()).toEqual([
      `orders/order.decider.ts:2 ${field}`,
      `orders/order.decider.ts:3 ${field}`,
      `orders/order.decider.ts:4 ${field}`,
      'orders/order.decider.ts:5 builds a DomainError outside a catalogue',
    ]);
  });
});
