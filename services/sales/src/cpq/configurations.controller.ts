import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  CurrentUser,
  Roles,
  type AuthenticatedUser,
  AggregateCommands,
} from '@crm/platform';
import { ConfigurationRequestDto, PricedConfigurationDto } from './configuration.dto';
import { configure, type PricedConfiguration } from './configurator';
import { loadProductForQuote } from './product-for-quote';
import { ConfigurationErrors } from './configuration.errors';
import { READERS } from '../shared/roles';

@ApiTags('configurations')
@Controller('configurations')
// Pricing a configuration changes nothing: everyone who may read the catalogue may ask.
@Roles(...READERS)
export class ConfigurationsController {
  constructor(private readonly commands: AggregateCommands) {}

  @Post('validate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check a configuration: 200 with `valid` and every broken rule' })
  @ApiOkResponse({ type: PricedConfigurationDto })
  @ApiProblems(400, 401, 409, 422)
  validate(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: ConfigurationRequestDto,
  ): Promise<PricedConfiguration> {
    return this.price(user, dto);
  }

  @Post('price')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Price a configuration; a broken rule is a 422 problem listing every violation',
  })
  @ApiOkResponse({ type: PricedConfigurationDto })
  @ApiProblems(400, 401, 409, 422)
  async priced(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: ConfigurationRequestDto,
  ): Promise<PricedConfiguration> {
    const result = await this.price(user, dto);
    if (!result.valid) {
      throw ConfigurationErrors.configurationRuleBroken(result.violations);
    }
    return result;
  }

  private async price(
    user: AuthenticatedUser,
    dto: ConfigurationRequestDto,
  ): Promise<PricedConfiguration> {
    const product = await loadProductForQuote(
      this.commands,
      user.tenant,
      dto.productId,
      dto.priceBookId,
      dto.currency,
    );
    if (product.listPriceMinor === undefined) {
      throw ConfigurationErrors.noListPrice(product.name, dto.productId, dto.currency);
    }
    return configure(product.model, dto.optionIds, dto.currency, product.listPriceMinor);
  }
}
