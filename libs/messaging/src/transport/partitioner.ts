/**
 * Key -> partition exactly as Kafka's default partitioner (Java client, and kafkajs's
 * DefaultPartitioner) does it: murmur2 of the UTF-8 key, made positive, modulo the partition
 * count. The embedded transport uses it so a key lands on the same partition number on both.
 */
export function partitionForKey(key: string, partitions: number): number {
  return toPositive(murmur2(Buffer.from(key, 'utf8'))) % partitions;
}

function toPositive(n: number): number {
  return n & 0x7fffffff;
}

export function murmur2(data: Buffer): number {
  const seed = 0x9747b28c;
  const m = 0x5bd1e995;
  const r = 24;
  const length = data.length;
  let h = seed ^ length;
  const whole = length - (length % 4);
  for (let i = 0; i < whole; i += 4) {
    let k = data.readInt32LE(i);
    k = Math.imul(k, m);
    k ^= k >>> r;
    k = Math.imul(k, m);
    h = Math.imul(h, m);
    h ^= k;
  }
  // The 1-3 trailing bytes, last first (murmur2's fall-through switch, written without one).
  const tail = length % 4;
  if (tail >= 3) h ^= (data[whole + 2] & 0xff) << 16;
  if (tail >= 2) h ^= (data[whole + 1] & 0xff) << 8;
  if (tail >= 1) {
    h ^= data[whole] & 0xff;
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}
