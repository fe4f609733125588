import type { ContactChannel } from '../contacts/contact';

/** GDPR Art. 6(1) lawful bases. */
export const LEGAL_BASES = [
  'consent',
  'contract',
  'legal-obligation',
  'vital-interests',
  'public-task',
  'legitimate-interests',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export interface ChannelConsent {
  readonly status: 'granted' | 'withdrawn';
  readonly legalBasis?: LegalBasis;
  /** Where the decision was captured: `web-form:newsletter`, `call:<interactionId>`, `import:<id>`. */
  readonly source: string;
  readonly at: string;
}

export type ConsentByChannel = Partial<Record<ContactChannel, ChannelConsent>>;

/** A channel may be offered to campaigns only with a recorded, un-withdrawn grant. */
export function mayContact(consents: ConsentByChannel, channel: ContactChannel): boolean {
  return consents[channel]?.status === 'granted';
}
