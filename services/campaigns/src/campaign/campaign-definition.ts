/**
 * A campaign's definition from untrusted JSON: every problem is collected with the path of its
 * field (`content.variants[1].sharePercent`), so one 422 names them all, and nothing is kept
 * unless all is well. References to other records (segments, templates) are checked by the
 * caller against the read models; this is the shape and the business rules of the values.
 */
import { DomainError } from '@crm/event-sourcing';
import {
  parseCurrency,
  parseEmail,
  parseMinorUnits,
  parseOneOf,
  parseOptionalText,
  parsePhoneNumber,
  parseText,
  parseTimeZone,
} from '@crm/values';
import { AB_METRICS } from './ab-test';
import { CampaignErrors, type FieldProblem } from './campaign.errors';
import {
  CAMPAIGN_KINDS,
  CHANNELS,
  TRIGGER_EVENTS,
  type AbTestPlan,
  type CampaignDefinition,
  type CampaignKind,
  type CampaignTrigger,
  type CampaignVariant,
} from './campaign.events';

export const MAX_CAMPAIGN_NAME = 200;
export const MAX_VARIANTS = 10;
export const MAX_DELAY_DAYS = 3650;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const VARIANT_ID = /^[A-Za-z0-9_-]{1,20}$/;
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
/** An SMS sender: up to 11 letters and digits (alphanumeric sender id) or a phone number. */
const SMS_ALPHANUMERIC = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/;

class Problems {
  readonly list: FieldProblem[] = [];
  add(field: string, message: string): undefined {
    this.list.push({ field, message });
    return undefined;
  }
  /** A @crm/values parser: its error becomes a problem naming the field it names. */
  value<T>(parse: () => T, field: string): T | undefined {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== 'invalid') throw error;
      const named = (error.details as { field?: string } | undefined)?.field ?? field;
      return this.add(named, error.message);
    }
  }
  object(raw: unknown, field: string): Record<string, unknown> | undefined {
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw))
      return raw as Record<string, unknown>;
    return this.add(field, 'must be an object');
  }
  integer(raw: unknown, field: string, min: number, max: number): number | undefined {
    if (typeof raw === 'number' && Number.isInteger(raw) && raw >= min && raw <= max) return raw;
    return this.add(field, `must be an integer from ${min} to ${max}`);
  }
  id(raw: unknown, field: string): string | undefined {
    if (typeof raw === 'string' && ID.test(raw)) return raw;
    return this.add(field, 'must be an id (letters, digits, . _ : -; at most 100)');
  }
  /** Members the definition does not know are refused, not silently dropped. */
  only(raw: Record<string, unknown>, field: string, allowed: readonly string[]): void {
    for (const key of Object.keys(raw))
      if (!allowed.includes(key))
        this.add(field ? `${field}.${key}` : key, 'is not a known member');
  }
}

/** The definition, or InvalidCampaign (422) naming every field at fault. */
export function parseCampaignDefinition(raw: unknown): CampaignDefinition {
  const p = new Problems();
  const body = p.object(raw, 'body') ?? {};
  p.only(body, '', [
    'name',
    'kind',
    'channel',
    'audience',
    'variants',
    'abTest',
    'nextBestOffer',
    'cost',
    'sender',
  ]);
  const name = p.value(() => parseText(body.name, 'name', MAX_CAMPAIGN_NAME), 'name');
  const kind = parseKind(p, body.kind);
  const channel = p.value(() => parseOneOf(body.channel, CHANNELS, 'channel'), 'channel');
  const audience = parseAudience(p, body.audience);
  const variants = parseVariants(p, body.variants);
  const abTest = parseAbTest(p, body.abTest, variants);
  const nextBestOffer = parseNextBestOffer(p, body.nextBestOffer);
  const cost = parseCost(p, body.cost);
  const sender = parseSender(p, body.sender, channel);
  if (p.list.length > 0) throw CampaignErrors.invalidCampaign(p.list);
  return {
    name: name!,
    kind: kind!,
    channel: channel!,
    audience: audience!,
    variants: variants!,
    ...(abTest ? { abTest } : {}),
    ...(nextBestOffer ? { nextBestOffer } : {}),
    ...(cost ? { cost } : {}),
    sender: sender!,
  };
}

