/**
 * Analytics' own log: one stream per contact and model name for each kind of output, so the last
 * event of a stream is what was last published for that pair (what "changed" compares with).
 * The model's version is in the events, not the stream: `basket@2` continues `basket@1`'s stream.
 */
import { streamIdOf } from '@crm/event-sourcing';

export const PUBLISHED_CATEGORIES = ['recommendations', 'scores'] as const;
export type PublishedKind = (typeof PUBLISHED_CATEGORIES)[number];

/** `propensity@3` -> `propensity`: the text before the first `@`, as campaigns keys them. */
export function modelNameOf(model: string): string {
  const at = model.indexOf('@');
  return (at === -1 ? model : model.slice(0, at)).trim();
}

export const PUBLISHED_STREAM = {
  recommendations: (contactId: string, model: string) =>
    streamIdOf('recommendations', `${contactId}/${modelNameOf(model)}`),
  scores: (contactId: string, model: string) =>
    streamIdOf('scores', `${contactId}/${modelNameOf(model)}`),
} as const;
