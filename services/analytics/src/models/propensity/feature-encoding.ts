/**
 * Turns customer records into the numeric design matrix the logistic regression fits, and keeps
 * the encoding (levels, means, standard deviations) as JSON so scoring later applies exactly the
 * training-time transformation:
 * - categorical (age band, gender, income band): one 0/1 column per level except the reference
 *   level, R's default treatment contrasts; levels sorted, the first is the reference unless one
 *   is named. A missing or unseen level encodes as the reference (all zeros).
 * - numeric (RFM values, engagement counts): standardised to mean 0, sd 1 (sd with n - 1, as R's
 *   scale()); a missing value becomes the mean (0 after standardising).
 * - holdings: one 0/1 column per product or family, 1 when the customer holds it.
 * Columns that do not vary in the training data (a level nobody has, a product nobody holds) are
 * left out and listed, since they would make X'WX singular.
 */
import { DesignMatrix } from './logistic-regression';

export type FeatureValue = number | string | boolean | null | undefined | readonly string[];
export type FeatureRecord = Readonly<Record<string, FeatureValue>>;

export type FeatureSpec =
  | { readonly kind: 'categorical'; readonly name: string; readonly reference?: string }
  | { readonly kind: 'numeric'; readonly name: string; readonly standardise?: boolean }
  | { readonly kind: 'holdings'; readonly name: string; readonly items: readonly string[] };

export type EncodedFeature =
  | {
      readonly kind: 'categorical';
      readonly name: string;
      readonly reference: string;
      readonly levels: readonly string[];
    }
  | { readonly kind: 'numeric'; readonly name: string; readonly mean: number; readonly sd: number }
  | { readonly kind: 'holdings'; readonly name: string; readonly items: readonly string[] };

export interface FeatureEncoding {
  readonly features: readonly EncodedFeature[];
  readonly columnNames: readonly string[];
  /** Columns left out because they were constant in the training data. */
  readonly dropped: readonly string[];
}

const levelOf = (value: FeatureValue): string | undefined =>
  value === null || value === undefined || Array.isArray(value) ? undefined : String(value);

const numberOf = (value: FeatureValue): number | undefined => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return undefined;
};

const holds = (value: FeatureValue, item: string): boolean =>
  Array.isArray(value) ? value.includes(item) : false;

/** Learns the encoding from training records (levels, means, sds, which columns vary). */
export function learnEncoding(
  records: readonly FeatureRecord[],
  specs: readonly FeatureSpec[],
): FeatureEncoding {
  const dropped: string[] = [];
  const features: EncodedFeature[] = specs.map((spec) => {
    switch (spec.kind) {
      case 'categorical': {
        const seen = new Set<string>();
        for (const r of records) {
          const level = levelOf(r[spec.name]);
          if (level !== undefined) seen.add(level);
        }
        const sorted = [...seen].sort();
        const reference = spec.reference ?? sorted[0] ?? '';
        return {
          kind: 'categorical',
          name: spec.name,
          reference,
          levels: sorted.filter((level) => level !== reference),
        };
      }
      case 'numeric': {
        let count = 0;
        let sum = 0;
        for (const r of records) {
          const v = numberOf(r[spec.name]);
          if (v !== undefined) {
            count++;
            sum += v;
          }
        }
        const mean = count > 0 ? sum / count : 0;
        let squares = 0;
        for (const r of records) {
          const v = numberOf(r[spec.name]);
          if (v !== undefined) squares += (v - mean) ** 2;
        }
        const sd = count > 1 ? Math.sqrt(squares / (count - 1)) : 0;
        if (spec.standardise === false) return { kind: 'numeric', name: spec.name, mean: 0, sd: 1 };
        return { kind: 'numeric', name: spec.name, mean, sd };
      }
      case 'holdings':
        return { kind: 'holdings', name: spec.name, items: [...spec.items] };
    }
  });

  // Drop what does not vary: compute every candidate column once and keep the varying ones.
  const candidates = columnsOf(features);
  const keep = candidates.map((column) => {
    let first: number | undefined;
    for (const r of records) {
      const v = column.value(r);
      if (first === undefined) first = v;
      else if (v !== first) return true;
    }
    return false;
  });
  candidates.forEach((c, i) => keep[i] || dropped.push(c.name));
  return {
    features,
    columnNames: candidates.filter((_, i) => keep[i]).map((c) => c.name),
    dropped,
  };
}

interface Column {
  readonly name: string;
  readonly value: (record: FeatureRecord) => number;
}

function columnsOf(features: readonly EncodedFeature[]): Column[] {
  return features.flatMap((feature): Column[] => {
    switch (feature.kind) {
      case 'categorical':
        return feature.levels.map((level) => ({
          name: `${feature.name}=${level}`,
          value: (r) => (levelOf(r[feature.name]) === level ? 1 : 0),
        }));
      case 'numeric':
        return [
          {
            name: feature.name,
            value: (r) => {
              const v = numberOf(r[feature.name]);
              if (v === undefined || feature.sd === 0) return 0;
              return (v - feature.mean) / feature.sd;
            },
          },
        ];
      case 'holdings':
        return feature.items.map((item) => ({
          name: `${feature.name}:${item}`,
          value: (r) => (holds(r[feature.name], item) ? 1 : 0),
        }));
    }
  });
}

/** The design matrix of `records` under a learned encoding (training or scoring alike). */
export function encode(records: readonly FeatureRecord[], encoding: FeatureEncoding): DesignMatrix {
  const wanted = new Set(encoding.columnNames);
  const columns = columnsOf(encoding.features).filter((c) => wanted.has(c.name));
  const p = columns.length;
  const values = new Float64Array(records.length * p);
  records.forEach((r, i) => {
    for (let j = 0; j < p; j++) values[i * p + j] = columns[j].value(r);
  });
  return { columnNames: columns.map((c) => c.name), rows: records.length, values };
}
