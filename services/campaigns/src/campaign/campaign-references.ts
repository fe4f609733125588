/**
 * The records a campaign definition names, checked against this tenant's read models before
 * the command: a segment or template that does not exist here (another tenant's is the same as
 * none) or is archived, a template version that does not exist, or a template of the other
 * channel is a 422 naming the field. A merge patch is checked as the definition it makes.
 */
import { Injectable } from '@nestjs/common';
import { SegmentQueries } from '../segments/segment.queries';
import { TemplateQueries } from '../templates/template.queries';
import { CampaignErrors } from './campaign.errors';

/** Where a campaign body names a segment. */
const SEGMENT_FIELDS: readonly (readonly string[])[] = [
  ['audience', 'segmentId'],
  ['audience', 'excludeSegmentId'],
  ['kind', 'trigger', 'segmentId'],
];

@Injectable()
export class CampaignReferences {
  constructor(
    private readonly segments: SegmentQueries,
    private readonly templates: TemplateQueries,
  ) {}

  async check(tenant: string, body: unknown): Promise<void> {
    await this.checkSegments(tenant, body);
    await this.checkTemplates(tenant, body);
  }

  private async checkSegments(tenant: string, body: unknown): Promise<void> {
    for (const path of SEGMENT_FIELDS) {
      const id = at(body, path);
      // Malformed ids are the definition's to report (with every other bad field).
      if (typeof id !== 'string' || id.length === 0 || id.length > 200) continue;
      const segment = await this.segments.get(tenant, id);
      if (!segment || segment.status === 'archived')
        throw CampaignErrors.unknownSegment(path.join('.'), id);
    }
  }

  private async checkTemplates(tenant: string, body: unknown): Promise<void> {
    const variants = at(body, ['variants']);
    if (!Array.isArray(variants)) return;
    const channel = at(body, ['channel']);
    for (const [i, variant] of variants.slice(0, 10).entries()) {
      const id = at(variant, ['templateId']);
      const version = at(variant, ['templateVersion']);
      if (typeof id !== 'string' || id.length === 0 || id.length > 200) continue;
      if (!Number.isSafeInteger(version) || (version as number) < 1) continue;
      const field = `variants[${i}]`;
      const template = await this.templates.get(tenant, id);
      if (!template || template.status === 'archived')
        throw CampaignErrors.unknownTemplate(`${field}.templateId`, id);
      const pinned = await this.templates.loadVersion(tenant, id, version as number);
      if (!pinned)
        throw CampaignErrors.unknownTemplateVersion(
          `${field}.templateVersion`,
          id,
          version as number,
        );
      if (typeof channel === 'string' && pinned.content.channel !== channel)
        throw CampaignErrors.templateChannelMismatch(
          `${field}.templateId`,
          pinned.content.channel,
          channel,
        );
    }
  }
}

function at(value: unknown, path: readonly string[]): unknown {
  let here = value;
  for (const key of path) {
    if (typeof here !== 'object' || here === null || Array.isArray(here)) return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}
