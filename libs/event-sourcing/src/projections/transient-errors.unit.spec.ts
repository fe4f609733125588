import { isTransient, sqlStateOf } from './transient-errors';

const pgError = (code: string, message = 'pg error') => Object.assign(new Error(message), { code });

describe('isTransient', () => {
  it.each([
    ['serialization_failure', pgError('40001')],
    ['deadlock', pgError('40P01')],
    ['lock timeout', pgError('55P03')],
    ['statement timeout', pgError('57014')],
    ['admin shutdown', pgError('57P01', 'terminating connection due to administrator command')],
    ['cannot connect now', pgError('57P03')],
    ['too many connections', pgError('53300')],
    ['out of memory', pgError('53200')],
    ['connection failure', pgError('08006')],
    ['socket reset', pgError('ECONNRESET')],
    ['refused', pgError('ECONNREFUSED')],
    ['lost connection', new Error('Connection terminated unexpectedly')],
    ['pool', new Error('timeout exceeded when trying to connect')],
    ['lost lock', new Error('lock connection lost: Connection terminated')],
    ['wrapped', new Error('batch failed', { cause: pgError('40001') })],
  ])('%s is transient', (_name, error) => {
    expect(isTransient(error)).toBe(true);
  });

  it.each([
    ['not null violation', pgError('23502')],
    ['unique violation', pgError('23505')],
    ['invalid text representation', pgError('22P02')],
    ['string too long', pgError('22001')],
    ['undefined column', pgError('42703')],
    ['a bug in the handler', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['a thrown string', 'boom'],
    ['nothing', undefined],
  ])('%s is deterministic', (_name, error) => {
    expect(isTransient(error)).toBe(false);
  });
});

describe('sqlStateOf', () => {
  it('reads a SQLSTATE, not an errno', () => {
    expect(sqlStateOf(pgError('23505'))).toBe('23505');
    expect(sqlStateOf(pgError('ECONNRESET'))).toBeNull();
    expect(sqlStateOf(new Error('x'))).toBeNull();
  });
});
