/**
 * One contact of the audience as the in-memory evaluator sees it: its audience_contacts row, its
 * order lines and orders, and its deals (column for column, camel-cased). Timestamps are Dates (what `pg`
 * returns for timestamptz); `birthDate` is the `YYYY-MM-DD` text of the date column.
 */

export interface AudienceContact {
  readonly tenant: string;
  readonly contactId: string;
  readonly displayName: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly lifecycleStage: string | null;
  readonly status: string | null;
  readonly ownerId: string | null;
  readonly companyId: string | null;
  readonly tags: readonly string[];
  readonly customFields: Readonly<Record<string, unknown>>;
  readonly birthDate: string | null;
  readonly ageBand: string | null;
  readonly gender: string | null;
  readonly householdIncomeBand: string | null;
  readonly timeZone: string | null;
  readonly country: string | null;
  /** Per channel (`email`, `sms`, `phone`, `post`): `granted`, `withdrawn` or `unknown`. */
  readonly consent: Readonly<Record<string, unknown>>;
  readonly registeredAt: Date | null;
  readonly updatedAt: Date | null;
  readonly ordersCount: number;
  readonly totalSpentMinor: number;
  readonly spendCurrency: string | null;
  readonly firstOrderAt: Date | null;
  readonly lastOrderAt: Date | null;
  readonly messagesReceived: number;
  readonly lastOpenedAt: Date | null;
  readonly lastClickedAt: Date | null;
  readonly unsubscribedAt: Date | null;
  readonly scores: Readonly<Record<string, unknown>>;
}

export interface AudienceOrderLine {
  readonly orderId: string;
  readonly lineNo: number;
  readonly productId: string | null;
  readonly sku: string | null;
  readonly productFamily: string | null;
  readonly options: readonly string[];
  readonly quantity: number | null;
  readonly netMinor: number | null;
  readonly currency: string | null;
  readonly orderedAt: Date;
  /** Only `placed` lines are purchases; `cancelled` and `returned` undo them. */
  readonly status: string;
}

export interface AudienceOrder {
  readonly orderId: string;
  readonly totalMinor: number | null;
  readonly currency: string | null;
  readonly placedAt: Date | null;
  /** Only `placed` orders count. */
  readonly status: string | null;
}

/** An opportunity of the contact (audience_deals). */
export interface AudienceDeal {
  readonly opportunityId: string;
  readonly stageId: string | null;
  /** `open`, `won` or `lost`; a deal of no known status counts for none of the deal fields. */
  readonly status: string | null;
  readonly amountMinor: number | null;
  readonly currency: string | null;
  /** When the deal last changed: for a won or lost deal, when it closed (unless edited since). */
  readonly updatedAt: Date | null;
}

export interface AudienceRecord {
  readonly contact: AudienceContact;
  readonly lines: readonly AudienceOrderLine[];
  readonly orders: readonly AudienceOrder[];
  readonly deals: readonly AudienceDeal[];
}
