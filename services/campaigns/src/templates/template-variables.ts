/**
 * The variables a template may use, as one catalogue: what the save-time check accepts, what the
 * renderer always supplies (a value or null, so a strict render never meets a missing name) and
 * what GET /templates/variables documents. The contact's members are what the audience keeps
 * (audience_contacts, the company's name from audience_companies); the offer, campaign, links and tenant are given by whoever renders.
 */
import { S } from '../infrastructure/read-model-part';

export type VariableType = 'string' | 'number' | 'string[]' | 'any';

export interface VariableLeaf {
  readonly kind: 'leaf';
  readonly type: VariableType;
  readonly description: string;
  /** What the draft preview shows when no contact is chosen. */
  readonly example: unknown;
}
export interface VariableGroup {
  readonly kind: 'group';
  readonly description: string;
  readonly members: Readonly<Record<string, VariableNode>>;
}
/** A family of members named by the tenant's data (`contact.customFields.<key>`). */
export interface VariableFamily {
  readonly kind: 'family';
  readonly description: string;
  readonly member: VariableLeaf;
}
export type VariableNode = VariableLeaf | VariableGroup | VariableFamily;

const leaf = (type: VariableType, description: string, example: unknown): VariableLeaf => ({
  kind: 'leaf',
  type,
  description,
  example,
});
const group = (description: string, members: Record<string, VariableNode>): VariableGroup => ({
  kind: 'group',
  description,
  members,
});

/** A custom field key a template may name (the contacts service's own key rule is looser). */
export const CUSTOM_FIELD_KEY = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

export const TEMPLATE_VARIABLES: Readonly<Record<string, VariableNode>> = {
  contact: group('The person the message is for, as the audience knows them', {
    id: leaf('string', 'Contact id', 'c-preview'),
    displayName: leaf(
      'string',
      'Name as contacts shows it (given and family name)',
      'Ada Lovelace',
    ),
    givenName: leaf('string', 'Given (first) name, as contacts keeps it', 'Ada'),
    familyName: leaf('string', 'Family (last) name, as contacts keeps it', 'Lovelace'),
    email: leaf('string', 'Primary email', 'ada@example.com'),
    phone: leaf('string', 'Primary phone, E.164', '+4915112345678'),
    lifecycleStage: leaf('string', 'Lifecycle stage (lead, customer, ...)', 'customer'),
    timeZone: leaf('string', 'IANA time zone', 'Europe/Berlin'),
    country: leaf('string', 'Country of the primary address (ISO 3166-1 alpha-2)', 'DE'),
    tags: leaf('string[]', 'Tags', ['vip']),
    customFields: {
      kind: 'family',
      description:
        'Custom fields by key (contact.customFields.loyalty); null when the contact has none',
      member: leaf('any', 'The custom field value', 'gold'),
    },
    company: group('The company the contact belongs to', {
      id: leaf('string', 'Company id', 'co-preview'),
      name: leaf('string', 'Company name', 'Analytical Engines Ltd'),
    }),
  }),
  offer: group('The product offered (cross-sell / up-sell); members null when none is given', {
    productId: leaf('string', 'Product id', 'p-preview'),
    name: leaf('string', 'Product name', 'Service plan'),
    sku: leaf('string', 'SKU', 'SP-1'),
    family: leaf('string', 'Product family', 'Services'),
    price: group('Price', {
      amount: leaf('string', 'Decimal amount in the currency (12.50)', '199.00'),
      currency: leaf('string', 'ISO 4217 code', 'EUR'),
      formatted: leaf(
        'string',
        'Amount with its currency symbol (en formatting: €199.00)',
        '€199.00',
      ),
    }),
    imageUrl: leaf('string', 'Product image URL', 'https://shop.example.com/sp-1.png'),
    url: leaf('string', 'Product page URL', 'https://shop.example.com/sp-1'),
  }),
  campaign: group('The campaign sending the message', {
    id: leaf('string', 'Campaign id', 'cmp-preview'),
    name: leaf('string', 'Campaign name', 'Spring service plan'),
  }),
  links: group(
    'Links the sender makes per message (use `| track` to make any URL a tracked link)',
    {
      unsubscribeUrl: leaf(
        'string',
        'One-click unsubscribe page',
        'https://example.invalid/u/preview',
      ),
      viewInBrowserUrl: leaf(
        'string',
        'The message as a web page',
        'https://example.invalid/v/preview',
      ),
    },
  ),
  tenant: group('The sending organisation', {
    id: leaf('string', 'Tenant id', 'acme'),
    name: leaf('string', 'Display name', 'ACME'),
  }),
};

/** One documented variable path, flattened for GET /templates/variables. */
export interface VariableDoc {
  /** `contact.customFields.<key>` for a family. */
  readonly path: string;
  readonly type: VariableType;
  readonly description: string;
}

