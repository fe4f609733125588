import { DomainError } from '@crm/event-sourcing';
import { checkContent, compileSource, variablesOf } from './template-check';
import type { TemplateContent } from './template-content';
import { renderMessage } from './template-rendering';
import { exampleVariables, offerVariables, type MessageVariables } from './template-variables';

const base = exampleVariables();
const withContact = (contact: Partial<MessageVariables['contact']>): MessageVariables => ({
  ...base,
  contact: { ...base.contact, ...contact },
});
const email = (html: string, extra: Partial<TemplateContent> = {}): TemplateContent =>
  ({
    channel: 'email',
    subject: 'Hi {{ contact.displayName }}',
    html,
    ...extra,
  }) as TemplateContent;
const renderFails = (content: TemplateContent, variables: MessageVariables) => {
  try {
    renderMessage({ content }, variables);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('rendered');
};

describe('template check (at save)', () => {
  it('accepts catalogue variables, loop locals, list members and custom fields by key', () => {
    const content = email(
      `{% assign greeting = "Hello" %}{{ greeting }} {{ contact.displayName | upcase }}
      {% for tag in contact.tags %}{{ tag }}{% endfor %} {{ contact.tags.size }} {{ contact.tags[0] }}
      {{ contact.customFields.loyalty }} {{ offer.price.formatted }} {{ offer.url | track }}
      {% if contact.company.id %}{{ tenant.name }}{% endif %} {{ links.unsubscribeUrl }}`,
    );
    expect(checkContent(content)).toEqual([]);
    expect(variablesOf(content)).toEqual(
      expect.arrayContaining([
        'contact.displayName',
        'contact.tags',
        'contact.customFields.loyalty',
        'offer.url',
      ]),
    );
  });

  it('names the field, the unknown variable and where it is', () => {
    const problems = checkContent(
      email('<p>Dear {{ contact.firstName }}</p>\n{{ unknown.thing }}', {
        subject: 'For {{ offer.colour }}',
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({ field: 'subject', variable: 'offer.colour', line: 1, column: 8 }),
      expect.objectContaining({
        field: 'html',
        variable: 'contact.firstName',
        line: 1,
        column: 12,
      }),
      expect.objectContaining({ field: 'html', variable: 'unknown.thing', line: 2, column: 4 }),
    ]);
    expect(problems[1].message).toMatch(/contact has no member 'firstName'/);
  });

  it('refuses prototype walks, members of plain values and unsafe custom field keys', () => {
    for (const source of [
      '{{ contact.constructor }}',
      '{{ contact.displayName.constructor }}',
      '{{ contact.customFields.__proto__ }}',
      '{{ contact.customFields.loyalty.level }}',
      '{{ contact }}x{{ offer.price.amount.x }}',
    ])
      expect(checkContent({ channel: 'sms', text: source }).length).toBeGreaterThan(0);
    expect(checkContent({ channel: 'sms', text: '{{ contact }}' })).toEqual([]);
  });

  it('reports syntax errors, unknown filters and file tags with line and column', () => {
    expect(checkContent({ channel: 'sms', text: 'a\n{{ contact.id | nope }}' })).toEqual([
      expect.objectContaining({ field: 'text', line: 2, column: 1 }),
    ]);
    expect(checkContent({ channel: 'sms', text: '{% if contact.id %}open' })[0].message).toMatch(
      /not closed/,
    );
    expect(checkContent({ channel: 'sms', text: '{% include "x" %}' })[0].message).toMatch(
      /include/,
    );
    // raw would let a contact's name through unescaped: the HTML part has no such filter.
    expect(checkContent(email('{{ contact.displayName | raw }}'))[0]).toMatchObject({
      field: 'html',
    });
    expect(checkContent(email('x', { text: '{{ contact.displayName | raw }}' }))).toEqual([]);
  });
});

describe('renderMessage', () => {
  it('escapes every value in the HTML part, not in subject or text', () => {
    const hostile = withContact({ displayName: '<script>alert(1)</script> & "Bob"' });
    const rendered = renderMessage(
      { content: email('<p>Hi {{ contact.displayName }}</p><a href="{{ offer.url }}">Buy</a>') },
      { ...hostile, offer: offerVariables({ url: 'https://shop.example.com/p?a=1&b=2' }) },
    );
    expect(rendered).toMatchObject({
      channel: 'email',
      subject: 'Hi <script>alert(1)</script> & "Bob"',
      html: '<p>Hi &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;Bob&#34;</p><a href="https://shop.example.com/p?a=1&amp;b=2">Buy</a>',
    });
    expect((rendered as { text: string }).text).toContain('Hi <script>alert(1)</script> & "Bob"');
  });

  it('generates the plain-text part from the HTML unless the template has one', () => {
    const generated = renderMessage(
      {
        content: email(
          '<h1>Offer</h1><p>{{ offer.name }} for {{ offer.price.formatted }}</p><a href="{{ offer.url }}">See it</a><img src="x.png">',
        ),
      },
      {
        ...base,
        offer: offerVariables({
          name: 'Plan',
          url: 'https://s.example/p',
          price: { amount: '19.90', currency: 'EUR' },
        }),
      },
    );
    expect(generated).toMatchObject({
      text: 'OFFER\n\nPlan for €19.90\n\nSee it [https://s.example/p]',
    });
    const own = renderMessage(
      { content: email('<p>x</p>', { text: 'Plain {{ contact.id }}' }) },
      base,
    );
    expect(own).toMatchObject({ text: 'Plain c-preview' });
  });

  it('keeps the subject on one line whatever a value holds', () => {
    const rendered = renderMessage(
      { content: email('x') },
      withContact({ displayName: 'Eve\r\nBcc: all@example.com' }),
    );
    expect(rendered).toMatchObject({ subject: 'Hi Eve Bcc: all@example.com' });
  });

  it('renders null members and absent custom fields as empty, and tracks links through the sender', () => {
    const rendered = renderMessage(
      {
        content: {
          channel: 'sms',
          text: '{{ contact.phone }}[{{ contact.customFields.missing }}] {{ offer.url | track }}',
        },
      },
      {
        ...withContact({ phone: null, customFields: {} }),
        offer: offerVariables({ url: 'https://s.example/p' }),
      },
      { trackLink: (url) => `https://t.example/c/${encodeURIComponent(url)}` },
    );
    expect(rendered).toMatchObject({
      text: '[] https://t.example/c/https%3A%2F%2Fs.example%2Fp',
      encoding: 'GSM-7',
    });
  });

  it('counts the rendered SMS: a name outside GSM-7 switches it to UCS-2', () => {
    const content: TemplateContent = {
      channel: 'sms',
      text: 'Hi {{ contact.displayName }}, {{ offer.name }} awaits',
    };
    const latin = renderMessage(
      { content },
      { ...withContact({ displayName: 'Ada' }), offer: offerVariables({ name: 'Plan' }) },
    );
    expect(latin).toMatchObject({
      text: 'Hi Ada, Plan awaits',
      encoding: 'GSM-7',
      length: 19,
      segments: 1,
    });
    const polish = renderMessage(
      { content },
      {
        ...withContact({ displayName: 'Łucja' }),
        offer: offerVariables({ name: 'Plan'.repeat(20) }),
      },
    );
    expect(polish).toMatchObject({ encoding: 'UCS-2', length: 97, segments: 2 });
  });

  it('stops a render that exceeds its time or memory budget with a problem naming the field', () => {
    const loop = '{% for i in (1..3000) %}{% for j in (1..3000) %}{% endfor %}{% endfor %}';
    const slow = renderFails({ channel: 'sms', text: loop }, base);
    expect(slow).toMatchObject({ code: 'TemplateRenderFailed' });
    expect(slow.details?.errors).toEqual([
      expect.objectContaining({ field: 'text', message: expect.stringMatching(/limit/) }),
    ]);
    const doubling =
      '{% assign a = "xxxxxxxx" %}{% for i in (1..40) %}{% assign a = a | append: a %}{% endfor %}{{ a.size }}';
    expect(renderFails(email(doubling), base).details?.errors).toEqual([
      expect.objectContaining({ field: 'html' }),
    ]);
  });

  it('parses a sound source once (a send renders the same version thousands of times)', () => {
    const source = `<p>{{ contact.id }} ${Math.random()}</p>`;
    const first = compileSource('html', source, 'html');
    const second = compileSource('html', source, 'html');
    expect(first.ok && second.ok && first.compiled.templates === second.compiled.templates).toBe(
      true,
    );
    expect(compileSource('html', source, 'plain')).not.toBe(first);
  });

  it('refuses to render a source that would not pass the save-time check', () => {
    expect(renderFails({ channel: 'sms', text: '{{ contact.secret }}' }, base)).toMatchObject({
      code: 'InvalidTemplate',
    });
  });
});
