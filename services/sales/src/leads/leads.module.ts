import { Module } from '@nestjs/common';
import { LeadListQuery } from './lead-list.query';
import { LeadsController } from './leads.controller';

@Module({ controllers: [LeadsController], providers: [LeadListQuery] })
export class LeadsModule {}
