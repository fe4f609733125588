import { Global, Module } from '@nestjs/common';
import { KnownReferences } from './known-references';

/** What sales knows of other services' records: every controller checks references with it. */
@Global()
@Module({ providers: [KnownReferences], exports: [KnownReferences] })
export class ContactDirectoryModule {}
