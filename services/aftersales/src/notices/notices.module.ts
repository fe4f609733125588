/** The watcher that announces SLA breaches and ending warranties once (watcher.ts). */
import { Module } from '@nestjs/common';
import { Watcher } from './watcher';

@Module({ providers: [Watcher], exports: [Watcher] })
export class NoticesModule {}
