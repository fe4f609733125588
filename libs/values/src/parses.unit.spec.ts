import { IsOptional, validateSync } from 'class-validator';
import { parseCalendarDate } from './calendar-date';
import { parseEmail } from './email';
import { parseInstant } from './instant';
import { Parses } from './parses';

class Dto {
  @IsOptional() @Parses(parseEmail) email?: unknown;
  @IsOptional() @Parses(parseInstant) dueAt?: unknown;
  @IsOptional() @Parses(parseCalendarDate) closes?: unknown;
}

const errorsOf = (values: Partial<Dto>) =>
  validateSync(Object.assign(new Dto(), values)).map((e) => ({
    property: e.property,
    messages: Object.values(e.constraints ?? {}),
  }));

describe('@Parses', () => {
  it('passes what the parser accepts', () =>
    expect(
      errorsOf({ email: 'Ada@Example.com', dueAt: '2026-11-23T09:00:00Z', closes: '2026-12-15' }),
    ).toEqual([]));

  it("refuses what the parser refuses, with the parser's message", () =>
    expect(errorsOf({ email: 'a@b.c', closes: '2026-02-30' })).toEqual([
      { property: 'email', messages: ['email is not a valid email address'] },
      {
        property: 'closes',
        messages: ['closes must be an existing calendar date in the form YYYY-MM-DD'],
      },
    ]));

  // class-validator's IsISO8601({ strict: true }) took this, the decider then refused it with 422.
  it('refuses an instant without an offset, as the decider does', () =>
    expect(errorsOf({ dueAt: '2026-11-23T09:00:00' })).toEqual([
      { property: 'dueAt', messages: [expect.stringMatching(/with an offset/)] },
    ]));
});
