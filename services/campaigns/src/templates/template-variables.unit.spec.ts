/**
 * The catalogue, the check and the renderer agree: every documented path is accepted at save and
 * renders (with the examples and with a contact the audience knows nothing about), and the
 * examples themselves have every member the catalogue names.
 */
import { checkContent } from './template-check';
import { renderMessage } from './template-rendering';
import {
  describeVariables,
  exampleVariables,
  offerVariables,
  type MessageVariables,
} from './template-variables';

const paths = describeVariables().map((v) => v.path.replace('<key>', 'loyalty'));
const everyPath = paths.map((path) => `[{{ ${path} }}]`).join('');

/** A contact with nothing known about them and no offer: every member null or empty. */
const unknownPerson: MessageVariables = {
  contact: {
    id: 'c-empty',
    displayName: null,
    givenName: null,
    familyName: null,
    email: null,
    phone: null,
    lifecycleStage: null,
    timeZone: null,
    country: null,
    tags: [],
    customFields: {},
    company: { id: null, name: null },
  },
  offer: offerVariables(undefined),
  campaign: { id: null, name: null },
  links: { unsubscribeUrl: null, viewInBrowserUrl: null },
  tenant: { id: 't', name: null },
};

describe('variable catalogue', () => {
  it('documents the groups the brief names, each path once', () => {
    expect(new Set(paths.map((p) => p.split('.')[0]))).toEqual(
      new Set(['contact', 'offer', 'campaign', 'links', 'tenant']),
    );
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual(
      expect.arrayContaining([
        'contact.customFields.loyalty',
        'offer.price.formatted',
        'links.unsubscribeUrl',
      ]),
    );
  });

  it('accepts every documented path at save, in HTML, subject and SMS', () => {
    expect(
      checkContent({ channel: 'email', subject: everyPath, html: everyPath, text: everyPath }),
    ).toEqual([]);
    expect(checkContent({ channel: 'sms', text: everyPath })).toEqual([]);
  });

  it('renders every documented path with the examples and for a person nothing is known about', () => {
    const examples = renderMessage(
      { content: { channel: 'sms', text: everyPath } },
      exampleVariables(),
    );
    expect(examples.text).toContain('[Ada Lovelace]');
    expect(examples.text).toContain('[gold]');
    expect(examples.text).not.toContain('[]');
    const empty = renderMessage({ content: { channel: 'sms', text: everyPath } }, unknownPerson);
    expect(empty.text).toBe(`[c-empty]${'[]'.repeat(paths.length - 3)}[t][]`);
  });

  it('formats a price with its currency, and a code Intl does not know as amount and code', () => {
    expect(offerVariables({ price: { amount: '1234.5', currency: 'EUR' } }).price.formatted).toBe(
      '€1,234.50',
    );
    expect(offerVariables({ price: { amount: '5', currency: 'JPY' } }).price.formatted).toBe('¥5');
    expect(offerVariables({ price: { amount: '5', currency: 'ZZ' } }).price.formatted).toBe('5 ZZ');
  });
});
