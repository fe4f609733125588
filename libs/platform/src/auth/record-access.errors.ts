/** The refusal every service answers when a caller's role may make the change but not on this record. */
import { defineErrors } from '@crm/event-sourcing';

export const RecordAccessErrors = defineErrors('record-access', {
  /** 403: e.g. a rep changing another rep's deal; `record` names the kind (opportunity, contact). */
  NotYourRecord: {
    kind: 'forbidden',
    message: (record: string) =>
      `Only the ${record}'s owner or assignee, their manager or an admin may change it`,
    details: (record) => ({ record }),
  },
});
