import { Module } from '@nestjs/common';
import { SegmentFields } from './segment-fields';
import { SegmentMemberUpload } from './segment-member-upload';
import { SegmentPreview } from './segment-preview';
import { SegmentQueries } from './segment.queries';
import { SegmentsController } from './segments.controller';

/** Segments: rules over the audience (or uploaded lists), their lifecycle, catalogue and preview. */
@Module({
  controllers: [SegmentsController],
  providers: [SegmentQueries, SegmentFields, SegmentPreview, SegmentMemberUpload],
  exports: [SegmentQueries],
})
export class SegmentsModule {}
