/**
 * Announce once: the command carries the announcement; the decider emits it unless one with the
 * same key (noticeKey) is on the stream already. Two replicas racing append at the same version,
 * one retries, sees the key and emits nothing.
 */
import type { Decider } from '@crm/event-sourcing';
import { noticeKey, type NoticeEvent } from './notice.events';

export type Announce = { type: 'Announce'; data: { notice: NoticeEvent } };

export interface NoticeState {
  readonly announced: readonly string[];
}

export const noticeDecider: Decider<Announce, NoticeEvent, NoticeState> = {
  initialState: () => ({ announced: [] }),
  evolve: (state, event) => ({ announced: [...state.announced, noticeKey(event)] }),
  decide: (command, state) =>
    state.announced.includes(noticeKey(command.data.notice)) ? [] : [command.data.notice],
};
