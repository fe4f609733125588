/** Every way a business calendar or SLA policy can be refused. */
import { defineErrors } from '@crm/event-sourcing';

export const SlaErrors = defineErrors('sla', {
  InvalidWorkingHours: {
    kind: 'invalid',
    message: (field: string, why: string) => `${field}: ${why}`,
    details: (field, _why) => ({ field }),
  },
  NoWorkingTime: {
    kind: 'invalid',
    message: () => 'The calendar has no working hours on any weekday',
    details: () => ({ field: 'workingHours' }),
  },
  InvalidSlaTarget: {
    kind: 'invalid',
    message: (field: string) => `${field} must be a whole number of business minutes, 1 to 525600`,
    details: (field) => ({ field }),
  },
  /** Only when holidays cover every working day for years: the maths refuses to search forever. */
  NoBusinessTimeAhead: {
    kind: 'invalid',
    message: (years: number) => `The calendar has no working time within ${years} years`,
    details: () => ({ field: 'holidays' }),
  },
});
