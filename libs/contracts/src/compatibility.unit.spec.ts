import { findBreakingChanges } from './compatibility';
import { object, text, nullable, integer, list, oneOf } from './json-schema';

const v1 = object(
  {
    orderId: text('id'),
    quantity: integer('q'),
    status: oneOf(['open', 'closed'], 's'),
    lines: list(object({ sku: text('sku'), qty: integer('qty') }, ['sku']), 'lines'),
    note: text('note'),
  },
  ['orderId', 'quantity'],
);

function problems(next: ReturnType<typeof object>) {
  return findBreakingChanges(v1, next).map((c) => `${c.path}: ${c.problem}`);
}

describe('schema compatibility within a major version', () => {
  it('accepts an identical schema and an added optional property or enum value', () => {
    expect(problems(v1)).toEqual([]);
    const props = (v1 as any).properties;
    expect(problems(object({ ...props, extra: text('new') }, ['orderId', 'quantity']))).toEqual([]);
    expect(
      problems(
        object({ ...props, status: oneOf(['open', 'closed', 'held'], 's') }, [
          'orderId',
          'quantity',
        ]),
      ),
    ).toEqual([]);
  });

  it('rejects a removed property', () => {
    const { note: _n, ...props } = (v1 as any).properties;
    expect(problems(object(props, ['orderId', 'quantity']))).toEqual(['$.note: property removed']);
  });

  it('rejects a retyped property, also when it only becomes nullable', () => {
    const props = (v1 as any).properties;
    expect(problems(object({ ...props, quantity: text('q') }, ['orderId', 'quantity']))).toEqual([
      '$.quantity: type changed from integer to string',
    ]);
    expect(
      problems(object({ ...props, note: nullable(text('note')) }, ['orderId', 'quantity'])),
    ).toEqual(['$.note: type changed from string to null|string']);
  });

  it('rejects a new required property and an optional one becoming required', () => {
    const props = (v1 as any).properties;
    expect(
      problems(object({ ...props, region: text('r') }, ['orderId', 'quantity', 'region'])),
    ).toEqual(['$.region: property became required']);
    expect(problems(object(props, ['orderId', 'quantity', 'note']))).toEqual([
      '$.note: property became required',
    ]);
  });

  it('rejects a required property becoming optional and a removed enum value', () => {
    const props = (v1 as any).properties;
    expect(problems(object({ ...props, status: oneOf(['open'], 's') }, ['orderId']))).toEqual([
      '$.status: enum value "closed" removed',
      '$.quantity: property is no longer required',
    ]);
  });

  it('looks inside array items', () => {
    const props = (v1 as any).properties;
    const lines = list(
      object({ sku: integer('sku'), qty: integer('qty') }, ['sku', 'qty']),
      'lines',
    );
    expect(problems(object({ ...props, lines }, ['orderId', 'quantity']))).toEqual([
      '$.lines[].sku: type changed from string to integer',
      '$.lines[].qty: property became required',
    ]);
  });
});
