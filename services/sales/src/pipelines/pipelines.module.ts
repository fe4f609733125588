import { Module } from '@nestjs/common';
import { PipelineBoardQuery } from './pipeline-board.query';
import { PipelinesController } from './pipelines.controller';

@Module({ controllers: [PipelinesController], providers: [PipelineBoardQuery] })
export class PipelinesModule {}
