/** The customer's own touchpoint (/me): their assets and cases, nobody else's. */
import { Module } from '@nestjs/common';
import { AssetsModule } from '../assets/assets.module';
import { CasesModule } from '../cases/cases.module';
import { CustomerTouchpointController } from './customer-touchpoint.controller';

@Module({ imports: [AssetsModule, CasesModule], controllers: [CustomerTouchpointController] })
export class TouchpointModule {}
