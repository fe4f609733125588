import { Module } from '@nestjs/common';
import { MembershipController } from './membership.controller';
import { MembershipEngine } from './membership-engine';
import { MembershipQueries } from './membership.queries';

/** Live segment memberships: the engine that keeps them, and the reads of members, counts and a person's segments. */
@Module({
  controllers: [MembershipController],
  providers: [MembershipEngine, MembershipQueries],
  exports: [MembershipEngine],
})
export class MembershipModule {}
