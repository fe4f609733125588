/** The message lists' shapes: one message of the send ledger as the API shows it (ids only). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CursorPageQuery } from '@crm/platform';

export const MESSAGE_STATUSES = [
  'dispatched',
  'deferred',
  'sent',
  'rejected',
  'unknown',
  'skipped',
] as const;
export type MessageStatusFilter = (typeof MESSAGE_STATUSES)[number];

export class MessageDto {
  @ApiProperty() id!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty() contactId!: string;
  @ApiProperty({ description: '`broadcast`, a trigger event id or an occurrence date' })
  step!: string;
  @ApiProperty() variant!: string;
  @ApiProperty({ enum: ['email', 'sms'] }) channel!: string;
  @ApiProperty({ type: String, nullable: true }) productId!: string | null;
  @ApiProperty({
    enum: MESSAGE_STATUSES,
    description:
      'dispatched: handed to the provider, answer pending; deferred: refused for now, retried; unknown: the provider may have it (never resent)',
  })
  status!: MessageStatusFilter;
  @ApiProperty({ type: String, nullable: true }) skipReason!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true, description: 'SMTP / HTTP code of a refusal' })
  outcomeCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) outcomeText!: string | null;
  @ApiProperty({ type: String, nullable: true }) sentAt!: string | null;
  @ApiProperty({ description: 'Every open recorded, bots included' }) opens!: number;
  @ApiProperty() clicks!: number;
  @ApiProperty({ type: String, nullable: true, description: 'First open counted in the rates' })
  firstOpenedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) firstClickedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) unsubscribedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) complainedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['hard', 'soft'] }) bounced!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class MessagePage {
  @ApiProperty({ type: [MessageDto] }) items!: MessageDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page' })
  nextCursor!: string | null;
}

export class ListMessagesQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: MESSAGE_STATUSES })
  @IsOptional()
  @IsIn(MESSAGE_STATUSES)
  status?: MessageStatusFilter;
}
