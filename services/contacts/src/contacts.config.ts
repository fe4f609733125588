/**
 * The contacts service's own environment variables, declared once (the platform's and
 * messaging's are declared in those libs). Read at start-up: a wrong value stops the service
 * naming it.
 */
import { loadConfig, serviceConfigModule, type Env } from '@crm/platform';

export const CONTACTS_CONFIG = Symbol('CONTACTS_CONFIG');

const MiB = 1024 * 1024;

export const contactsConfigSpec = {
  CONTACTS_IMPORT_CONCURRENCY: {
    type: 'int',
    min: 1,
    max: 64,
    default: 8,
    description: 'CSV import rows applied at once',
  },
  CONTACTS_IMPORT_MAX_BYTES: {
    type: 'int',
    min: 1,
    default: 256 * MiB,
    description: 'largest CSV upload in bytes (streamed, so far above the JSON body limit)',
  },
  SALES_URL: {
    type: 'url',
    protocols: ['http', 'https'],
    optional: true,
    description:
      'the sales service, whose data about the person the subject access request (export) gathers',
  },
  CRM_SEED_DEMO: {
    type: 'bool',
    default: false,
    description: 'load the demo data set into tenant acme once the service is up',
  },
} as const;

export interface ContactsConfig {
  readonly importConcurrency: number;
  readonly importMaxBytes: number;
  readonly seedDemo: boolean;
  readonly salesUrl: string | undefined;
}

export function loadContactsConfig(env: Env): ContactsConfig {
  const raw = loadConfig(contactsConfigSpec, env);
  return {
    importConcurrency: raw.CONTACTS_IMPORT_CONCURRENCY,
    importMaxBytes: raw.CONTACTS_IMPORT_MAX_BYTES,
    seedDemo: raw.CRM_SEED_DEMO,
    salesUrl: raw.SALES_URL,
  };
}

/** Provides CONTACTS_CONFIG to the whole service; imported once, by the AppModule. */
export const ContactsConfigModule = serviceConfigModule(CONTACTS_CONFIG, loadContactsConfig);
