/** The domain events of analytics' own log (publishing/): what a model told about a contact. */

export interface RecommendationsProducedEvent {
  readonly type: 'ContactRecommendationsProduced';
  readonly data: {
    readonly contactId: string;
    /** Name and version, e.g. `basket@3`. */
    readonly model: string;
    readonly productIds: readonly string[];
    readonly producedAt: string;
  };
}

export interface ContactScoredEvent {
  readonly type: 'ContactScored';
  readonly data: {
    readonly contactId: string;
    readonly model: string;
    readonly score: number;
    readonly scoredAt: string;
  };
}

export type AnalyticsEvent = RecommendationsProducedEvent | ContactScoredEvent;
