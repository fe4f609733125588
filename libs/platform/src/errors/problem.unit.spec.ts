import { DomainError, WrongExpectedVersionError } from '@crm/event-sourcing';
import { domainErrorProblem } from './domain-error-problem';
import { ProblemDetailsFilter } from './problem.filter';
import { kebabCase, problemType, titleFromCode } from './problem';
import { flattenValidationErrors } from './validation';

describe('problem types', () => {
  it.each([
    ['ContactAlreadyMerged', 'contact-already-merged'],
    ['WrongExpectedVersion', 'wrong-expected-version'],
    ['HTTPTimeout', 'http-timeout'],
    ['already-kebab', 'already-kebab'],
  ])('%s -> %s', (code, kebab) => {
    expect(kebabCase(code)).toBe(kebab);
    expect(problemType(code)).toBe(`/problems/${kebab}`);
  });

  it('titles read as a sentence', () => {
    expect(titleFromCode('ContactAlreadyMerged')).toBe('Contact already merged');
  });
});

describe('domain errors as problems', () => {
  it.each([
    ['invalid', 422],
    ['not-found', 404],
    ['conflict', 409],
    ['precondition-failed', 412],
    ['forbidden', 403],
    ['gone', 410],
  ] as const)('kind %s -> %i', (kind, status) => {
    const problem = domainErrorProblem(
      new DomainError('QuoteExpired', 'The quote expired', kind, { quoteId: 'q1' }),
    );
    expect(problem).toEqual({
      type: '/problems/quote-expired',
      title: 'Quote expired',
      status,
      detail: 'The quote expired',
      quoteId: 'q1',
    });
  });

  it('a field in the details becomes the one entry of errors[], not a top-level member', () => {
    const problem = domainErrorProblem(
      new DomainError('InvalidEmail', 'profile.email is not an email', 'invalid', {
        field: 'profile.email',
        limit: 3,
      }),
    );
    expect(problem).toEqual({
      type: '/problems/invalid-email',
      title: 'Invalid email',
      status: 422,
      detail: 'profile.email is not an email',
      limit: 3,
      errors: [{ field: 'profile.email', message: 'profile.email is not an email' }],
    });
  });

  it('details never overwrite the standard members', () => {
    const problem = domainErrorProblem(
      new DomainError('Odd', 'odd', 'invalid', { status: 200, type: 'x' }),
    );
    expect(problem).toMatchObject({ status: 422, type: '/problems/odd' });
  });

  it('WrongExpectedVersionError is a 409 conflict', () => {
    const problem = new ProblemDetailsFilter().toProblem(
      new WrongExpectedVersionError({ tenant: 't1', id: 'contact-1' }, 4, 5),
    );
    expect(problem).toMatchObject({
      status: 409,
      type: '/problems/wrong-expected-version',
      expected: '4',
      actual: 5,
    });
  });

  it('an unknown error becomes a generic 500 without its message', () => {
    const problem = new ProblemDetailsFilter().toProblem(new Error('password=hunter2'));
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('hunter2');
  });
});

describe('flattenValidationErrors', () => {
  it('names nested and array fields with dotted paths', () => {
    const errors = flattenValidationErrors([
      { property: 'name', constraints: { isString: 'name must be a string' }, children: [] },
      {
        property: 'lines',
        children: [
          {
            property: '0',
            children: [
              {
                property: 'quantity',
                constraints: { min: 'quantity must not be less than 1' },
                children: [],
              },
            ],
          },
        ],
      },
    ]);
    expect(errors).toEqual([
      { field: 'name', message: 'name must be a string' },
      { field: 'lines.0.quantity', message: 'quantity must not be less than 1' },
    ]);
  });
});
