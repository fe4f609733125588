import { Global, Module } from '@nestjs/common';
import { ContactDirectoryQuery } from './contact-directory.query';
import { KnownReferences } from './known-references';

/** What sales knows of other services' records: every controller checks references with it. */
@Global()
@Module({
  providers: [KnownReferences, ContactDirectoryQuery],
  exports: [KnownReferences, ContactDirectoryQuery],
})
export class ContactDirectoryModule {}
