/**
 * A realistic, reproducible demo data set: the same seed always yields the same people,
 * companies and histories (a tiny deterministic PRNG, no dependency), so demos and screenshots
 * stay stable.
 */
import { normalisePhone } from '@crm/values';

const GIVEN = [
  'Ada',
  'Grace',
  'Alan',
  'Katherine',
  'Hedy',
  'Margaret',
  'Dorothy',
  'Tim',
  'Barbara',
  'Edsger',
  'Frances',
  'Ken',
  'Radia',
  'Linus',
  'Sophie',
  'Niklaus',
  'Joan',
  'Donald',
  'Shafi',
  'Vint',
  'Anita',
  'John',
  'Lynn',
  'Bjarne',
  'Karen',
  'Dennis',
  'Jean',
  'Guido',
  'Mary',
  'Yukihiro',
];
const FAMILY = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Lamarr',
  'Hamilton',
  'Vaughan',
  'Berners-Lee',
  'Liskov',
  'Dijkstra',
  'Allen',
  'Thompson',
  'Perlman',
  'Torvalds',
  'Wilson',
  'Wirth',
  'Clarke',
  'Knuth',
  'Goldwasser',
  'Cerf',
  'Borg',
  'McCarthy',
  'Conway',
  'Stroustrup',
  'Jones',
  'Ritchie',
  'Bartik',
  'van Rossum',
  'Kenyon',
  'Matsumoto',
];
const COMPANY_WORDS = [
  'Analytical',
  'Difference',
  'Quantum',
  'Orbital',
  'Compiler',
  'Lambda',
  'Vector',
  'Signal',
  'Harbor',
  'Northwind',
  'Bluebird',
  'Granite',
  'Cobalt',
  'Summit',
  'Meadow',
];
const COMPANY_KINDS = [
  'Engines',
  'Systems',
  'Labs',
  'Logistics',
  'Foods',
  'Energy',
  'Health',
  'Media',
  'Retail',
  'Finance',
];
const INDUSTRIES = [
  'Software',
  'Manufacturing',
  'Retail',
  'Healthcare',
  'Finance',
  'Logistics',
  'Energy',
  'Media',
];
const SIZES = ['1-9', '10-49', '50-249', '250-999', '1000-4999', '5000-plus'] as const;
const STAGES = ['subscriber', 'lead', 'opportunity', 'customer', 'churned'] as const;
const TAGS = [
  'vip',
  'newsletter',
  'partner',
  'webinar-2026',
  'trade-fair',
  'referral',
  'enterprise',
  'smb',
];
const SUBJECTS = [
  'Intro call',
  'Product demo',
  'Pricing question',
  'Renewal',
  'Support follow-up',
  'Quarterly review',
  'Onboarding',
  'Feature request',
];
const KINDS = ['call', 'email', 'meeting', 'note', 'chat', 'feedback'] as const;

/** mulberry32: small, fast, good enough for demo data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoCompany {
  readonly name: string;
  readonly domain: string;
  readonly industry: string;
  readonly sizeBand: (typeof SIZES)[number];
}

export interface DemoContact {
  readonly given: string;
  readonly family: string;
  readonly email: string;
  readonly phone?: string;
  readonly companyIndex?: number;
  readonly stage: (typeof STAGES)[number];
  readonly tags: string[];
  readonly emailConsent?: 'granted' | 'withdrawn';
  readonly interactions: { kind: (typeof KINDS)[number]; subject: string; daysAgo: number }[];
}

export function demoCompanies(count: number, seed = 42): DemoCompany[] {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  return Array.from({ length: count }, (_, i) => {
    const name = `${pick(COMPANY_WORDS)} ${pick(COMPANY_KINDS)} ${i + 1}`;
    return {
      name,
      domain: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example`,
      industry: pick(INDUSTRIES),
      sizeBand: pick(SIZES),
    };
  });
}

export function demoContacts(count: number, companies: number, seed = 7): DemoContact[] {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  return Array.from({ length: count }, (_, i) => {
    const given = pick(GIVEN);
    const family = pick(FAMILY);
    // Berlin landline numbers: 030 + 8 digits are valid in the numbering plan.
    const phone =
      rnd() < 0.7
        ? normalisePhone(`+4930${String(20_000_000 + Math.floor(rnd() * 70_000_000))}`)
        : undefined;
    const consentRoll = rnd();
    return {
      given,
      family,
      email: `${given}.${family}.${i}@demo.example`.toLowerCase().replace(/[^a-z0-9.@-]/g, ''),
      ...(phone ? { phone } : {}),
      ...(rnd() < 0.8 && companies > 0 ? { companyIndex: Math.floor(rnd() * companies) } : {}),
      stage: pick(STAGES.slice(0, 4)),
      tags: TAGS.filter(() => rnd() < 0.15),
      ...(consentRoll < 0.6
        ? { emailConsent: 'granted' as const }
        : consentRoll < 0.7
          ? { emailConsent: 'withdrawn' as const }
          : {}),
      interactions: Array.from({ length: Math.floor(rnd() * 3) }, () => ({
        kind: pick(KINDS),
        subject: pick(SUBJECTS),
        daysAgo: Math.floor(rnd() * 365),
      })),
    };
  });
}