function parseKind(p: Problems, raw: unknown): CampaignKind | undefined {
  const kind = p.object(raw, 'kind');
  if (!kind) return undefined;
  const type = p.value(() => parseOneOf(kind.type, CAMPAIGN_KINDS, 'kind.type'), 'kind.type');
  if (type === 'broadcast') {
    p.only(kind, 'kind', ['type']);
    return { type };
  }
  if (type === 'triggered') {
    p.only(kind, 'kind', ['type', 'trigger']);
    const trigger = parseTrigger(p, kind.trigger);
    return trigger && { type, trigger };
  }
  if (type === 'recurring') {
    p.only(kind, 'kind', ['type', 'every', 'unit', 'timeOfDay', 'timeZone']);
    const every = p.integer(kind.every, 'kind.every', 1, 365);
    const unit = p.value(
      () => parseOneOf(kind.unit, ['days', 'weeks'] as const, 'kind.unit'),
      'kind.unit',
    );
    const timeOfDay =
      typeof kind.timeOfDay === 'string' && TIME_OF_DAY.test(kind.timeOfDay)
        ? kind.timeOfDay
        : p.add('kind.timeOfDay', 'must be HH:MM (00:00 to 23:59)');
    const timeZone = p.value(() => parseTimeZone(kind.timeZone, 'kind.timeZone'), 'kind.timeZone');
    if (every === undefined || !unit || !timeOfDay || !timeZone) return undefined;
    return { type, every, unit, timeOfDay, timeZone };
  }
  return undefined;
}

function parseTrigger(p: Problems, raw: unknown): CampaignTrigger | undefined {
  const t = p.object(raw, 'kind.trigger');
  if (!t) return undefined;
  const f = 'kind.trigger';
  const event = p.value(() => parseOneOf(t.event, TRIGGER_EVENTS, `${f}.event`), `${f}.event`);
  if (event === 'order-placed') {
    p.only(t, f, ['event', 'productFamily', 'productId', 'delayDays']);
    const productFamily = p.value(
      () => parseOptionalText(t.productFamily, `${f}.productFamily`),
      f,
    );
    const productId = t.productId === undefined ? undefined : p.id(t.productId, `${f}.productId`);
    if (productFamily === undefined && t.productId === undefined)
      p.add(`${f}.productFamily`, 'an order trigger names a productFamily or a productId');
    const delayDays = p.integer(t.delayDays, `${f}.delayDays`, 0, MAX_DELAY_DAYS);
    if (delayDays === undefined || (productFamily === undefined && productId === undefined))
      return undefined;
    return {
      event,
      ...(productFamily !== undefined ? { productFamily } : {}),
      ...(productId !== undefined ? { productId } : {}),
      delayDays,
    };
  }
  if (event === 'segment-entered') {
    p.only(t, f, ['event', 'segmentId', 'delayDays']);
    const segmentId = p.id(t.segmentId, `${f}.segmentId`);
    const delayDays = p.integer(t.delayDays, `${f}.delayDays`, 0, MAX_DELAY_DAYS);
    return segmentId && delayDays !== undefined ? { event, segmentId, delayDays } : undefined;
  }
  if (event === 'warranty-ending') {
    p.only(t, f, ['event', 'daysBefore']);
    const daysBefore = p.integer(t.daysBefore, `${f}.daysBefore`, 0, MAX_DELAY_DAYS);
    return daysBefore !== undefined ? { event, daysBefore } : undefined;
  }
  return undefined;
}

function parseAudience(p: Problems, raw: unknown): CampaignDefinition['audience'] | undefined {
  const a = p.object(raw, 'audience');
  if (!a) return undefined;
  p.only(a, 'audience', ['segmentId', 'excludeSegmentId']);
  const segmentId = p.id(a.segmentId, 'audience.segmentId');
  const exclude =
    a.excludeSegmentId === undefined
      ? undefined
      : p.id(a.excludeSegmentId, 'audience.excludeSegmentId');
  if (exclude !== undefined && exclude === segmentId)
    p.add('audience.excludeSegmentId', 'cannot be the audience segment itself');
  return segmentId ? { segmentId, ...(exclude ? { excludeSegmentId: exclude } : {}) } : undefined;
}

function parseVariants(p: Problems, raw: unknown): CampaignVariant[] | undefined {
  if (!Array.isArray(raw) || raw.length < 1 || raw.length > MAX_VARIANTS)
    return p.add('variants', `must list 1 to ${MAX_VARIANTS} variants`);
  const variants: CampaignVariant[] = [];
  raw.forEach((item, i) => {
    const f = `variants[${i}]`;
    const v = p.object(item, f);
    if (!v) return;
    p.only(v, f, ['id', 'templateId', 'templateVersion', 'sharePercent']);
    const id =
      typeof v.id === 'string' && VARIANT_ID.test(v.id)
        ? v.id
        : p.add(`${f}.id`, 'must be 1-20 letters, digits, _ or -');
    const templateId = p.id(v.templateId, `${f}.templateId`);
    const templateVersion = p.integer(v.templateVersion, `${f}.templateVersion`, 1, 1_000_000);
    const sharePercent = p.integer(v.sharePercent, `${f}.sharePercent`, 1, 100);
    if (id && variants.some((other) => other.id === id)) p.add(`${f}.id`, `repeats variant ${id}`);
    if (id && templateId && templateVersion !== undefined && sharePercent !== undefined)
      variants.push({ id, templateId, templateVersion, sharePercent });
  });
  if (variants.length !== raw.length) return undefined;
  const total = variants.reduce((sum, v) => sum + v.sharePercent, 0);
  if (total !== 100) return p.add('variants', `the shares add up to ${total}, not 100`);
  return variants;
}

