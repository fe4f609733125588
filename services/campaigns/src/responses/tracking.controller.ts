/**
 * The public tracking endpoints (no JWT: the signed token is the only credential):
 * - `GET /t/o/{token}.gif` (or without `.gif`): the open pixel, ALWAYS a 1x1 GIF, whatever the
 *   token, so a forged one learns nothing; the open is recorded only for a valid token.
 * - `GET /t/c/{token}`: 302 to the URL inside the signed token (the only place a target comes
 *   from: no query parameter is read, so no open redirect); otherwise a bare 404 problem.
 * - `HEAD` on either (Fastify's HEAD route runs the GET handler): the same answer without a
 *   body, recorded as a machine.
 * - `GET /t/u/{token}` asks (a page with a form), `POST /t/u/{token}` unsubscribes (RFC 8058
 *   one-click `List-Unsubscribe=One-Click`, or the page's form); a forged or unknown link gets a
 *   neutral 404 page.
 * Per client IP rate-limited (over the limit: the pixel still answers, without recording; the
 * others 429). GETs of the pixel never fail: an error inside is logged and the GIF answered.
 */
import {
  Catch,
  Controller,
  Get,
  HttpCode,
  Inject,
  Logger,
  Post,
  Req,
  Res,
  UseFilters,
  type ArgumentsHost,
  type ExceptionFilter,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public, ServesDuringRebuild } from '@crm/platform';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  verifyTrackingToken,
  type TrackingClaims,
  type TrackingPurpose,
} from '../campaign/tracking-token';
import {
  PublicRateLimit,
  sendPage,
  sendPixel,
  tooManyRequests,
  trackingLinkNotFound,
  userAgentOf,
} from './public-hits';
import { ResponseRecorder } from './response-recorder';
import { RESPONSES_CONFIG, type ResponsesConfig } from './responses.config';
import { confirmUnsubscribePage, unknownLinkPage, unsubscribedPage } from './unsubscribe-pages';

/**
 * Tokens are longer than a path parameter may be (find-my-way stops at 100 characters, 414), so
 * each route ends in a wildcard and the token is the rest of the path (one segment: a token
 * has no '/').
 */
function tokenOf(request: FastifyRequest): string {
  const rest = (request.params as Record<string, string | undefined>)['*'] ?? '';
  return rest.includes('/') ? '' : rest;
}

/** RFC 8058 sends the one-click POST as either of these; the body is not needed (the token is). */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];
const MAX_FORM_BYTES = 4096;

/** Whatever went wrong while recording an open, the mail client gets its pixel. */
@Catch()
class AlwaysThePixel implements ExceptionFilter {
  private readonly logger = new Logger('OpenPixel');

  catch(error: unknown, host: ArgumentsHost): void {
    this.logger.warn(`open not recorded: ${(error as Error)?.message ?? String(error)}`);
    sendPixel(host.switchToHttp().getResponse<FastifyReply>());
  }
}

@Public()
// Tokens are checked against the message's own stream, not a read model: rebuilds never 503 here.
@ServesDuringRebuild()
@ApiExcludeController()
@Controller('t')
export class TrackingController implements OnModuleInit {
  private readonly logger = new Logger('Tracking');

  constructor(
    private readonly recorder: ResponseRecorder,
    private readonly rateLimit: PublicRateLimit,
    @Inject(RESPONSES_CONFIG) private readonly config: ResponsesConfig,
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // Form bodies are only read as text (and not used): the unsubscribe POST is what counts.
    for (const type of FORM_TYPES)
      if (!fastify.hasContentTypeParser(type))
        fastify.addContentTypeParser(
          type,
          { parseAs: 'string', bodyLimit: MAX_FORM_BYTES },
          (_request, body, done) => done(null, body),
        );
  }

  @Get('o/*')
  @UseFilters(AlwaysThePixel)
  async open(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const token = tokenOf(request);
    const claims = this.verified(token.endsWith('.gif') ? token.slice(0, -4) : token, 'open');
    if (claims && this.rateLimit.allows(request))
      await this.recorder.open(claims, { method: request.method, userAgent: userAgentOf(request) });
    sendPixel(reply);
  }

  @Get('c/*')
  async click(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const token = tokenOf(request);
    if (!this.rateLimit.allows(request)) throw tooManyRequests();
    const claims = this.verified(token, 'click');
    if (claims?.purpose !== 'click') throw trackingLinkNotFound();
    const outcome = await this.recorder.click(claims, {
      method: request.method,
      userAgent: userAgentOf(request),
    });
    if (outcome !== 'recorded') throw trackingLinkNotFound();
    void reply
      .status(302)
      .header('location', claims.url)
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .send();
  }

  @Get('u/*')
  async confirmUnsubscribe(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const token = tokenOf(request);
    if (!this.rateLimit.allows(request)) throw tooManyRequests();
    const claims = this.verified(token, 'unsubscribe');
    // Only asks: a GET changes nothing (link scanners follow every GET in a message).
    if (!claims || !(await this.recorder.knows(claims)))
      return sendPage(reply, 404, unknownLinkPage());
    sendPage(reply, 200, confirmUnsubscribePage(`/t/u/${token}`));
  }

  @Post('u/*')
  @HttpCode(200)
  async unsubscribe(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const token = tokenOf(request);
    if (!this.rateLimit.allows(request)) throw tooManyRequests();
    const claims = this.verified(token, 'unsubscribe');
    if (!claims || (await this.recorder.unsubscribe(claims)) !== 'recorded')
      return sendPage(reply, 404, unknownLinkPage());
    sendPage(reply, 200, unsubscribedPage());
  }

  private verified(token: string, purpose: TrackingPurpose): TrackingClaims | undefined {
    const result = verifyTrackingToken(token, purpose, this.config.trackingKeys);
    if (result.ok) return result.claims;
    this.logger.debug(`refused ${purpose} token: ${result.reason}`);
    return undefined;
  }
}
