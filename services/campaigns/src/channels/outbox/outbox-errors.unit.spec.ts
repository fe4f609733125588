/** The outbox's errors come from its catalogue (outbox.errors.ts); no file under channels/ builds one inline. */
import { describeServiceErrorCatalogues } from '@crm/platform/testing';
import { join } from 'node:path';

describeServiceErrorCatalogues(
  'campaigns channels',
  join(__dirname, '..'),
  ['OutboxMessageNotFound'],
  0,
);
