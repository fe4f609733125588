/** The calendar day "today" is for warranty and due dates: the clock's UTC day. */
import type { Clock } from '@crm/platform';
import type { CalendarDate } from '@crm/values';
import { utcDateOf } from './calendar-days';

export const todayOf = (clock: Clock): CalendarDate => utcDateOf(clock.now().toISOString());
