import { Module } from '@nestjs/common';
import { SubjectDataController } from './subject-data.controller';

/** Right of access: what sales holds about a person, asked by the contacts service's export. */
@Module({ controllers: [SubjectDataController] })
export class SubjectDataModule {}
