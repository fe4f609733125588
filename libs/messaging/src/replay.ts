/**
 * Replay: make a consumer group read a topic again from the beginning or from a point in time.
 * The group's committed offsets move back; the consumer's next start re-reads from there.
 *
 * Because consumers are idempotent, re-read events are ignored as duplicates, which is what you
 * want after an outage. To APPLY them again (a consumer's tables were rebuilt or fixed), pass
 * `reprocess`: the inbox rows of the replayed range are deleted in the consumer's database too.
 */
import type { Pool } from 'pg';
import { DEFAULT_MESSAGING_SCHEMA } from './messaging-schema';
import { assertIdentifier } from './transport/embedded/embedded-log-schema';
import type { MessageTransport, ReplayFrom } from './transport/message-transport';

export interface ReplayOptions {
  readonly transport: MessageTransport;
  /** Consumer name = consumer group id = inbox key. Its instances must be stopped. */
  readonly consumer: string;
  readonly topic: string;
  readonly from: ReplayFrom;
  /** Forget the inbox entries of the range, so the events are applied again. Needs `pool`. */
  readonly reprocess?: boolean;
  /** The consumer's service database (inbox). */
  readonly pool?: Pool;
  readonly schema?: string;
}

export interface ReplayResult {
  /** Inbox entries forgotten (0 without reprocess). */
  readonly forgotten: number;
}

export async function replay(options: ReplayOptions): Promise<ReplayResult> {
  if (options.reprocess && !options.pool)
    throw new Error('replay --reprocess needs the consumer database');
  await options.transport.resetOffsets(options.consumer, options.topic, options.from);
  if (!options.reprocess) return { forgotten: 0 };
  const inbox = `${assertIdentifier(options.schema ?? DEFAULT_MESSAGING_SCHEMA)}.inbox`;
  const since = options.from === 'earliest' ? new Date(0) : options.from;
  const result = await options.pool!.query(
    `DELETE FROM ${inbox} WHERE consumer = $1 AND topic = $2 AND message_time >= $3`,
    [options.consumer, options.topic, since],
  );
  return { forgotten: result.rowCount ?? 0 };
}

export interface ReplayArguments {
  readonly consumer: string;
  readonly topic: string;
  readonly from: ReplayFrom;
  readonly reprocess: boolean;
}

export const REPLAY_USAGE =
  'usage: replay --consumer <name> --topic <topic> (--from-beginning | --from <ISO-8601 time>) [--reprocess]';

/** Parses the CLI arguments; throws with the usage line on anything wrong. */
export function parseReplayArguments(argv: readonly string[]): ReplayArguments {
  const values = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"\n${REPLAY_USAGE}`);
    const name = arg.slice(2);
    if (name === 'from-beginning' || name === 'reprocess') values.set(name, true);
    else if (['consumer', 'topic', 'from'].includes(name)) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--'))
        throw new Error(`--${name} needs a value\n${REPLAY_USAGE}`);
      values.set(name, value);
      i += 1;
    } else throw new Error(`unknown option --${name}\n${REPLAY_USAGE}`);
  }
  const consumer = values.get('consumer');
  const topic = values.get('topic');
  if (typeof consumer !== 'string' || typeof topic !== 'string')
    throw new Error(`--consumer and --topic are required\n${REPLAY_USAGE}`);
  const at = values.get('from');
  const beginning = values.get('from-beginning') === true;
  if (beginning === (at !== undefined))
    throw new Error(`give exactly one of --from-beginning and --from\n${REPLAY_USAGE}`);
  let from: ReplayFrom = 'earliest';
  if (typeof at === 'string') {
    const time = new Date(at);
    if (!/^\d{4}-\d{2}-\d{2}/.test(at) || Number.isNaN(time.getTime())) {
      throw new Error(`--from "${at}" is not an ISO-8601 time\n${REPLAY_USAGE}`);
    }
    from = time;
  }
  return { consumer, topic, from, reprocess: values.get('reprocess') === true };
}
