/** Shapes of GET /outbox (captured messages, newest first) and GET /outbox/{id} (one in full). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CursorPageQuery } from '@crm/platform';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export const OUTBOX_CHANNELS = ['email', 'sms'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

export class ListOutboxQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: OUTBOX_CHANNELS })
  @IsOptional()
  @IsIn(OUTBOX_CHANNELS)
  channel?: OutboxChannel;

  @ApiPropertyOptional({ description: 'An email address (any case) or an E.164 number, exactly' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  recipient?: string;

  @ApiPropertyOptional({ description: 'Only the messages of this campaign' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  campaignId?: string;
}

export class OutboxMessageSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: OUTBOX_CHANNELS }) channel!: OutboxChannel;
  @ApiProperty({ description: 'Address or E.164 number' }) to!: string;
  @ApiProperty({ description: 'From (email) or sender id (SMS)' }) from!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Email only' })
  subject!: string | null;
  @ApiProperty({ type: String, nullable: true }) campaignId!: string | null;
  @ApiProperty({ type: String, nullable: true }) contactId!: string | null;
  @ApiProperty({ description: 'The send ledger id the message was sent under' })
  reference!: string;
  @ApiProperty({ format: 'date-time', description: 'When the channel took it' })
  capturedAt!: string;
}

export class OutboxMessageDto extends OutboxMessageSummaryDto {
  @ApiProperty({ description: 'The plain-text part (email) or the SMS text' }) text!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The HTML part (email only)' })
  html!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description:
      'Headers as sent (email: Message-ID, List-Unsubscribe, List-Unsubscribe-Post, ...); empty for SMS',
  })
  headers!: Record<string, string>;
}

export class OutboxPage {
  @ApiProperty({ type: [OutboxMessageSummaryDto] }) items!: OutboxMessageSummaryDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
