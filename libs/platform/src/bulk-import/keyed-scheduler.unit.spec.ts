import { KeyedScheduler } from './keyed-scheduler';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('KeyedScheduler', () => {
  it('overlaps unrelated tasks up to the limit and serialises tasks sharing a key', async () => {
    const scheduler = new KeyedScheduler(3);
    const log: string[] = [];
    let running = 0;
    let peak = 0;
    const task = (name: string, ms: number) => async () => {
      running++;
      peak = Math.max(peak, running);
      log.push(`start ${name}`);
      await tick(ms);
      log.push(`end ${name}`);
      running--;
    };
    await scheduler.schedule(['e:a'], task('a1', 30));
    await scheduler.schedule(['e:b'], task('b', 5));
    await scheduler.schedule(['e:c'], task('c', 5));
    await scheduler.schedule(['e:d'], task('d', 5));
    await scheduler.schedule(['p:1', 'e:a'], task('a2', 1));
    await scheduler.drain();
    expect(peak).toBe(3);
    expect(log.indexOf('start a2')).toBeGreaterThan(log.indexOf('end a1'));
    expect(log.filter((l) => l.startsWith('end'))).toHaveLength(5);
  });

  it('surfaces a failed task on drain', async () => {
    const scheduler = new KeyedScheduler(2);
    await scheduler.schedule(['x'], async () => {
      throw new Error('database went away');
    });
    await expect(scheduler.drain()).rejects.toThrow('database went away');
  });
});
