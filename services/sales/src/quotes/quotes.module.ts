import { Module } from '@nestjs/common';
import { QuoteExpiry } from './quote-expiry';
import { QuoteQueries } from './quote.queries';
import { QuotesController } from './quotes.controller';

@Module({ controllers: [QuotesController], providers: [QuoteQueries, QuoteExpiry] })
export class QuotesModule {}
