/**
 * An outside integrator's tables, built only from what the CRM publishes (issue 11): a state
 * topic's value replaces its row (a tombstone deletes it), and each fact on crm.contacts.v1 /
 * crm.sales.v1 applies the values it carries. No REST call, no CRM code: only the contract.
 *
 * Bootstrap and follow overlap (the event topics still hold facts the states already include),
 * so a fact is applied only when it is newer (ce_time) than its record's bootstrapped state,
 * whose ce_time is its latest fact's. Facts are never compared with each other: one command's
 * facts share their time (a merge's absorption and merged).
 */
type Row = Record<string, any>;

export type TableName =
  | 'contacts'
  | 'companies'
  | 'leads'
  | 'opportunities'
  | 'activities'
  | 'quotes'
  | 'orders'
  | 'products'
  | 'priceBooks'
  | 'pipelines';

const STATE_TABLES: Record<string, TableName> = {
  'crm.contacts.contact.state.v1': 'contacts',
  'crm.contacts.company.state.v1': 'companies',
  'crm.sales.lead.state.v1': 'leads',
  'crm.sales.opportunity.state.v1': 'opportunities',
  'crm.sales.activity.state.v1': 'activities',
  'crm.sales.quote.state.v1': 'quotes',
  'crm.sales.order.state.v1': 'orders',
  'crm.sales.product.state.v1': 'products',
  'crm.sales.price_book.state.v1': 'priceBooks',
  'crm.sales.pipeline.state.v1': 'pipelines',
};

/** The table a fact type's subject lives in: crm.<service>.<aggregate>.<fact>.v1. */
const EVENT_TABLES: Record<string, TableName> = {
  contact: 'contacts',
  company: 'companies',
  lead: 'leads',
  opportunity: 'opportunities',
  activity: 'activities',
  quote: 'quotes',
  order: 'orders',
  product: 'products',
  price_book: 'priceBooks',
  pipeline: 'pipelines',
};

/**
 * Members the contract sends only on state topics, so the integrator takes them from there while
 * it follows: personal data stays off crm.sales.v1 (a lead's profile, an activity's phone and
 * notes; sales-integration-events.ts), and a quote's totals between sends (quote.line_added's
 * description: "totals: see quote.sent or the state topic").
 */
export const STATE_ONLY_MEMBERS: Partial<Record<TableName, readonly string[]>> = {
  leads: ['name', 'email', 'company', 'profile'],
  activities: ['phone', 'notes'],
  quotes: ['totals'],
};

export interface PublishedMessage {
  readonly type: string;
  readonly subject: string;
  readonly time: string;
  /** null for a tombstone. */
  readonly data: Row | null;
}

/** Members a fact sends as null when absent and REST leaves out. */
function assign(row: Row, values: Row): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined) delete row[key];
    else row[key] = value;
  }
}

const pick = (data: Row, ...keys: string[]) =>
  Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]]));

/** What the sales README states: commit >= 70 %, best case >= 40 %, else pipeline. */
function forecastOf(probability: number): string {
  return probability >= 70 ? 'commit' : probability >= 40 ? 'best-case' : 'pipeline';
}

export class IntegratorTables {
  readonly tables: Record<TableName, Map<string, Row>> = {
    contacts: new Map(),
    companies: new Map(),
    leads: new Map(),
    opportunities: new Map(),
    activities: new Map(),
    quotes: new Map(),
    orders: new Map(),
    products: new Map(),
    priceBooks: new Map(),
    pipelines: new Map(),
  };
  /** Facts of types this integrator does not know: a contract change it must hear of. */
  readonly unknownTypes = new Set<string>();
  /** The ce_time of each record's bootstrapped state (or of the merge that ended it). */
  private readonly includedUpTo = new Map<string, number>();
  private readonly stateOnly = new Map<string, Row>();
  /** Merged-away contact -> survivor: sales records follow the merge (sales re-publishes nothing). */
  private readonly mergedInto = new Map<string, string>();

  applyState(message: PublishedMessage): void {
    const table = STATE_TABLES[message.type];
    if (!table) {
      this.unknownTypes.add(message.type);
      return;
    }
    this.includedUpTo.set(`${table}/${message.subject}`, Date.parse(message.time));
    if (message.data === null) this.tables[table].delete(message.subject);
    else this.tables[table].set(message.subject, structuredClone(message.data));
  }

