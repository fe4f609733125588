import { encode, learnEncoding } from './feature-encoding';

describe('feature encoding', () => {
  const customers = [
    { ageBand: '30-39', gender: 'f', income: 'high', spend: 100, holdings: ['car', 'insurance'] },
    { ageBand: '18-29', gender: 'm', income: 'low', spend: 300, holdings: ['car'] },
    { ageBand: '40-49', gender: 'f', income: 'low', spend: 200, holdings: [] },
    { ageBand: '18-29', gender: null, income: 'mid', spend: undefined, holdings: ['car'] },
  ];
  const specs = [
    { kind: 'categorical', name: 'ageBand' },
    { kind: 'categorical', name: 'gender', reference: 'm' },
    { kind: 'categorical', name: 'income', reference: 'low' },
    { kind: 'numeric', name: 'spend' },
    { kind: 'holdings', name: 'holdings', items: ['car', 'insurance', 'boat'] },
  ] as const;

  it('one-hot encodes categories against a reference level (sorted first unless named)', () => {
    const encoding = learnEncoding(customers, specs);
    expect(encoding.columnNames).toEqual([
      'ageBand=30-39',
      'ageBand=40-49',
      'gender=f',
      'income=high',
      'income=mid',
      'spend',
      'holdings:car',
      'holdings:insurance',
    ]);
    // Nobody holds a boat: a constant column would make the fit singular.
    expect(encoding.dropped).toEqual(['holdings:boat']);
  });

  it('standardises numbers with the training mean and n - 1 sd; missing becomes the mean', () => {
    const encoding = learnEncoding(customers, specs);
    const design = encode(customers, encoding);
    const spend = encoding.columnNames.indexOf('spend');
    const column = [0, 1, 2, 3].map((i) => design.values[i * design.columnNames.length + spend]);
    // mean 200, sd sqrt(((100-200)^2 + 100^2 + 0) / 2) = 100
    expect(column).toEqual([-1, 1, 0, 0]);
  });

  it('encodes new records with the training encoding, unseen levels as the reference', () => {
    const encoding = learnEncoding(customers, specs);
    const design = encode(
      [{ ageBand: '70+', gender: 'f', income: 'high', spend: 400, holdings: ['insurance'] }],
      encoding,
    );
    expect(Array.from(design.values)).toEqual([0, 0, 1, 1, 0, 2, 0, 1]);
    expect(JSON.parse(JSON.stringify(encoding))).toEqual(encoding);
  });
});
