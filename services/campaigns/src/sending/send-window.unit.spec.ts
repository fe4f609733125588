import { SendWindow } from './send-window';

describe('SendWindow', () => {
  it('never runs more than its size at once, and runs every task', async () => {
    const window = new SendWindow(3);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        window.run(async () => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, i % 4));
          running--;
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('frees the slot of a task that throws', async () => {
    const window = new SendWindow(1);
    await expect(window.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(window.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});
