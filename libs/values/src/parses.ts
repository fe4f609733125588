/**
 * `@Parses(parseX)`: a class-validator rule that IS the domain rule. A DTO that checks a value at
 * the edge (400) calls the same parser the decider calls (422), so the two can never disagree.
 * The 400's message is the parser's own.
 */
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { InvalidValue } from './invalid-value';

type Parser = (raw: unknown, field: string) => unknown;

export function Parses(parse: Parser, options?: ValidationOptions): PropertyDecorator {
  const refusal = (value: unknown, field: string): InvalidValue | undefined => {
    try {
      parse(value, field);
      return undefined;
    } catch (error) {
      if (error instanceof InvalidValue) return error;
      throw error;
    }
  };
  return ValidateBy(
    {
      name: parse.name || 'parses',
      validator: {
        validate: (value, args) => refusal(value, args?.property ?? 'value') === undefined,
        defaultMessage: (args) => refusal(args?.value, args?.property ?? 'value')?.message ?? '',
      },
    },
    options,
  );
}
