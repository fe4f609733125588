/** The notices read model part: which announcements were made (the watcher skips those). */
import { idOfStream, type ProjectionHandler } from '@crm/event-sourcing';
import type { PoolClient } from 'pg';
import { S, type ReadModelPart } from '../infrastructure/read-model-part';
import { noticeKey, type NoticeEvent } from './notice.events';

const apply: ProjectionHandler = async (event, tx: PoolClient) => {
  const notice = { type: event.type, data: event.data } as NoticeEvent;
  await tx.query(
    `INSERT INTO ${S}.notices (tenant, subject, key, at) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING`,
    [event.tenant, idOfStream(event.streamId), noticeKey(notice), notice.data.at],
  );
};

export const noticesPart: ReadModelPart = {
  ddl: `
    CREATE TABLE IF NOT EXISTS ${S}.notices (
      tenant text NOT NULL,
      subject text NOT NULL,
      key text NOT NULL,
      at timestamptz NOT NULL,
      PRIMARY KEY (tenant, subject, key)
    );`,
  tables: ['notices'],
  handlers: {
    SlaBreachRecorded: apply,
    WarrantyExpiryAnnounced: apply,
    MaintenanceDueAnnounced: apply,
    UpgradeSuggestionRecorded: apply,
  },
};
