/**
 * The propensity features and labels (pure). Dates are relative to a fixed instant passed in, as
 * the job passes its clock's; nothing here reads the time.
 */
import { encode, learnEncoding } from '../models/propensity';
import {
  featureRecord,
  MIN_CLASS_SIZE,
  propensityFeatureSpecs,
  tooLittleData,
  trainingCutoff,
  trainingSet,
  UNKNOWN,
  type CustomerFacts,
} from './propensity-features';
import { fitPropensity } from './propensity-fit';

const AS_OF = new Date('2030-07-01T12:00:00.000Z');
const DAY = 86_400_000;

const facts = (contactId: string, members: Partial<CustomerFacts> = {}): CustomerFacts => ({
  contactId,
  ageBand: null,
  birthDate: null,
  gender: null,
  incomeBand: null,
  orders: 0,
  lastPurchaseAt: null,
  spentMinor: 0,
  families: [],
  messagesOpened: 0,
  messagesClicked: 0,
  ...members,
});

describe('propensity features', () => {
  it('puts missing demographics in a level of their own and leaves a non-buyer without recency', () => {
    expect(featureRecord(facts('c1'), AS_OF)).toEqual({
      ageBand: UNKNOWN,
      gender: UNKNOWN,
      incomeBand: UNKNOWN,
      recencyDays: null,
      frequency: 0,
      monetaryLog: 0,
      holds: [],
      messagesOpened: 0,
      messagesClicked: 0,
    });
  });

  it('takes the age band on the day asked from the birth date, the published band otherwise', () => {
    // 25 on the day asked, 24 a day earlier (a training cutoff in the past sees the younger band).
    const born = facts('c1', { birthDate: '2005-07-01', ageBand: '35-44' });
    expect(featureRecord(born, AS_OF).ageBand).toBe('25-34');
    expect(featureRecord(born, new Date(AS_OF.getTime() - DAY)).ageBand).toBe('18-24');
    expect(featureRecord(facts('c2', { ageBand: '45-54' }), AS_OF).ageBand).toBe('45-54');
  });

  it('counts recency in whole days before the day asked, spend on a log scale', () => {
    const r = featureRecord(
      facts('c1', {
        orders: 3,
        lastPurchaseAt: new Date(AS_OF.getTime() - 10 * DAY - 3_600_000),
        spentMinor: 99_999,
        families: ['Cars', 'Books'],
        messagesOpened: 2,
        messagesClicked: 1,
      }),
      AS_OF,
    );
    expect(r).toMatchObject({ recencyDays: 10, frequency: 3, holds: ['Cars', 'Books'] });
    expect(r.monetaryLog).toBeCloseTo(Math.log(100_000), 12);
  });

  it('labels the buyers of the window and needs enough of each class', () => {
    const people = Array.from({ length: 30 }, (_, i) => facts(`c${i}`));
    const buyers = new Set(['c1', 'c2', 'c3']);
    const set = trainingSet(people, trainingCutoff(AS_OF, 90), buyers);
    expect(set.positives).toBe(3);
    expect(set.outcomes.filter((y) => y === 1)).toHaveLength(3);
    expect(set.outcomes[1]).toBe(1);
    expect(set.outcomes[0]).toBe(0);
    expect(tooLittleData(set, 'Cars')).toBe(
      `too-few-positives: 3 of 30 customers bought Cars in the window; at least ${MIN_CLASS_SIZE} needed`,
    );
    const nearlyAll = trainingSet(people, AS_OF, new Set(people.slice(3).map((p) => p.contactId)));
    expect(tooLittleData(nearlyAll, 'Cars')).toMatch(/^too-few-negatives: 3 of 30/);
    const fit = fitPropensity(set, {
      family: 'Cars',
      windowDays: 90,
      cutoff: AS_OF.toISOString(),
      l2: 1,
      families: [],
    });
    expect(fit).toMatchObject({ status: 'insufficient-data', parameters: null });
    expect(fit.reason).toMatch(/^too-few-positives/);
  });

  it('sets the training cutoff a window before now', () => {
    expect(trainingCutoff(AS_OF, 90).getTime()).toBe(AS_OF.getTime() - 90 * DAY);
  });

  it('encodes one column per non-reference level and per family held', () => {
    const records = [
      facts('a', { gender: 'female', incomeBand: 'high', families: ['Cars'] }),
      facts('b', { gender: 'male', families: ['Books'] }),
      facts('c', {}),
    ].map((f) => featureRecord(f, AS_OF));
    const encoding = learnEncoding(records, propensityFeatureSpecs(['Cars', 'Books']));
    expect(encoding.columnNames).toEqual([
      'gender=male',
      'gender=unknown',
      'incomeBand=unknown',
      'holds:Books',
      'holds:Cars',
    ]);
    expect(Array.from(encode(records, encoding).values.slice(0, 5))).toEqual([0, 0, 0, 0, 1]);
  });

  it('fits a model that puts the buyers first when a feature tells them apart', () => {
    // Holders of Books buy Cars in the window, bar one of 40 each way.
    const people = Array.from({ length: 80 }, (_, i) =>
      facts(`c${i}`, { families: i % 2 ? ['Books'] : [], orders: 1 + (i % 3) }),
    );
    const buyers = new Set(
      people.filter((_, i) => (i % 2 === 1) !== (i === 1 || i === 2)).map((p) => p.contactId),
    );
    const fit = fitPropensity(trainingSet(people, AS_OF, buyers), {
      family: 'Cars',
      windowDays: 90,
      cutoff: AS_OF.toISOString(),
      l2: 1,
      families: ['Books'],
    });
    expect(fit.status).toBe('fitted');
    expect(fit.quality).toMatchObject({ n: 80, positives: 40, converged: true });
    expect(fit.quality.holdout?.auc).toBeGreaterThan(0.9);
    const books = fit.parameters!.model.fit.coefficients.find((c) => c.name === 'holds:Books');
    expect(books!.estimate).toBeGreaterThan(2);
  });
});
