import { Partitioners } from 'kafkajs';
import { partitionForKey } from './partitioner';

describe('partitionForKey', () => {
  it('agrees with the Kafka default partitioner, so both transports place keys alike', () => {
    const kafkaDefault = Partitioners.DefaultPartitioner();
    for (let i = 0; i < 500; i += 1) {
      const key = `contact-${i}-${'x'.repeat(i % 7)}`;
      for (const partitions of [1, 3, 4, 12]) {
        const metadata = Array.from({ length: partitions }, (_, p) => ({
          partitionId: p,
          leader: 0,
        }));
        const expected = kafkaDefault({
          topic: 't',
          partitionMetadata: metadata as never,
          message: { key, value: null },
        });
        expect(partitionForKey(key, partitions)).toBe(expected);
      }
    }
  });
});
