/** The watcher that announces SLA breaches, ending warranties, due maintenance and upgrades once (watcher.ts). */
import { Module } from '@nestjs/common';
import { MaintenanceModule } from '../maintenance/maintenance.module';
import { ReliabilityModule } from '../reliability/reliability.module';
import { Watcher } from './watcher';

@Module({
  imports: [MaintenanceModule, ReliabilityModule],
  providers: [Watcher],
  exports: [Watcher],
})
export class NoticesModule {}
