/**
 * How alike two contacts are, as a score in [0, 1] with the reasons. Pure: the read model finds
 * candidate pairs cheaply (same email, same phone, similar name via pg_trgm) and this decides
 * how likely each pair is the same person, so the ranking is unit-testable and explainable.
 */
export interface DuplicateProbe {
  readonly contactId: string;
  /** Lower-cased display name. */
  readonly name: string;
  readonly emails: readonly string[];
  readonly phones: readonly string[];
  readonly companyId?: string | null;
}

export type DuplicateReason =
  'same-email' | 'same-phone' | 'similar-name-same-company' | 'similar-name';

export interface DuplicateScore {
  readonly score: number;
  readonly reasons: DuplicateReason[];
}

// Independent signals: a shared email is near-certain, a shared phone strong (households and
// switchboards share phones), a similar name weak unless the company matches too.
const WEIGHT: Record<DuplicateReason, number> = {
  'same-email': 0.95,
  'same-phone': 0.8,
  'similar-name-same-company': 0.7,
  'similar-name': 0.35,
};

export const NAME_SIMILARITY_THRESHOLD = 0.6;

export function scoreDuplicate(a: DuplicateProbe, b: DuplicateProbe): DuplicateScore {
  const reasons: DuplicateReason[] = [];
  if (a.emails.some((e) => b.emails.includes(e))) reasons.push('same-email');
  if (a.phones.some((p) => b.phones.includes(p))) reasons.push('same-phone');
  if (nameSimilarity(a.name, b.name) >= NAME_SIMILARITY_THRESHOLD) {
    reasons.push(
      a.companyId && a.companyId === b.companyId ? 'similar-name-same-company' : 'similar-name',
    );
  }
  const miss = reasons.reduce((p, r) => p * (1 - WEIGHT[r]), 1);
  return { score: Math.round((1 - miss) * 1000) / 1000, reasons };
}

/** Trigram similarity the way pg_trgm computes it (padded words), so SQL and code agree. */
export function nameSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}
