/**
 * The sales service's own environment variables, declared once (the platform's and messaging's
 * are declared in those libs). Read at start-up: a wrong value stops the service naming it.
 */
import { loadConfig, serviceConfigModule, type Env } from '@crm/platform';

export const SALES_CONFIG = Symbol('SALES_CONFIG');

export const salesConfigSpec = {
  SALES_REMINDER_POLL_MS: {
    type: 'int',
    min: 100,
    default: 5_000,
    description: 'milliseconds between looks for due activity reminders',
  },
  SALES_QUOTE_EXPIRY_POLL_MS: {
    type: 'int',
    min: 100,
    default: 60_000,
    description: 'milliseconds between looks for sent quotes past their validity',
  },
  SALES_PROCESS_RESUME_POLL_MS: {
    type: 'int',
    min: 100,
    default: 5_000,
    description:
      'milliseconds between looks for cross-service processes (lead conversions) to resume',
  },
  SALES_PROCESS_LEASE_MS: {
    type: 'int',
    min: 100,
    default: 30_000,
    description:
      'how long a process run may go between two recorded steps before another run takes it over',
  },
  SALES_REFERENCE_WAIT_MS: {
    type: 'int',
    min: 0,
    default: 3_000,
    description:
      'milliseconds a command naming a contact or company sales has not mirrored yet waits for crm.contacts.v1 before its 422',
  },
  CONTACTS_URL: {
    type: 'url',
    protocols: ['http', 'https'],
    optional: true,
    description: 'the contacts service, where lead conversion creates the contact and company',
  },
  CRM_SEED_DEMO: {
    type: 'bool',
    default: false,
    description:
      'load two years of demo sales history (catalogue, orders, leads, deals) into tenant acme once the service is up and knows the demo contacts',
  },
} as const;

export interface SalesConfig {
  readonly reminderPollMs: number;
  readonly quoteExpiryPollMs: number;
  /** How long an unknown contact or company id is looked up again before the 422 (mirror lag). */
  readonly referenceWaitMs: number;
  readonly processResumePollMs: number;
  readonly processLeaseMs: number;
  /** Absent: conversion only mints the ids; contacts learns of them from lead.converted. */
  readonly contactsUrl: string | undefined;
  readonly seedDemo: boolean;
}

export function loadSalesConfig(env: Env): SalesConfig {
  const raw = loadConfig(salesConfigSpec, env);
  return {
    reminderPollMs: raw.SALES_REMINDER_POLL_MS,
    quoteExpiryPollMs: raw.SALES_QUOTE_EXPIRY_POLL_MS,
    referenceWaitMs: raw.SALES_REFERENCE_WAIT_MS,
    processResumePollMs: raw.SALES_PROCESS_RESUME_POLL_MS,
    processLeaseMs: raw.SALES_PROCESS_LEASE_MS,
    contactsUrl: raw.CONTACTS_URL,
    seedDemo: raw.CRM_SEED_DEMO,
  };
}

/** Provides SALES_CONFIG to the whole service; imported once, by the AppModule. */
export const SalesConfigModule = serviceConfigModule(SALES_CONFIG, loadSalesConfig);