function parseAbTest(
  p: Problems,
  raw: unknown,
  variants: readonly CampaignVariant[] | undefined,
): AbTestPlan | undefined {
  if (raw === undefined) {
    if (variants && variants.length > 1)
      p.add('abTest', 'two or more variants are an A/B test: say how to test them');
    return undefined;
  }
  if (variants && variants.length < 2)
    return p.add('abTest', 'an A/B test needs two or more variants');
  const t = p.object(raw, 'abTest');
  if (!t) return undefined;
  p.only(t, 'abTest', ['testSharePercent', 'metric', 'significance', 'minimumSamplePerVariant']);
  const testSharePercent = p.integer(t.testSharePercent, 'abTest.testSharePercent', 1, 100);
  const metric = p.value(() => parseOneOf(t.metric, AB_METRICS, 'abTest.metric'), 'abTest.metric');
  const significance =
    typeof t.significance === 'number' && t.significance > 0 && t.significance <= 0.2
      ? t.significance
      : p.add('abTest.significance', 'must be a number above 0 and at most 0.2 (e.g. 0.05)');
  const minimumSamplePerVariant = p.integer(
    t.minimumSamplePerVariant,
    'abTest.minimumSamplePerVariant',
    1,
    10_000_000,
  );
  if (
    testSharePercent === undefined ||
    !metric ||
    significance === undefined ||
    minimumSamplePerVariant === undefined
  )
    return undefined;
  return { testSharePercent, metric, significance, minimumSamplePerVariant };
}

function parseNextBestOffer(p: Problems, raw: unknown): CampaignDefinition['nextBestOffer'] {
  if (raw === undefined) return undefined;
  const o = p.object(raw, 'nextBestOffer');
  if (!o) return undefined;
  p.only(o, 'nextBestOffer', ['model', 'fallbackProductId']);
  const model = p.id(o.model, 'nextBestOffer.model');
  const fallbackProductId = p.id(o.fallbackProductId, 'nextBestOffer.fallbackProductId');
  return model && fallbackProductId ? { model, fallbackProductId } : undefined;
}

function parseCost(p: Problems, raw: unknown): CampaignDefinition['cost'] {
  if (raw === undefined) return undefined;
  const c = p.object(raw, 'cost');
  if (!c) return undefined;
  p.only(c, 'cost', ['amountMinor', 'currency']);
  const amountMinor = p.value(
    () => parseMinorUnits(c.amountMinor, 'cost.amountMinor'),
    'cost.amountMinor',
  );
  const currency = p.value(() => parseCurrency(c.currency, 'cost.currency'), 'cost.currency');
  return amountMinor !== undefined && currency ? { amountMinor, currency } : undefined;
}

function parseSender(
  p: Problems,
  raw: unknown,
  channel: string | undefined,
): CampaignDefinition['sender'] | undefined {
  const s = p.object(raw, 'sender');
  if (!s) return undefined;
  if (channel === 'sms') {
    p.only(s, 'sender', ['smsSenderId']);
    const id = s.smsSenderId;
    if (typeof id === 'string' && SMS_ALPHANUMERIC.test(id)) return { smsSenderId: id };
    const phone = p.value(() => parsePhoneNumber(id, 'sender.smsSenderId'), 'sender.smsSenderId');
    return phone ? { smsSenderId: phone } : undefined;
  }
  p.only(s, 'sender', ['name', 'email', 'replyTo']);
  const name = p.value(() => parseText(s.name, 'sender.name', 100), 'sender.name');
  const email = p.value(() => parseEmail(s.email, 'sender.email'), 'sender.email');
  const replyTo =
    s.replyTo === undefined
      ? undefined
      : p.value(() => parseEmail(s.replyTo, 'sender.replyTo'), 'sender.replyTo');
  if (!name || !email) return undefined;
  return { name, email, ...(replyTo ? { replyTo } : {}) };
}
