/**
 * What a customer may do in sales, and nothing more: see the active products of the tenant's
 * standard price book with their options, price a configuration of one, and send it as a quote
 * request. The request becomes a lead (source web_form) owned by the customer's owner in contacts
 * (the mirror's owner_id; none: the unassigned pool every seller works), so it reaches that
 * seller's pipeline; its interest names the product and the options chosen.
 */
import { Injectable, Inject } from '@nestjs/common';
import { AggregateCommands, CLOCK, isoNow, type Clock, type CommandCaller } from '@crm/platform';
import { randomUUID } from 'node:crypto';
import { ContactDirectoryQuery } from '../contact-directory/contact-directory.query';
import { KnownReferences } from '../contact-directory/known-references';
import { STREAM } from '../infrastructure/streams';
import { leadDecider } from '../leads/lead.decider';
import { CatalogQueries } from '../products/catalog.queries';
import { ConfigurationErrors } from './configuration.errors';
import { configure, type PricedConfiguration } from './configurator';
import type { CustomerConfigurationDto, ProductOnSaleDto } from './customer-configurator.dto';
import { loadProductForQuote } from './product-for-quote';

/** The lead profile's interest holds at most this many characters. */
const INTEREST_MAX = 200;

@Injectable()
export class CustomerCatalogue {
  constructor(
    private readonly commands: AggregateCommands,
    private readonly catalog: CatalogQueries,
    private readonly directory: ContactDirectoryQuery,
    private readonly references: KnownReferences,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Active products with a list price in the standard book, cheapest currency list first. */
  async onSale(tenant: string): Promise<ProductOnSaleDto[]> {
    const book = await this.catalog.priceBook(tenant, await this.standardBookId(tenant));
    const prices = new Map<string, { currency: string; amountMinor: number }[]>();
    for (const entry of book?.entries ?? []) {
      if (!entry.active) continue;
      const list = prices.get(entry.productId) ?? [];
      list.push({ currency: entry.currency, amountMinor: entry.amountMinor });
      prices.set(entry.productId, list);
    }
    return (await this.catalog.products(tenant))
      .filter((product) => product.active && prices.has(product.id))
      .map((product) => ({
        id: product.id,
        sku: product.sku,
        name: product.name,
        ...(product.description ? { description: product.description } : {}),
        ...(product.family ? { family: product.family } : {}),
        options: product.options,
        listPrices: prices.get(product.id)!,
      }));
  }

  /** The configuration checked and priced from the standard book (valid: false lists why not). */
  async price(
    tenant: string,
    dto: CustomerConfigurationDto,
  ): Promise<PricedConfiguration & { productName: string }> {
    const bookId = await this.standardBookId(tenant);
    const product = await loadProductForQuote(
      this.commands,
      tenant,
      dto.productId,
      bookId,
      dto.currency,
    );
    // A product no longer sold, or not in the standard book, is not on sale to customers at all.
    if (!product.active || !(await this.inStandardBook(tenant, bookId, dto.productId)))
      throw ConfigurationErrors.unknownProduct(dto.productId);
    if (product.listPriceMinor === undefined)
      throw ConfigurationErrors.noListPrice(product.name, dto.productId, dto.currency);
    return {
      ...configure(product.model, dto.optionIds, dto.currency, product.listPriceMinor),
      productName: product.name,
    };
  }

  /** A valid configuration, sent by the customer `caller.actor` (a contact id), as a lead. */
  async requestQuote(
    caller: CommandCaller,
    dto: CustomerConfigurationDto,
  ): Promise<{ id: string; configuration: PricedConfiguration }> {
    await this.references.assertKnown(caller.tenant, { contactId: caller.actor });
    const { productName, ...configuration } = await this.price(caller.tenant, dto);
    if (!configuration.valid)
      throw ConfigurationErrors.configurationRuleBroken(configuration.violations);
    const customer = await this.directory.get(caller.tenant, caller.actor);
    const chosen = configuration.selections.map((s) => s.name).join(', ');
    const leadId = randomUUID();
    await this.commands.execute(
      leadDecider,
      STREAM.lead(leadId),
      {
        type: 'CaptureLead',
        data: {
          leadId,
          source: 'web_form',
          profile: {
            name: customer?.displayName ?? `Customer ${caller.actor}`,
            interest: `${productName}: ${chosen}`.slice(0, INTEREST_MAX),
          },
          ...(customer?.ownerId ? { ownerId: customer.ownerId } : {}),
          at: isoNow(this.clock),
        },
      },
      caller,
    );
    return { id: leadId, configuration };
  }

  private async inStandardBook(tenant: string, bookId: string, productId: string) {
    const book = await this.catalog.priceBook(tenant, bookId);
    return (book?.entries ?? []).some((entry) => entry.productId === productId);
  }

  private async standardBookId(tenant: string): Promise<string> {
    const standard = (await this.catalog.priceBooks(tenant)).find((book) => book.isStandard);
    if (!standard) throw ConfigurationErrors.noStandardPriceBook();
    return standard.id;
  }
}
