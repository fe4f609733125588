export interface paths {
  '/asyncapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The AsyncAPI document of the topics this service publishes */
    get: operations['AsyncApiController_asyncApi'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/assets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Assets by owner, company, product, order and warranty status, newest first
     * @description Roles: admin, sales-manager, sales-rep, integrator, analyst, marketer.
     */
    get: operations['AssetsController_list'];
    put?: never;
    /**
     * Register an installed product by hand (serial number, owner, delivery day)
     * @description Warranty: `warrantyMonths`, or the product's warranty terms (PUT /warranty-terms/{productId}), else none.
     *
     *     Roles: admin, sales-manager, sales-rep, integrator.
     */
    post: operations['AssetsController_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/assets/{assetId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One asset with its warranty today and its history
     * @description Roles: admin, sales-manager, sales-rep, integrator, analyst, marketer.
     */
    get: operations['AssetsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/assets/{assetId}/transfer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Hand the asset to another owner (If-Match)
     * @description Roles: admin, sales-manager, sales-rep, integrator.
     */
    post: operations['AssetsController_transfer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/assets/{assetId}/retire': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Retire the asset for good (If-Match)
     * @description Roles: admin, sales-manager, sales-rep, integrator.
     */
    post: operations['AssetsController_retire'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/assets/{assetId}/warranty-extensions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * An extended warranty or service contract sold for the asset (once per contractId)
     * @description Roles: admin, sales-manager, sales-rep, integrator.
     */
    post: operations['AssetsController_extend'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/assets/{assetId}/readings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A meter reading (km, hours, cycles): meters only count up; a repeat changes nothing
     * @description Roles: admin, sales-manager, sales-rep, integrator.
     */
    post: operations['AssetsController_reading'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/warranty-terms/{productId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A product's warranty terms (404: none set, i.e. no warranty)
     * @description Roles: admin, sales-manager, sales-rep, integrator, analyst, marketer.
     */
    get: operations['WarrantyTermsController_get'];
    /**
     * Set a product's warranty terms (units delivered from now on get them)
     * @description Roles: admin, sales-manager.
     */
    put: operations['WarrantyTermsController_put'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/cases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The case queue: by status, priority, assignee or queue, contact, asset, SLA, words in the subject
     * @description Roles: admin, sales-manager, sales-rep, integrator, analyst, marketer.
     */
    get: operations['CasesController_list'];
    put?: never;
    /**
     * Open a case for a contact, from a channel, optionally about one of their assets
     * @description Roles: admin, sales-manager, sales-rep, integrator.
     */
    post: operations['CasesController_open'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/cases/{caseId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One case: messages, notes, SLA clocks, the asset's warranty today
     * @description Roles: admin, sales-manager, sales-rep, integrator, analyst, marketer.
     */
    get: operations['CasesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/cases/{caseId}/assign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Assign to a user or a queue (If-Match)
     * @description Roles: admin, sales-manager, sales-rep, integrator.
     */
    post: operations['CasesController_assign'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/cases/{caseId}/priority': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change the priority (its SLA targets apply from the opening)
     * @description Roles: admin, sales-manager, sales-rep, integrator.
     */
    post: operations['CasesController_priority'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/cases/{caseId}/replies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A public reply to the customer: the first one meets the first-response target
     * @description Roles: admin, sales-manager, sales-rep, integrator.
     */
    post: operations['CasesController_replyTo'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/cases/{caseId}/notes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * An internal note (never shown to the customer)
     * @description Roles: admin, sales-manager, sales-rep, integrator.
     */
    post: operations['CasesController_note'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/cases/{caseId}/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Move to in progress or waiting on the customer (the resolution clock pauses while waiting)
     * @description Roles: admin, sales-manager, sales-rep, integrator.
     */
    post: operations['CasesController_move'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/cases/{caseId}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resolve with a code; billable when the asset is out of warranty today
     * @description Roles: admin, sales-manager, sales-rep, integrator.
     */
    post: operations['CasesController_resolve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/cases/{caseId}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Close a resolved case
     * @description Roles: admin, sales-manager, sales-rep, integrator.
     */
    post: operations['CasesController_close'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/cases/{caseId}/reopen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reopen within 14 days of the resolution (back to in progress)
     * @description Roles: admin, sales-manager, sales-rep, integrator.
     */
    post: operations['CasesController_reopen'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/cases/{caseId}/satisfaction': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The customer's satisfaction 1-5, once, after the resolution
     * @description Roles: admin, sales-manager, sales-rep, integrator.
     */
    post: operations['CasesController_satisfaction'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/sla-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The tenant's SLA calendar and targets (default: 24x7 UTC)
     * @description Roles: admin, sales-manager, sales-rep, integrator, analyst, marketer.
     */
    get: operations['SlaSettingsController_get'];
    /**
     * Set the tenant's SLA calendar and targets (open cases' clocks follow)
     * @description Roles: admin, sales-manager.
     */
    put: operations['SlaSettingsController_put'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/maintenance-plans/{planId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Create or replace a maintenance plan of a product
     * @description Roles: admin, sales-manager.
     */
    put: operations['MaintenanceController_putPlan'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/maintenance-plans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Maintenance plans, of one product or all
     * @description Roles: admin, sales-manager, sales-rep, integrator, analyst, marketer.
     */
    get: operations['MaintenanceController_plans'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/assets/{assetId}/maintenance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The asset's next preventive service under each plan of its product
     * @description Roles: admin, sales-manager, sales-rep, integrator, analyst, marketer.
     */
    get: operations['MaintenanceController_ofAsset'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/maintenance/due': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What is overdue or due within the horizon (default 30 days), most overdue first
     * @description Roles: admin, sales-manager, sales-rep, integrator, analyst, marketer.
     */
    get: operations['MaintenanceController_due'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reliability/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Reliability per product, worst MTBF first
     * @description Roles: admin, sales-manager, sales-rep, integrator, analyst, marketer.
     */
    get: operations['ReliabilityController_products'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reliability/assets/{assetId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One asset's failures, repeat repairs and upgrade verdict
     * @description Roles: admin, sales-manager, sales-rep, integrator, analyst, marketer.
     */
    get: operations['ReliabilityController_asset'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/assets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My installed products and their warranty today
     * @description Roles: customer.
     */
    get: operations['CustomerTouchpointController_myAssets'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/cases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My cases, newest first
     * @description Roles: customer.
     */
    get: operations['CustomerTouchpointController_myCases'];
    put?: never;
    /**
     * Open a case from my touchpoint, optionally about one of my assets
     * @description Roles: customer.
     */
    post: operations['CustomerTouchpointController_open'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/cases/{caseId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One of my cases with its replies (internal notes are not shown)
     * @description Roles: customer.
     */
    get: operations['CustomerTouchpointController_myCase'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/cases/{caseId}/replies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reply on my case (ends a wait on me)
     * @description Roles: customer.
     */
    post: operations['CustomerTouchpointController_replyTo'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/cases/{caseId}/satisfaction': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Rate my resolved case 1-5 (once)
     * @description Roles: customer.
     */
    post: operations['CustomerTouchpointController_rate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    FieldError: {
      /**
       * @description Dotted path of the failing input
       * @example lines.0.quantity
       */
      field: string;
      /** @example quantity must not be less than 1 */
      message: string;
    };
    /** @description RFC 9457 problem details */
    ProblemDetails: {
      /**
       * @description URI reference naming the problem; about:blank for plain HTTP errors
       * @example /problems/validation-failed
       */
      type: string;
      /** @example Validation failed */
      title: string;
      /** @example 400 */
      status: number;
      /** @example The request has invalid or unknown fields */
      detail?: string;
      /**
       * @description The request path
       * @example /contacts
       */
      instance?: string;
      /** @description Correlation id of the request (x-request-id) */
      requestId?: string;
      /** @description One entry per failing input (400 validation and 422 domain problems that name a field) */
      errors?: components['schemas']['FieldError'][];
    };
    RegisterAssetDto: {
      productId: string;
      /** @description Owner contact */
      contactId: string;
      /** @description Owner company */
      companyId?: string;
      serialNumber?: string;
      /**
       * Format: date
       * @description Delivery (installation) day
       */
      deliveredOn: string;
      /** @description Option group -> chosen option */
      options?: {
        [key: string]: string;
      };
      /** @description Months of warranty from delivery; default the product's warranty terms */
      warrantyMonths?: number;
    };
    CoveragePeriodDto: {
      /** Format: date */
      from: string;
      /** Format: date */
      to: string;
    };
    AssetWarrantyDto: {
      /** @enum {string} */
      status: 'in_warranty' | 'expired' | 'not_yet_delivered' | 'none' | 'retired';
      /** Format: date */
      endsOn: string | null;
      coverage: components['schemas']['CoveragePeriodDto'][];
    };
    AssetDto: {
      id: string;
      version: number;
      productId: string;
      contactId: string;
      companyId: string | null;
      /** @enum {string} */
      source: 'order' | 'manual';
      orderId: string | null;
      serialNumber: string | null;
      options: {
        [key: string]: string;
      };
      /** Format: date */
      deliveredOn: string;
      /** Format: date */
      retiredOn: string | null;
      warranty: components['schemas']['AssetWarrantyDto'];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** @description GET /assets/{id}: every change (type, at, version, what changed), oldest first */
      history?: {
        [key: string]: unknown;
      }[];
    };
    AssetPage: {
      items: components['schemas']['AssetDto'][];
      nextCursor: string | null;
    };
    TransferAssetDto: {
      /** @description New owner contact */
      contactId: string;
      companyId?: string;
      /**
       * Format: date
       * @description Day of the transfer
       */
      on: string;
    };
    RetireAssetDto: {
      /** Format: date */
      on: string;
      reason: string;
    };
    ExtendWarrantyDto: {
      /** @description The contract (an extended warranty sold) */
      contractId: string;
      months: number;
      /**
       * Format: date
       * @description Sale day (cover runs on from the current end)
       */
      startsOn: string;
    };
    MeterReadingDto: {
      /** @enum {string} */
      unit: 'km' | 'hours' | 'cycles';
      value: number;
      /** Format: date-time */
      readAt: string;
    };
    WarrantyTermsDto: {
      /** @description Months of cover from the delivery day (0: none) */
      months: number;
      /** @description What is covered */
      covers?: string;
    };
    WarrantyTermsView: {
      productId: string;
      months: number;
      covers: string | null;
      /** Format: date-time */
      updatedAt: string;
    };
    OpenCaseDto: {
      /** @description The asset the case is about */
      assetId?: string;
      /** @description Category code, e.g. `breakdown` */
      category: string;
      subject: string;
      description?: string;
      contactId: string;
      /** @enum {string} */
      channel: 'email' | 'phone' | 'sms' | 'chat' | 'web' | 'touchpoint';
      /** @enum {string} */
      priority: 'low' | 'normal' | 'high' | 'urgent';
    };
    AssigneeDto: {
      /** @enum {string} */
      kind: 'user' | 'queue';
      id: string;
    };
    ResolutionDto: {
      /** @enum {string} */
      code:
        | 'repaired'
        | 'part_replaced'
        | 'unit_replaced'
        | 'failure_not_repairable'
        | 'answered'
        | 'configuration_changed'
        | 'user_error'
        | 'no_fault_found'
        | 'duplicate'
        | 'withdrawn';
      /** @description A product failure (counts for reliability) */
      failure: boolean;
      /** @enum {string} */
      coverage: 'in_warranty' | 'out_of_warranty' | 'no_asset';
      billable: boolean;
    };
    ClockReportDto: {
      /** @enum {string} */
      status: 'running' | 'paused' | 'met' | 'breached';
      /** Format: date-time */
      dueAt?: string;
      /** Format: date-time */
      stoppedAt?: string;
    };
    CaseSlaDto: {
      firstResponse: components['schemas']['ClockReportDto'];
      resolution: components['schemas']['ClockReportDto'];
    };
    CaseWarrantyDto: {
      /** @enum {string} */
      status: 'in_warranty' | 'expired' | 'not_yet_delivered' | 'none' | 'retired';
      /** Format: date */
      endsOn: string | null;
    };
    CaseMessageViewDto: {
      id: string;
      /** @enum {string} */
      kind: 'reply' | 'note';
      /** @enum {string} */
      author: 'agent' | 'customer';
      actorId: string;
      body: string;
      /** Format: date-time */
      at: string;
    };
    CaseDto: {
      id: string;
      version: number;
      contactId: string;
      assetId: string | null;
      /** @enum {string} */
      channel: 'email' | 'phone' | 'sms' | 'chat' | 'web' | 'touchpoint';
      category: string;
      /** @enum {string} */
      priority: 'low' | 'normal' | 'high' | 'urgent';
      /** @enum {string} */
      status: 'new' | 'in_progress' | 'waiting_on_customer' | 'resolved' | 'closed';
      assignee: components['schemas']['AssigneeDto'] | null;
      subject: string;
      description: string | null;
      /** Format: date-time */
      openedAt: string;
      /** Format: date-time */
      firstRespondedAt: string | null;
      /** Format: date-time */
      resolvedAt: string | null;
      resolution: components['schemas']['ResolutionDto'] | null;
      satisfaction: number | null;
      reopenCount: number;
      sla: components['schemas']['CaseSlaDto'];
      slaBreachAnnounced: boolean;
      /** Format: date-time */
      updatedAt: string;
      /** @description The asset's warranty today */
      warranty?: components['schemas']['CaseWarrantyDto'] | null;
      messages?: components['schemas']['CaseMessageViewDto'][];
    };
    CasePage: {
      items: components['schemas']['CaseDto'][];
      nextCursor: string | null;
    };
    AssignCaseDto: {
      /** @enum {string} */
      kind: 'user' | 'queue';
      /** @description User id (token sub) or queue name */
      id: string;
    };
    CasePriorityDto: {
      /** @enum {string} */
      priority: 'low' | 'normal' | 'high' | 'urgent';
    };
    CaseMessageDto: {
      body: string;
    };
    MoveCaseDto: {
      /** @enum {string} */
      to: 'in_progress' | 'waiting_on_customer';
    };
    ResolveCaseDto: {
      /** @enum {string} */
      resolutionCode:
        | 'repaired'
        | 'part_replaced'
        | 'unit_replaced'
        | 'failure_not_repairable'
        | 'answered'
        | 'configuration_changed'
        | 'user_error'
        | 'no_fault_found'
        | 'duplicate'
        | 'withdrawn';
    };
    SatisfactionDto: {
      score: number;
    };
    SlaSettingsDto: {
      /** @description { timeZone (IANA), workingHours: { mon: [{ from: '08:00', to: '17:00' }], ... }, holidays: ['YYYY-MM-DD'] } */
      calendar: {
        [key: string]: unknown;
      };
      /** @description { urgent|high|normal|low: { firstResponseMinutes, resolutionMinutes } } in business minutes; default 30/480, 120/960, 480/2400, 960/4800 */
      policy?: {
        [key: string]: unknown;
      };
    };
    MaintenancePlanDto: {
      productId: string;
      name: string;
      /** @description { kind: 'months', every: 12 } or { kind: 'usage', every: 10000, unit: 'km' | 'hours' | 'cycles' } */
      interval: {
        [key: string]: unknown;
      };
    };
    IntervalView: {
      /** @enum {string} */
      kind: 'months' | 'usage';
      every: number;
      /** @enum {string} */
      unit?: 'km' | 'hours' | 'cycles';
    };
    MaintenancePlanView: {
      planId: string;
      productId: string;
      name: string;
      interval: components['schemas']['IntervalView'];
      /** Format: date-time */
      updatedAt: string;
    };
    MaintenancePlanPage: {
      items: components['schemas']['MaintenancePlanView'][];
      nextCursor: string | null;
    };
    NextDueView: {
      /** @enum {string} */
      basis: 'calendar' | 'reached' | 'projected' | 'unknown';
      /** Format: date */
      dueOn?: string;
      dueAtReading?: number;
      /** @description Units per day over the last year of readings */
      ratePerDay?: number;
      /** @description Units still to go (no usable rate yet) */
      remaining?: number;
    };
    AssetScheduleView: {
      plan: components['schemas']['MaintenancePlanView'];
      next: components['schemas']['NextDueView'];
    };
    AssetSchedulePage: {
      items: components['schemas']['AssetScheduleView'][];
      nextCursor: string | null;
    };
    DueEntryView: {
      assetId: string;
      planId: string;
      /** Format: date */
      dueOn: string;
      /** @enum {string} */
      state: 'overdue' | 'due';
      /** @description Negative when overdue */
      daysLeft: number;
      next: components['schemas']['NextDueView'];
    };
    DueListPage: {
      items: components['schemas']['DueEntryView'][];
      nextCursor: string | null;
    };
    ProductReliabilityView: {
      productId: string;
      assets: number;
      failures: number;
      /** @description Operating days per failure; absent without failures */
      mtbfDays?: number;
      repeatRepairs: number;
    };
    ProductReliabilityPage: {
      items: components['schemas']['ProductReliabilityView'][];
      nextCursor: string | null;
    };
    RepeatRepairView: {
      assetId: string;
      previousCaseId: string;
      caseId: string;
      daysApart: number;
    };
    UpgradeView: {
      suggest: boolean;
      reasons: ('failures' | 'repair_costs')[];
      recentFailures: number;
      repairCostMinor: number;
    };
    AssetReliabilityView: {
      assetId: string;
      failures: number;
      mtbfDays?: number;
      repeatRepairs: components['schemas']['RepeatRepairView'][];
      upgrade: components['schemas']['UpgradeView'];
    };
    CustomerOpenCaseDto: {
      /** @description The asset the case is about */
      assetId?: string;
      /** @description Category code, e.g. `breakdown` */
      category: string;
      subject: string;
      description?: string;
    };
    /** @description The resource written, while its read model does not show the write yet */
    ResourceVersion: {
      id: string;
      /** @description Stream version; also sent as ETag */
      version: number;
    };
  };
  responses: never;
  parameters: {
    /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
    IfMatch: string;
    /** @description The ETag the client holds; 304 without a body while it is current */
    IfNoneMatch: string;
    /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
    IdempotencyKey: string;
  };
  requestBodies: never;
  headers: {
    /** @description The version of the resource answered, to send back as If-Match */
    ETag: string;
    /** @description The URL of the resource created */
    Location: string;
    /** @description `true` when this is the stored answer to an earlier request with the same key */
    IdempotentReplayed: 'true';
    /** @description Set when the read models do not show the write yet: the body is then only `{ id, version }` */
    ReadYourWrites: 'pending' | 'stale';
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  AsyncApiController_asyncApi: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AssetsController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        contactId?: string;
        companyId?: string;
        productId?: string;
        orderId?: string;
        /** @description On today (the service clock, UTC) */
        warrantyStatus?: 'in_warranty' | 'expired' | 'not_yet_delivered' | 'none' | 'retired';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AssetPage'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AssetsController_register: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegisterAssetDto'];
      };
    };
    responses: {
      /** @description The new asset; ETag = version, Location */
      201: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          Location: components['headers']['Location'];
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['AssetDto'] | components['schemas']['ResourceVersion'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Entity */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AssetsController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag the client holds; 304 without a body while it is current */
        'If-None-Match'?: components['parameters']['IfNoneMatch'];
      };
      path: {
        assetId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AssetDto'];
        };
      };
      /** @description Not modified: the If-None-Match tag is current */
      304: {
        headers: {
          ETag: components['headers']['ETag'];
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AssetsController_transfer: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        assetId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TransferAssetDto'];
      };
    };
    responses: {
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['AssetDto'] | components['schemas']['ResourceVersion'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Precondition Failed */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Entity */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AssetsController_retire: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        assetId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RetireAssetDto'];
      };
    };
    responses: {
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['AssetDto'] | components['schemas']['ResourceVersion'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Precondition Failed */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Entity */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AssetsController_extend: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        assetId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ExtendWarrantyDto'];
      };
    };
    responses: {
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['AssetDto'] | components['schemas']['ResourceVersion'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Precondition Failed */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Entity */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AssetsController_reading: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        assetId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MeterReadingDto'];
      };
    };
    responses: {
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['AssetDto'] | components['schemas']['ResourceVersion'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Precondition Failed */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Entity */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  WarrantyTermsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        productId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WarrantyTermsView'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  WarrantyTermsController_put: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        productId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WarrantyTermsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WarrantyTermsView'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CasesController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        status?: 'new' | 'in_progress' | 'waiting_on_customer' | 'resolved' | 'closed';
        priority?: 'low' | 'normal' | 'high' | 'urgent';
        assigneeKind?: 'user' | 'queue';
        /** @description User id or queue name */
        assigneeId?: string;
        contactId?: string;
        assetId?: string;
        /** @description An SLA breach announced or not */
        slaStatus?: 'breached' | 'within';
        /** @description Words that must all be in the subject */
        q?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CasePage'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CasesController_open: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OpenCaseDto'];
      };
    };
    responses: {
      /** @description The new case; ETag = version, Location */
      201: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          Location: components['headers']['Location'];
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['CaseDto'] | components['schemas']['ResourceVersion'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Entity */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CasesController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag the client holds; 304 without a body while it is current */
        'If-None-Match'?: components['parameters']['IfNoneMatch'];
      };
      path: {
        caseId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CaseDto'];
        };
      };
      /** @description Not modified: the If-None-Match tag is current */
      304: {
        headers: {
          ETag: components['headers']['ETag'];
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CasesController_assign: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        caseId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AssignCaseDto'];
      };
    };
    responses: {
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['CaseDto'] | components['schemas']['ResourceVersion'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Precondition Failed */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Entity */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CasesController_priority: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        caseId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CasePriorityDto'];
      };
    };
    responses: {
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['CaseDto'] | components['schemas']['ResourceVersion'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Precondition Failed */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Entity */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CasesController_replyTo: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        caseId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CaseMessageDto'];
      };
    };
    responses: {
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['CaseDto'] | components['schemas']['ResourceVersion'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Precondition Failed */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Entity */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CasesController_note: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        caseId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CaseMessageDto'];
      };
    };
    responses: {
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['CaseDto'] | components['schemas']['ResourceVersion'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Precondition Failed */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Entity */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CasesController_move: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        caseId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MoveCaseDto'];
      };
    };
    responses: {
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['CaseDto'] | components['schemas']['ResourceVersion'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Precondition Failed */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Entity */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CasesController_resolve: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        caseId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResolveCaseDto'];
      };
    };
    responses: {
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['CaseDto'] | components['schemas']['ResourceVersion'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Precondition Failed */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Entity */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CasesController_close: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        caseId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['CaseDto'] | components['schemas']['ResourceVersion'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Precondition Failed */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Entity */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CasesController_reopen: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        caseId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['CaseDto'] | components['schemas']['ResourceVersion'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Precondition Failed */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Entity */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CasesController_satisfaction: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        caseId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SatisfactionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['CaseDto'] | components['schemas']['ResourceVersion'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Precondition Failed */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Entity */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  SlaSettingsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SlaSettingsDto'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  SlaSettingsController_put: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SlaSettingsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SlaSettingsDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Entity */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MaintenanceController_putPlan: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        planId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MaintenancePlanDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MaintenancePlanView'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Entity */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MaintenanceController_plans: {
    parameters: {
      query?: {
        productId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MaintenancePlanPage'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MaintenanceController_ofAsset: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        assetId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AssetSchedulePage'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MaintenanceController_due: {
    parameters: {
      query?: {
        /** @description Days ahead that count as due */
        horizonDays?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DueListPage'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ReliabilityController_products: {
    parameters: {
      query?: {
        /** @description A failure this soon after the previous one is a repeat repair */
        repeatWithinDays?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProductReliabilityPage'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ReliabilityController_asset: {
    parameters: {
      query?: {
        /** @description A failure this soon after the previous one is a repeat repair */
        repeatWithinDays?: number;
      };
      header?: never;
      path: {
        assetId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AssetReliabilityView'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CustomerTouchpointController_myAssets: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        warrantyStatus?: 'in_warranty' | 'expired' | 'not_yet_delivered' | 'none' | 'retired';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AssetPage'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CustomerTouchpointController_myCases: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        status?: 'new' | 'in_progress' | 'waiting_on_customer' | 'resolved' | 'closed';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CasePage'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CustomerTouchpointController_open: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CustomerOpenCaseDto'];
      };
    };
    responses: {
      201: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          Location: components['headers']['Location'];
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['CaseDto'] | components['schemas']['ResourceVersion'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Entity */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CustomerTouchpointController_myCase: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag the client holds; 304 without a body while it is current */
        'If-None-Match'?: components['parameters']['IfNoneMatch'];
      };
      path: {
        caseId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CaseDto'];
        };
      };
      /** @description Not modified: the If-None-Match tag is current */
      304: {
        headers: {
          ETag: components['headers']['ETag'];
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CustomerTouchpointController_replyTo: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        caseId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CaseMessageDto'];
      };
    };
    responses: {
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['CaseDto'] | components['schemas']['ResourceVersion'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Entity */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CustomerTouchpointController_rate: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        caseId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SatisfactionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['CaseDto'] | components['schemas']['ResourceVersion'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Entity */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Internal Server Error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
}
