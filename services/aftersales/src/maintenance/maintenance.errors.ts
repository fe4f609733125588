/** Every way a maintenance plan can be refused. */
import { defineErrors } from '@crm/event-sourcing';

export const MaintenanceErrors = defineErrors('maintenance', {
  InvalidMaintenanceInterval: {
    kind: 'invalid',
    message: (field: string, why: string) => `${field} ${why}`,
    details: (field, _why) => ({ field }),
  },
});
