import { Module } from '@nestjs/common';
import { QuoteQueries } from './quote.queries';
import { QuotesController } from './quotes.controller';

@Module({ controllers: [QuotesController], providers: [QuoteQueries] })
export class QuotesModule {}
