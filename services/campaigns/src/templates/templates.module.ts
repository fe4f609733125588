import { Module } from '@nestjs/common';

/** Message templates (Liquid) for email and SMS: validated at save, previewed for a contact. */
@Module({})
export class TemplatesModule {}
