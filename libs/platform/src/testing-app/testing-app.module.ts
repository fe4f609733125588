import { Module } from '@nestjs/common';
import { PlatformModule } from '../platform.module';
import { ItemsController } from './items.controller';

@Module({
  imports: [
    PlatformModule.forRoot({
      serviceName: 'platform-testing-app',
      idempotency: { schema: 'platform' },
    }),
  ],
  controllers: [ItemsController],
})
export class TestingAppModule {}
