/**
 * Error catalogues: every DomainError a feature can throw is declared once, beside its decider,
 * with its code, kind (-> HTTP status at the edge) and message together:
 *
 *   export const ContactErrors = defineErrors('contact', {
 *     ContactAlreadyMerged: {
 *       kind: 'conflict',
 *       message: (survivorId: string) => `Contact was merged into ${survivorId}`,
 *       details: (survivorId) => ({ survivorId }),
 *     },
 *   });
 *   throw ContactErrors.contactAlreadyMerged(state.survivorId);
 *
 * The key IS the code (PascalCase, the problem type); the factory is the same name in camelCase.
 * A catalogue registers itself when its module loads, so a test can list every entry of every
 * catalogue it imported (`listErrorEntries()`) and check codes are unique and kinds agree.
 */
import { DomainError, type DomainErrorKind } from './domain-error';

export interface ErrorSpec<Args extends any[]> {
  readonly kind: DomainErrorKind;
  readonly message: (...args: Args) => string;
  /** Machine-readable facts for the client (never personal data), from the same arguments. */
  // Method syntax: checked bivariantly, so `(a, b) => ...` fits a message taking `(a, b, c?)`.
  details?(...args: NoInfer<Args>): Record<string, unknown> | undefined;
}

/** One factory per entry, named after its code in camelCase, taking its message's arguments. */
export type ErrorFactories<Args extends Record<string, any[]>> = {
  readonly [Code in keyof Args & string as Uncapitalize<Code>]: (
    ...args: Args[Code]
  ) => DomainError;
};

export interface ErrorEntry {
  readonly code: string;
  readonly kind: DomainErrorKind;
  /** The catalogue's name, to say where a repeated code was declared. */
  readonly catalogue: string;
}

const registry: ErrorEntry[] = [];

export function defineErrors<Args extends Record<string, any[]>>(
  catalogue: string,
  // Each entry's arguments are inferred from its `message`, so `details` is checked against them.
  specs: { readonly [Code in keyof Args]: ErrorSpec<Args[Code]> },
): ErrorFactories<Args> {
  const factories: Record<string, (...args: unknown[]) => DomainError> = {};
  for (const [code, spec] of Object.entries(specs as Record<string, ErrorSpec<unknown[]>>)) {
    registry.push({ code, kind: spec.kind, catalogue });
    factories[code.charAt(0).toLowerCase() + code.slice(1)] = (...args) =>
      new DomainError(code, spec.message(...args), spec.kind, spec.details?.(...args));
  }
  return Object.freeze(factories) as unknown as ErrorFactories<Args>;
}

/** Every entry of every catalogue whose module has been loaded, in declaration order. */
export function listErrorEntries(): readonly ErrorEntry[] {
  return [...registry];
}
