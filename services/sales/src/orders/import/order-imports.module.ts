import { Module } from '@nestjs/common';
import { OrderImportService } from './order-import.service';
import { OrderImportsController } from './order-imports.controller';

/** Order history import (README "Importing order history"). */
@Module({ controllers: [OrderImportsController], providers: [OrderImportService] })
export class OrderImportsModule {}
