/**
 * Cholesky factorisation of the small symmetric positive-definite systems an IRLS step solves
 * (X'WX, p x p with p the number of model columns, a few dozen at most). Kept apart from the
 * regression so the fitting loop reads as statistics, not index arithmetic.
 */

/**
 * Factors `a` (p x p, row-major, symmetric) in place into its lower Cholesky factor L (a = L L').
 * Returns -1 on success, or the index of the first column whose pivot is not positive relative to
 * the matrix's scale: that column is (numerically) a linear combination of the earlier ones.
 */
export function choleskyInPlace(a: Float64Array, p: number): number {
  let scale = 0;
  for (let i = 0; i < p; i++) scale = Math.max(scale, Math.abs(a[i * p + i]));
  const tiny = scale * 1e-13;
  for (let j = 0; j < p; j++) {
    let diagonal = a[j * p + j];
    for (let k = 0; k < j; k++) diagonal -= a[j * p + k] * a[j * p + k];
    if (!(diagonal > tiny)) return j;
    const pivot = Math.sqrt(diagonal);
    a[j * p + j] = pivot;
    for (let i = j + 1; i < p; i++) {
      let sum = a[i * p + j];
      for (let k = 0; k < j; k++) sum -= a[i * p + k] * a[j * p + k];
      a[i * p + j] = sum / pivot;
    }
  }
  return -1;
}

/** Solves L L' x = b for x, with L from choleskyInPlace; b is overwritten with x. */
export function choleskySolveInPlace(l: Float64Array, p: number, b: Float64Array): void {
  for (let i = 0; i < p; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i * p + k] * b[k];
    b[i] = sum / l[i * p + i];
  }
  for (let i = p - 1; i >= 0; i--) {
    let sum = b[i];
    for (let k = i + 1; k < p; k++) sum -= l[k * p + i] * b[k];
    b[i] = sum / l[i * p + i];
  }
}

/** The diagonal of (L L')^-1: the variances of the estimates when L L' is the information. */
export function choleskyInverseDiagonal(l: Float64Array, p: number): Float64Array {
  const diagonal = new Float64Array(p);
  const column = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    column.fill(0);
    column[j] = 1;
    choleskySolveInPlace(l, p, column);
    diagonal[j] = column[j];
  }
  return diagonal;
}
