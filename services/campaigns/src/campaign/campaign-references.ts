/**
 * The records a campaign body names, checked against this tenant's read models before the
 * command: a segment that does not exist here (another tenant's is the same as none) or is
 * archived is a 422 naming the field. Only the members present are checked, so a merge patch
 * checks what it changes (the rest was checked when it was set).
 */
import { Injectable } from '@nestjs/common';
import { SegmentQueries } from '../segments/segment.queries';
import { CampaignErrors } from './campaign.errors';

/** Where a campaign body names a segment. */
const SEGMENT_FIELDS: readonly (readonly string[])[] = [
  ['audience', 'segmentId'],
  ['audience', 'excludeSegmentId'],
  ['kind', 'trigger', 'segmentId'],
];

// TODO(templates): check variants[i].templateId / templateVersion against TemplateQueries
// (src/templates, built alongside) once it is on main: unknown template or version 422, a
// template of the other channel 422.

@Injectable()
export class CampaignReferences {
  constructor(private readonly segments: SegmentQueries) {}

  async check(tenant: string, body: unknown): Promise<void> {
    for (const path of SEGMENT_FIELDS) {
      const id = at(body, path);
      // Malformed ids are the definition's to report (with every other bad field).
      if (typeof id !== 'string' || id.length === 0 || id.length > 200) continue;
      const segment = await this.segments.get(tenant, id);
      if (!segment || segment.status === 'archived')
        throw CampaignErrors.unknownSegment(path.join('.'), id);
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
