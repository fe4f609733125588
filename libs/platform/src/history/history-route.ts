import { applyDecorators, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../docs/problem-details.schema';
import { HistoryPageDto } from './history.dto';

const DESCRIPTION =
  'Each entry is one recorded fact: `version` (the ETag it made), `at`, `actor`, `event` and ' +
  '`changes` (`path`, `from`, `to` in the resource view). Personal data of an erased person ' +
  'reads "[erased]". `?asOf=<instant>` on the record GET reads the record as it stood then.';

/**
 * `GET <resource>/:id/history`, documented the same way for every resource of every service: the
 * route, the resource's tag, a summary, the page schema and its problems. Roles come from the
 * controller (the record GET's).
 */
export function HistoryRoute(path: string, tag: string, summary: string): MethodDecorator {
  // Applied in the order stacked decorators would be (bottom first), so documents do not move.
  return applyDecorators(
    ApiProblems(400, 401, 403, 404),
    ApiOkResponse({ type: HistoryPageDto }),
    ApiOperation({ summary, description: DESCRIPTION }),
    ApiTags(tag),
    Get(path),
  );
}
