import { Module } from '@nestjs/common';

/** Customer value: versioned model fits off the request path, RFM and lifetime value reports. */
@Module({})
export class CustomerValueModule {}
