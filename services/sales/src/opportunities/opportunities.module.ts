import { Module } from '@nestjs/common';
import { OpportunitiesController } from './opportunities.controller';
import { OpportunityListQuery } from './opportunity-list.query';
import { OpportunityQueries } from './opportunity.queries';

@Module({
  controllers: [OpportunitiesController],
  providers: [OpportunityQueries, OpportunityListQuery],
})
export class OpportunitiesModule {}