  /**
   * A state message while following: only its STATE_ONLY_MEMBERS count (the facts do the rest),
   * kept beside the row because the record's created fact may come later on the other topic.
   */
  applyStateOnlyMembers(message: PublishedMessage): void {
    const table = STATE_TABLES[message.type];
    const members = table && STATE_ONLY_MEMBERS[table];
    if (!members || message.data === null) return;
    const data = message.data;
    this.stateOnly.set(
      `${table}/${message.subject}`,
      Object.fromEntries(members.filter((m) => m in data).map((m) => [m, data[m]])),
    );
  }

  /** A record as the integrator knows it: its row with the latest state-only members. */
  view(table: TableName, id: string): Row | undefined {
    const row = this.tables[table].get(id);
    if (!row) return undefined;
    // The latest state message decides its state-only members, an absent one included.
    const stateOnly = this.stateOnly.get(`${table}/${id}`);
    const members = stateOnly ? (STATE_ONLY_MEMBERS[table] ?? []) : [];
    const view: Row = Object.fromEntries(Object.entries(row).filter(([k]) => !members.includes(k)));
    Object.assign(view, structuredClone(stateOnly ?? {}));
    const survivor = table === 'contacts' ? undefined : this.survivorOf(view.contactId);
    return survivor ? { ...view, contactId: survivor } : view;
  }

  private survivorOf(contactId: unknown): string | undefined {
    let current = typeof contactId === 'string' ? this.mergedInto.get(contactId) : undefined;
    while (current && this.mergedInto.has(current)) current = this.mergedInto.get(current);
    return current;
  }

  applyEvent(message: PublishedMessage): void {
    const aggregate = message.type.split('.')[2];
    const table = EVENT_TABLES[aggregate];
    if (!table) {
      this.unknownTypes.add(message.type);
      return;
    }
    const key = `${table}/${message.subject}`;
    const at = Date.parse(message.time);
    if ((this.includedUpTo.get(key) ?? -Infinity) >= at) return;
    const fact = message.type.split('.')[3];
    const handled = this.apply(table, fact, message.subject, message.data ?? {}, message.time);
    if (!handled) this.unknownTypes.add(message.type);
  }

  private row(table: TableName, id: string): Row {
    let row = this.tables[table].get(id);
    if (!row) {
      row = { id };
      this.tables[table].set(id, row);
    }
    return row;
  }

