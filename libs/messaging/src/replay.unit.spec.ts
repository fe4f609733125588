import { parseReplayArguments } from './replay';

describe('replay arguments', () => {
  it('reads a replay from the beginning and from a time', () => {
    expect(
      parseReplayArguments([
        '--consumer',
        'sales',
        '--topic',
        'crm.contacts.v1',
        '--from-beginning',
      ]),
    ).toEqual({
      consumer: 'sales',
      topic: 'crm.contacts.v1',
      from: 'earliest',
      reprocess: false,
    });
    expect(
      parseReplayArguments([
        '--topic',
        't',
        '--consumer',
        'c',
        '--from',
        '2026-11-01T00:00:00Z',
        '--reprocess',
      ]),
    ).toEqual({
      consumer: 'c',
      topic: 't',
      from: new Date('2026-11-01T00:00:00Z'),
      reprocess: true,
    });
  });

  it.each([
    [[], /--consumer and --topic are required/],
    [['--consumer', 'c', '--topic', 't'], /exactly one of/],
    [
      ['--consumer', 'c', '--topic', 't', '--from-beginning', '--from', '2026-01-01'],
      /exactly one of/,
    ],
    [['--consumer', 'c', '--topic', 't', '--from', 'yesterday'], /not an ISO-8601 time/],
    [['--consumer', '--topic', 't'], /--consumer needs a value/],
    [['--consumer', 'c', '--topic', 't', '--from-beginning', '--force'], /unknown option --force/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseReplayArguments(argv as string[])).toThrow(message);
  });
});
