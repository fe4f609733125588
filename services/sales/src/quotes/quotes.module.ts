import { Module } from '@nestjs/common';
import { QuoteAcceptance } from './quote-acceptance';
import { QuoteExpiry } from './quote-expiry';
import { QuoteQueries } from './quote.queries';
import { QuotesController } from './quotes.controller';

@Module({
  controllers: [QuotesController],
  providers: [QuoteQueries, QuoteExpiry, QuoteAcceptance],
})
export class QuotesModule {}
