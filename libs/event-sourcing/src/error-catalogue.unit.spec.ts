import { DomainError } from './domain-error';
import { defineErrors, listErrorEntries } from './error-catalogue';

const ThingErrors = defineErrors('thing', {
  ThingNotFound: { kind: 'not-found', message: () => 'No such thing' },
  ThingAlreadyMerged: {
    kind: 'conflict',
    message: (survivorId: string) => `Thing was merged into ${survivorId}`,
    details: (survivorId) => ({ survivorId }),
  },
});

describe('defineErrors', () => {
  it('builds a DomainError with the code, kind, message and details of its entry', () => {
    const error = ThingErrors.thingAlreadyMerged('t-2');
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'ThingAlreadyMerged',
      kind: 'conflict',
      message: 'Thing was merged into t-2',
      details: { survivorId: 't-2' },
    });
    expect(ThingErrors.thingNotFound()).toMatchObject({
      code: 'ThingNotFound',
      kind: 'not-found',
      details: undefined,
    });
  });

  it('lists every entry of every catalogue loaded', () => {
    expect(listErrorEntries()).toEqual(
      expect.arrayContaining([
        { code: 'ThingNotFound', kind: 'not-found', catalogue: 'thing' },
        { code: 'ThingAlreadyMerged', kind: 'conflict', catalogue: 'thing' },
      ]),
    );
  });

  it('lets the compiler refuse an entry without a kind, a wrong kind or mismatched arguments', () => {
    // @ts-expect-error no kind
    defineErrors('refused', { NoKind: { message: () => 'x' } });
    // @ts-expect-error not a DomainErrorKind
    defineErrors('refused', { BadKind: { kind: 'teapot', message: () => 'x' } });
    defineErrors('refused', {
      BadDetails: {
        kind: 'invalid',
        message: (id: string) => id,
        // @ts-expect-error details must take what message takes
        details: (id: number) => ({ id }),
      },
    });
    defineErrors('typed', {
      Typed: {
        kind: 'invalid',
        message: (id: string) => id,
        // `details` gets the message's argument types: `id` is a string, so no toFixed.
        // @ts-expect-error toFixed is not a string method
        details: (id) => ({ n: id.toFixed() }),
      },
    });
    // @ts-expect-error the factory takes the message's arguments
    ThingErrors.thingAlreadyMerged(42);
  });
});
