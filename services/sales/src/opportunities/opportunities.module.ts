import { Module } from '@nestjs/common';
import { OpportunitiesController } from './opportunities.controller';
import { OpportunityQueries } from './opportunity.queries';

@Module({ controllers: [OpportunitiesController], providers: [OpportunityQueries] })
export class OpportunitiesModule {}
