import { Module } from '@nestjs/common';
import { TemplatePreview } from './template-preview';
import { TemplateQueries } from './template.queries';
import { TemplatesController } from './templates.controller';

/**
 * Message templates (Liquid) for email and SMS: validated at save, versioned, previewed for a
 * contact. The sender loads a pinned version with TemplateQueries.loadVersion and renders it with
 * renderMessage (template-rendering.ts).
 */
@Module({
  controllers: [TemplatesController],
  providers: [TemplateQueries, TemplatePreview],
  exports: [TemplateQueries],
})
export class TemplatesModule {}