  private apply(table: TableName, fact: string, id: string, d: Row, time: string): boolean {
    const rows = this.tables[table];
    const row = () => this.row(table, id);
    switch (`${table}.${fact}`) {
      // contacts
      case 'contacts.registered': {
        const { contactId: _, primaryEmail: _e, primaryPhone: _p, ...values } = d;
        const previous = rows.get(id);
        rows.set(id, { id, consent: previous?.consent ?? {}, createdAt: time });
        assign(rows.get(id)!, values);
        return true;
      }
      case 'contacts.details_changed': {
        const { contactId: _, changed: _c, primaryEmail: _e, primaryPhone: _p, ...values } = d;
        assign(row(), values);
        return true;
      }
      case 'contacts.archived':
      case 'contacts.restored':
        row().status = d.status;
        return true;
      case 'contacts.merged':
        // Keyed by the survivor, so it may overtake the duplicate's own older facts (another
        // partition): those are skipped from now on, and sales rows follow at read time.
        rows.delete(d.duplicateId);
        this.includedUpTo.set(`contacts/${d.duplicateId}`, Date.parse(time));
        this.mergedInto.set(d.duplicateId, d.survivorId);
        return true;
      case 'contacts.erased':
        rows.delete(id);
        return true;
      case 'contacts.consent_changed': {
        const r = row();
        r.consent = {
          ...r.consent,
          [d.channel]: {
            status: d.status,
            ...(d.legalBasis ? { legalBasis: d.legalBasis } : {}),
            source: d.source,
            at: d.changedAt,
          },
        };
        return true;
      }
      case 'contacts.interaction_logged':
      case 'contacts.interaction_corrected':
      case 'contacts.interaction_deleted':
        return true; // the timeline is not one of this integrator's tables
      case 'companies.registered': {
        const { companyId: _, ...values } = d;
        rows.set(id, { id });
        assign(rows.get(id)!, values);
        return true;
      }
      case 'companies.details_changed': {
        const { companyId: _, changed: _c, ...values } = d;
        assign(row(), values);
        return true;
      }
      case 'companies.archived':
        row().status = d.status;
        return true;
      // sales: a created fact carries the whole state
      case 'opportunities.opened':
      case 'quotes.drafted':
      case 'orders.placed':
      case 'products.created':
      case 'priceBooks.created':
        rows.set(id, structuredClone(d.state));
        return true;
      case 'leads.captured': {
        const { leadId: _, interest, campaignId: _c, ...values } = d;
        rows.set(id, { id, score: 0, reasons: [], interactions: 0, campaignClicks: 0 });
        assign(rows.get(id)!, { ...values, profile: { interest } });
        return true;
      }
      case 'leads.profile_replaced':
        row().profile = { ...row().profile, interest: d.interest };
        return true;
      case 'leads.engaged':
        if (d.kind === 'campaign-click') row().campaignClicks += 1;
        else row().interactions += 1;
        return true;
      case 'leads.scored':
        assign(row(), pick(d, 'score', 'reasons'));
        return true;
      case 'leads.worked':
        assign(row(), { status: 'working', ownerId: d.ownerId });
        return true;
      case 'leads.qualified':
        row().status = 'qualified';
        return true;
      case 'leads.disqualified':
        assign(row(), { status: 'disqualified', disqualifiedReason: d.reason });
        return true;
      case 'leads.converted':
        assign(row(), pick(d, 'contactId', 'opportunityId'));
        row().status = 'converted';
        return true;
      case 'leads.erased':
        rows.delete(id);
        return true;
      case 'opportunities.stage_changed': {
        const r = row();
        assign(r, { stageId: d.toStageId, probability: d.probabilityPercent });
        r.forecastCategory = forecastOf(d.probabilityPercent);
        r.stageHistory = [
          ...(r.stageHistory ?? []),
          { stageId: d.toStageId, enteredAt: d.changedAt },
        ];
        return true;
      }
      case 'opportunities.probability_changed':
        if (d.probabilityOverride !== null) row().probability = d.probabilityOverride;
        return true;
      case 'opportunities.details_changed': {
        const r = row();
        assign(r, pick(d, 'name', 'amountMinor', 'currency', 'expectedCloseDate'));
        if (d.forecastCategoryOverride) r.forecastCategory = d.forecastCategoryOverride;
        return true;
      }
      case 'opportunities.reassigned':
        row().ownerId = d.ownerId;
        return true;
      case 'opportunities.line_items_set':
        assign(row(), pick(d, 'lineItems', 'amountMinor'));
        return true;
      case 'opportunities.won': {
        const r = row();
        assign(r, { status: 'won', probability: 100, forecastCategory: 'closed' });
        assign(r, pick(d, 'stageId', 'orderId', 'amountMinor'));
        r.stageHistory = [...(r.stageHistory ?? []), { stageId: d.stageId, enteredAt: d.wonAt }];
        return true;
      }
      case 'opportunities.lost': {
        const r = row();
        assign(r, { status: 'lost', probability: 0, forecastCategory: 'omitted' });
        assign(r, { stageId: d.stageId, lostReason: d.reason, competitor: d.competitor });
        r.stageHistory = [...(r.stageHistory ?? []), { stageId: d.stageId, enteredAt: d.lostAt }];
        return true;
      }
      case 'opportunities.reopened': {
        const r = row();
        assign(r, { status: 'open', stageId: d.stageId, probability: d.probabilityPercent });
        assign(r, { orderId: null, lostReason: null, competitor: null });
        r.forecastCategory = forecastOf(d.probabilityPercent);
        r.stageHistory = [
          ...(r.stageHistory ?? []),
          { stageId: d.stageId, enteredAt: d.reopenedAt },
        ];
        return true;
      }
      case 'activities.logged': {
        rows.set(id, { id, reminders: [], firedReminderIds: [] });
        const { activityId: _, ownerId, scheduledAt, dueAt, loggedAt: _l, ...rest } = d;
        assign(rows.get(id)!, { ...rest, assigneeId: ownerId, dueAt: scheduledAt ?? dueAt });
        // Logged as already held: completed when it was recorded.
        if (d.status === 'completed') rows.get(id)!.completedAt = d.loggedAt;
        return true;
      }
      case 'activities.rescheduled':
        assign(row(), {
          dueAt: d.scheduledAt ?? d.dueAt,
          endsAt: d.endsAt,
          reminders: d.reminders,
        });
        return true;
      case 'activities.reassigned':
        row().assigneeId = d.ownerId;
        return true;
      case 'activities.reminder_added': {
        const r = row();
        r.reminders = [
          ...(r.reminders ?? []).filter((x: Row) => x.reminderId !== d.reminderId),
          { reminderId: d.reminderId, remindAt: d.remindAt },
        ];
        return true;
      }
      case 'activities.reminder_due': {
        const r = row();
        r.firedReminderIds = [...new Set([...(r.firedReminderIds ?? []), d.reminderId])];
        return true;
      }
      case 'activities.completed':
        // completedAt is when it was recorded; a call's or meeting's own time is heldAt.
        assign(row(), {
          status: 'completed',
          outcome: d.outcome,
          heldAt: d.heldAt,
          completedAt: d.recordedAt ?? d.completedAt,
        });
        return true;
      case 'activities.cancelled':
        row().status = 'cancelled';
        return true;
      case 'quotes.line_added': {
        const r = row();
        r.lines = [...(r.lines ?? []).filter((l: Row) => l.lineId !== d.line.lineId), d.line];
        return true;
      }
      case 'quotes.line_changed': {
        const line = (row().lines ?? []).find((l: Row) => l.lineId === d.lineId);
        if (line) assign(line, pick(d, 'quantity', 'discountBps'));
        return true;
      }
      case 'quotes.line_removed':
        row().lines = (row().lines ?? []).filter((l: Row) => l.lineId !== d.lineId);
        return true;
      case 'quotes.discount_set':
        row().discountBps = d.discountBps;
        return true;
      case 'quotes.terms_changed':
        assign(row(), pick(d, 'taxRateBps', 'validUntil'));
        return true;
      case 'quotes.sent':
        assign(row(), { status: 'sent', validUntil: d.validUntil, totals: d.totals });
        return true;
      case 'quotes.accepted':
        assign(row(), { status: 'accepted', ...pick(d, 'orderId', 'lines', 'totals') });
        return true;
      case 'quotes.rejected':
        row().status = 'rejected';
        return true;
      case 'quotes.expired':
        row().status = 'expired';
        return true;
      case 'orders.fulfilled':
        row().status = 'fulfilled';
        return true;
      case 'orders.cancelled':
        row().status = 'cancelled';
        return true;
      case 'orders.returned':
        row().status = 'returned';
        return true;
      case 'products.info_changed':
        assign(row(), pick(d, 'name', 'description', 'family'));
        return true;
      case 'products.options_defined':
        row().options = d.options;
        return true;
      case 'products.activated':
      case 'products.deactivated':
        row().active = fact === 'activated';
        return true;
      case 'priceBooks.price_set':
      case 'priceBooks.price_removed': {
        const r = row();
        const others = (r.entries ?? []).filter(
          (e: Row) => !(e.productId === d.productId && e.currency === d.currency),
        );
        const entries =
          fact === 'price_set'
            ? [
                ...others,
                { productId: d.productId, currency: d.currency, amountMinor: d.amountMinor },
              ]
            : others;
        r.entries = entries.sort((a: Row, b: Row) =>
          a.productId === b.productId
            ? a.currency.localeCompare(b.currency)
            : a.productId.localeCompare(b.productId),
        );
        return true;
      }
      case 'pipelines.created':
        rows.set(id, { id, name: d.name, stages: d.stages });
        return true;
      case 'pipelines.renamed':
        row().name = d.name;
        return true;
      case 'pipelines.stages_revised':
        row().stages = d.stages;
        return true;
      default:
        return false;
    }
  }
}
