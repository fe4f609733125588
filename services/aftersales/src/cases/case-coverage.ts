/**
 * The warranty a case's resolution is judged by: its asset's cover on the resolution day, read
 * from the asset's stream (not the read model, which may lag), `no_asset` without one.
 */
import { Injectable } from '@nestjs/common';
import { AggregateCommands } from '@crm/platform';
import type { CalendarDate } from '@crm/values';
import { assetDecider } from '../assets/asset.decider';
import { warrantyOn } from '../assets/warranty';
import { STREAM } from '../infrastructure/streams';
import { caseDecider } from './case.decider';
import type { WarrantyCoverage } from './case.events';

@Injectable()
export class CaseCoverage {
  constructor(private readonly commands: AggregateCommands) {}

  async onDay(tenant: string, caseId: string, day: CalendarDate): Promise<WarrantyCoverage> {
    const { state } = await this.commands.load(caseDecider, tenant, STREAM.case(caseId));
    if (!state.assetId) return 'no_asset';
    const asset = await this.commands.load(assetDecider, tenant, STREAM.asset(state.assetId));
    if (!asset.state.exists) return 'no_asset';
    return warrantyOn(asset.state, day).status === 'in_warranty'
      ? 'in_warranty'
      : 'out_of_warranty';
  }
}
