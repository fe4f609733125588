import { messagingConfigFromEnv, stateTopicSpecs, topicSpecs } from '../../messaging-config';
import { topicConfigEntries } from './kafka-transport';

const config = messagingConfigFromEnv({
  MESSAGING_TOPIC_RETENTION_MS: '3600000',
  MESSAGING_STATE_DELETE_RETENTION_MS: '1000',
  MESSAGING_STATE_MAX_COMPACTION_LAG_MS: '2000',
});
const entries = (spec: Parameters<typeof topicConfigEntries>[0]) =>
  Object.fromEntries(topicConfigEntries(spec).map((e) => [e.name, e.value]));

describe('Kafka topic settings', () => {
  it('stamps every topic with the broker clock (LogAppendTime)', () => {
    for (const spec of [
      ...topicSpecs(['crm.x.v1'], config),
      ...stateTopicSpecs(['crm.x.y.state.v1'], config),
    ])
      expect(entries(spec)['message.timestamp.type']).toBe('LogAppendTime');
  });

  it('deletes event topics after their retention, segments rolling at most at the retention', () => {
    const [events] = topicSpecs(['crm.x.v1'], config);
    expect(entries(events)).toEqual({
      'message.timestamp.type': 'LogAppendTime',
      'cleanup.policy': 'delete',
      'retention.ms': '3600000',
      'segment.ms': '3600000',
    });
  });

  it('compacts state topics, keeps them, and bounds tombstones and compaction lag', () => {
    const [state] = stateTopicSpecs(['crm.x.y.state.v1'], config);
    expect(entries(state)).toEqual({
      'message.timestamp.type': 'LogAppendTime',
      'cleanup.policy': 'compact',
      'retention.ms': '-1',
      'delete.retention.ms': '1000',
      'max.compaction.lag.ms': '2000',
      'segment.ms': '2000',
    });
  });
});
