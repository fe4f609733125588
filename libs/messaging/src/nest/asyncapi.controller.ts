import { asyncApiDocument } from '@crm/contracts';
import { Public } from '@crm/platform';
import { Controller, Get, Header } from '@nestjs/common';

/**
 * The integration contract for outside integrators, generated from @crm/contracts. Public like
 * /docs-json: it describes the API, it holds no tenant data.
 */
@Public()
@Controller()
export class AsyncApiController {
  private readonly document = asyncApiDocument({
    kafkaHost: process.env.KAFKA_PUBLIC_HOST ?? process.env.KAFKA_BROKERS?.split(',')[0],
  });

  @Get('asyncapi.json')
  @Header('Cache-Control', 'public, max-age=300')
  asyncApi(): Record<string, unknown> {
    return this.document;
  }
}
