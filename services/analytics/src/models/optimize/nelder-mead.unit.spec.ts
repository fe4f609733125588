import { nelderMead } from './nelder-mead';

describe('nelderMead', () => {
  it('finds the minimum of the Rosenbrock function at (1, 1) from the textbook start (-1.2, 1)', () => {
    const rosenbrock = ([x, y]: readonly number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    const found = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 5_000 });
    expect(found.converged).toBe(true);
    expect(found.point[0]).toBeCloseTo(1, 5);
    expect(found.point[1]).toBeCloseTo(1, 5);
    expect(found.value).toBeLessThan(1e-10);
  });

  it('minimises a shifted quadratic in four dimensions, starting at zero', () => {
    const target = [3, -2, 0.5, 10];
    const bowl = (x: readonly number[]) =>
      x.reduce((s, xi, i) => s + (i + 1) * (xi - target[i]) ** 2, 0);
    const found = nelderMead(bowl, [0, 0, 0, 0], { maxIterations: 20_000 });
    found.point.forEach((xi, i) => expect(xi).toBeCloseTo(target[i], 4));
  });

  it('treats a non-finite value as worse than any other (a parameter outside its domain)', () => {
    const positiveOnly = ([x]: readonly number[]) => (x <= 0 ? NaN : (Math.log(x) - 1) ** 2);
    const found = nelderMead(positiveOnly, [0.5]);
    expect(found.point[0]).toBeCloseTo(Math.E, 4);
  });

  it('says it did not converge when the iterations run out', () => {
    const rosenbrock = ([x, y]: readonly number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    expect(nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 5 }).converged).toBe(false);
  });
});