export function describeVariables(): VariableDoc[] {
  const docs: VariableDoc[] = [];
  const walk = (prefix: string, node: VariableNode) => {
    if (node.kind === 'leaf')
      docs.push({ path: prefix, type: node.type, description: node.description });
    else if (node.kind === 'family')
      docs.push({ path: `${prefix}.<key>`, type: node.member.type, description: node.description });
    else
      for (const [name, member] of Object.entries(node.members)) walk(`${prefix}.${name}`, member);
  };
  for (const [name, node] of Object.entries(TEMPLATE_VARIABLES)) walk(name, node);
  return docs;
}

/** The variables a message is rendered with: every catalogue member present, unknown ones null. */
export interface MessageVariables {
  readonly contact: {
    readonly id: string;
    readonly displayName: string | null;
    readonly givenName: string | null;
    readonly familyName: string | null;
    readonly email: string | null;
    readonly phone: string | null;
    readonly lifecycleStage: string | null;
    readonly timeZone: string | null;
    readonly country: string | null;
    readonly tags: readonly string[];
    readonly customFields: Readonly<Record<string, unknown>>;
    readonly company: { readonly id: string | null; readonly name: string | null };
  };
  readonly offer: {
    readonly productId: string | null;
    readonly name: string | null;
    readonly sku: string | null;
    readonly family: string | null;
    readonly price: {
      readonly amount: string | null;
      readonly currency: string | null;
      readonly formatted: string | null;
    };
    readonly imageUrl: string | null;
    readonly url: string | null;
  };
  readonly campaign: { readonly id: string | null; readonly name: string | null };
  readonly links: {
    readonly unsubscribeUrl: string | null;
    readonly viewInBrowserUrl: string | null;
  };
  readonly tenant: { readonly id: string; readonly name: string | null };
}

/**
 * The audience_contacts columns the contact variables come from: select AUDIENCE_CONTACT_COLUMNS
 * FROM audience_contacts (unaliased: the company's name is looked up by the row's own columns).
 */
export interface AudienceContactRow {
  contact_id: string;
  display_name: string | null;
  given_name: string | null;
  family_name: string | null;
  email: string | null;
  phone: string | null;
  lifecycle_stage: string | null;
  time_zone: string | null;
  country: string | null;
  tags: string[];
  custom_fields: Record<string, unknown>;
  company_id: string | null;
  company_name: string | null;
}

export const AUDIENCE_CONTACT_COLUMNS = `contact_id, display_name, given_name, family_name, email, phone,
  lifecycle_stage, time_zone, country, tags, custom_fields, company_id,
  (SELECT co.name FROM ${S}.audience_companies co
    WHERE co.tenant = audience_contacts.tenant AND co.company_id = audience_contacts.company_id) AS company_name`;

/** The contact members of the variables, from the audience row (the sender uses it too). */
export function contactVariables(row: AudienceContactRow): MessageVariables['contact'] {
  return {
    id: row.contact_id,
    displayName: row.display_name,
    givenName: row.given_name,
    familyName: row.family_name,
    email: row.email,
    phone: row.phone,
    lifecycleStage: row.lifecycle_stage,
    timeZone: row.time_zone,
    country: row.country,
    tags: row.tags,
    customFields: row.custom_fields,
    company: { id: row.company_id, name: row.company_name },
  };
}

/** What a caller knows of the offer; the rest is null. */
export interface OfferInput {
  readonly productId?: string;
  readonly name?: string;
  readonly sku?: string;
  readonly family?: string;
  readonly price?: { readonly amount: string; readonly currency: string };
  readonly imageUrl?: string;
  readonly url?: string;
}

export function offerVariables(offer: OfferInput | undefined): MessageVariables['offer'] {
  return {
    productId: offer?.productId ?? null,
    name: offer?.name ?? null,
    sku: offer?.sku ?? null,
    family: offer?.family ?? null,
    price: {
      amount: offer?.price?.amount ?? null,
      currency: offer?.price?.currency ?? null,
      formatted: offer?.price ? formatPrice(offer.price.amount, offer.price.currency) : null,
    },
    imageUrl: offer?.imageUrl ?? null,
    url: offer?.url ?? null,
  };
}

/** `€199.00`; a currency Intl does not know shows as `199.00 XTS`. */
export function formatPrice(amount: string, currency: string): string {
  const value = Number(amount);
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(value);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** The catalogue's examples as variables: the draft preview without a contact. */
export function exampleVariables(): MessageVariables {
  const example = (node: VariableNode): unknown => {
    if (node.kind === 'leaf') return node.example;
    if (node.kind === 'family') return { loyalty: node.member.example };
    return Object.fromEntries(Object.entries(node.members).map(([k, v]) => [k, example(v)]));
  };
  return example(group('', TEMPLATE_VARIABLES as Record<string, VariableNode>)) as MessageVariables;
}
