/**
 * The customer touchpoint of sales (`customer` tokens only; their subject is their contact id):
 * the catalogue on sale, pricing a configuration, sending it as a quote request. Every other
 * sales route refuses the customer role (shared/roles.ts).
 */
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Caller, Roles, Tenant, wholePage, type CommandCaller } from '@crm/platform';
import { PricedConfigurationDto } from './configuration.dto';
import { CustomerCatalogue } from './customer-catalogue';
import {
  CustomerConfigurationDto,
  ProductOnSalePage,
  QuoteRequestReceivedDto,
} from './customer-configurator.dto';
import type { PricedConfiguration } from './configurator';

@ApiTags('customer touchpoint')
@Controller('me')
@Roles('customer')
export class CustomerConfiguratorController {
  constructor(private readonly catalogue: CustomerCatalogue) {}

  @Get('products')
  @ApiOperation({
    summary: 'Products on sale (standard price book, active) with their options and list prices',
  })
  @ApiOkResponse({ type: ProductOnSalePage })
  @ApiProblems(401, 403, 409)
  async products(@Tenant() tenant: string): Promise<ProductOnSalePage> {
    return wholePage(await this.catalogue.onSale(tenant));
  }

  @Post('configurations/price')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check and price a configuration: 200 with valid, every broken rule and the price',
  })
  @ApiOkResponse({ type: PricedConfigurationDto })
  @ApiProblems(400, 401, 403, 409, 422)
  async price(
    @Tenant() tenant: string,
    @Body() dto: CustomerConfigurationDto,
  ): Promise<PricedConfiguration> {
    const { productName: _, ...configuration } = await this.catalogue.price(tenant, dto);
    return configuration;
  }

  @Post('quote-requests')
  @ApiOperation({
    summary: 'Ask for a quote for a valid configuration; it reaches your seller as a lead',
    description:
      'A broken rule is 422 ConfigurationRuleBroken listing every violation. The request becomes ' +
      'a lead (source web_form) owned by your owner in the CRM, its interest naming the product ' +
      'and the options; retry safely with an Idempotency-Key.',
  })
  @ApiCreatedResponse({ type: QuoteRequestReceivedDto })
  @ApiProblems(400, 401, 403, 409, 422)
  async requestQuote(
    @Caller({ ifMatch: false }) caller: CommandCaller,
    @Body() dto: CustomerConfigurationDto,
  ): Promise<QuoteRequestReceivedDto> {
    const { id, configuration } = await this.catalogue.requestQuote(caller, dto);
    return { id, status: 'received', configuration };
  }
}
