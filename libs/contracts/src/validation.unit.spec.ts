import {
  ContactConsentChanged,
  ContactInteractionLogged,
  ContactRegistered,
} from './contacts.events';
import { INTEGRATION_EVENTS } from './catalog';
import { OrderPlaced } from './sales.events';
import { assertValidPayload, IntegrationEventValidationError, validatePayload } from './validation';

const order = {
  orderId: 'ord-1',
  contactId: 'c-1',
  lines: [
    {
      productId: 'p-1',
      sku: 'CAR-RED',
      quantity: 2,
      unitPrice: { amount: '100.10', currency: 'EUR' },
      lineTotal: { amount: '200.20', currency: 'EUR' },
    },
  ],
  total: { amount: '238.24', currency: 'EUR' },
  placedAt: '2026-11-23T09:00:00.000Z',
};

describe('integration event payload validation', () => {
  it('compiles every schema in the catalog', () => {
    for (const d of INTEGRATION_EVENTS) expect(() => validatePayload(d.type, {})).not.toThrow();
  });

  it('admits null for a nullable enum and still rejects values outside it', () => {
    const logged = {
      contactId: 'c-1',
      interactionId: 'i-1',
      kind: 'call',
      direction: null,
      occurredAt: '2026-11-23T09:00:00.000Z',
    };
    expect(validatePayload(ContactInteractionLogged.type, logged, 'strict')).toEqual([]);
    const sideways = { ...logged, direction: 'sideways' };
    expect(validatePayload(ContactInteractionLogged.type, sideways).map((p) => p.path)).toEqual([
      '/direction',
    ]);
  });

  it('accepts a well-formed payload in both modes', () => {
    expect(validatePayload(OrderPlaced.type, order)).toEqual([]);
    expect(validatePayload(OrderPlaced.type, order, 'strict')).toEqual([]);
  });

  it('names each problem with its path', () => {
    const bad = {
      ...order,
      lines: [{ ...order.lines[0], quantity: 0 }],
      total: { amount: '1,5', currency: 'eur' },
    };
    const paths = validatePayload(OrderPlaced.type, bad).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/lines/0/quantity', '/total/amount', '/total/currency']),
    );
  });

  it('tolerates unknown fields for consumers but rejects them at the producer', () => {
    const leaky = {
      contactId: 'c-1',
      displayName: 'Ada',
      lifecycleStage: 'lead',
      birthDate: '1815-12-10',
    };
    expect(validatePayload(ContactRegistered.type, leaky)).toEqual([]);
    expect(() => assertValidPayload(ContactRegistered.type, leaky, 'strict')).toThrow(
      IntegrationEventValidationError,
    );
    expect(() => assertValidPayload(ContactRegistered.type, leaky, 'strict')).toThrow(/birthDate/);
  });

  it('checks formats and enums', () => {
    const consent = {
      contactId: 'c-1',
      channel: 'pigeon',
      status: 'granted',
      legalBasis: 'consent',
      source: 'web_form',
      changedAt: 'yesterday',
    };
    const paths = validatePayload(ContactConsentChanged.type, consent).map((p) => p.path);
    expect(paths.sort()).toEqual(['/changedAt', '/channel']);
  });
});
