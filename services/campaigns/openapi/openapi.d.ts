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
  '/audience/contacts/{contactId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What campaigns knows of a person
     * @description Profile, demographics, consent per channel, purchase summary, the latest orders and the deals, as the audience read model holds them (fed by crm.contacts.v1 and crm.sales.v1, so a moment behind those services). Segment rules are evaluated over exactly this record.
     *
     *     Roles: admin, marketer, analyst, sales-manager, sales-rep, integrator.
     */
    get: operations['AudienceController_contact'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/segments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Segments filtered by status, kind and name, in keyset pages
     * @description Roles: admin, marketer, analyst, sales-manager, sales-rep, integrator.
     */
    get: operations['SegmentsController_list'];
    put?: never;
    /**
     * Create a draft segment: dynamic (with a rule) or static (list its members next)
     * @description Roles: admin, marketer.
     */
    post: operations['SegmentsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/segments/fields': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The fields a rule may use, by group, with types, enum values and operators, and the tenant's custom field and score keys
     * @description Roles: admin, marketer, analyst, sales-manager, sales-rep, integrator.
     */
    get: operations['SegmentsController_catalogue'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/segments/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * How many contacts a rule matches now and a sample of 20 with why; nothing is saved
     * @description An invalid rule is a 422 naming each path (errors[].field, e.g. rule.all[2].op); a query over its time budget is a 503.
     *
     *     Roles: admin, marketer, analyst, sales-manager, sales-rep, integrator.
     */
    post: operations['SegmentsController_preview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/segments/{segmentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one segment
     * @description Roles: admin, marketer, analyst, sales-manager, sales-rep, integrator.
     */
    get: operations['SegmentsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change name, description or rule (merge patch; If-Match). A live rule change re-evaluates every member
     * @description Roles: admin, marketer.
     */
    patch: operations['SegmentsController_patch'];
    trace?: never;
  };
  '/segments/{segmentId}/activate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Make a draft live: its membership is kept from now on
     * @description Roles: admin, marketer.
     */
    post: operations['SegmentsController_activate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/segments/{segmentId}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Archive a segment for good: everyone leaves it
     * @description Roles: admin, marketer.
     */
    post: operations['SegmentsController_archive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/segments/{segmentId}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Members of a segment, newest first, with why each one matches (keyset pages)
     * @description Roles: admin, marketer, analyst, sales-manager, sales-rep, integrator.
     */
    get: operations['MembershipController_members'];
    /**
     * Replace a static segment's list, by contact ids and/or emails (If-Match); unknown ones are reported, not listed
     * @description Roles: admin, marketer.
     */
    put: operations['SegmentsController_members'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/segments/{segmentId}/counts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Members, joins and leaves of a segment over time, per hour or day (UTC)
     * @description Roles: admin, marketer, analyst, sales-manager, sales-rep, integrator.
     */
    get: operations['MembershipController_counts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{contactId}/segments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The segments a person is in now, and why
     * @description Roles: admin, marketer, analyst, sales-manager, sales-rep, integrator.
     */
    get: operations['MembershipController_segmentsOf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Templates filtered by channel, status and name, in keyset pages
     * @description Roles: admin, marketer, analyst, sales-manager, sales-rep, integrator.
     */
    get: operations['TemplatesController_list'];
    put?: never;
    /**
     * Create an email (subject, html, text?) or SMS (text) template: version 1
     * @description Liquid that does not parse or names a variable outside GET /templates/variables is a 422 whose errors[] name the field (subject, html, text), the variable, line and column; nothing is saved.
     *
     *     Roles: admin, marketer.
     */
    post: operations['TemplatesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/templates/variables': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The variables a template may use, with types, and the extra filters
     * @description Roles: admin, marketer, analyst, sales-manager, sales-rep, integrator.
     */
    get: operations['TemplatesController_variables'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/templates/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Render an unsaved template for a contact (or the catalogue examples); nothing is saved
     * @description Checked as a save would be (422 naming the field and variable); an unknown contact is a 404.
     *
     *     Roles: admin, marketer, analyst, sales-manager, sales-rep, integrator.
     */
    post: operations['TemplatesController_previewDraft'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/templates/{templateId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one template with its current content
     * @description Roles: admin, marketer, analyst, sales-manager, sales-rep, integrator.
     */
    get: operations['TemplatesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Rename or change the content (merge patch; If-Match): a content change is the next version
     * @description Roles: admin, marketer.
     */
    patch: operations['TemplatesController_patch'];
    trace?: never;
  };
  '/templates/{templateId}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Archive a template for good (its versions stay readable)
     * @description Roles: admin, marketer.
     */
    post: operations['TemplatesController_archive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/templates/{templateId}/versions/{n}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One version of the content, as a campaign pins it
     * @description Roles: admin, marketer, analyst, sales-manager, sales-rep, integrator.
     */
    get: operations['TemplatesController_versionOf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/templates/{templateId}/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Render the template (current or a given version) for an audience contact
     * @description An unknown contact (or one of another tenant) is a 404; a render over its limits a 422.
     *
     *     Roles: admin, marketer, analyst, sales-manager, sales-rep, integrator.
     */
    post: operations['TemplatesController_preview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/outbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Messages the capture channels stored instead of sending, newest first (keyset pages; filter by channel, recipient, campaign)
     * @description Roles: admin, marketer, analyst, sales-manager, sales-rep, integrator.
     */
    get: operations['OutboxController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/outbox/{messageId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One captured message in full: headers, HTML and text as rendered
     * @description Roles: admin, marketer, analyst, sales-manager, sales-rep, integrator.
     */
    get: operations['OutboxController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Campaigns filtered by status, kind, channel and name, in keyset pages
     * @description Roles: admin, marketer, analyst, sales-manager, sales-rep, integrator.
     */
    get: operations['CampaignController_list'];
    put?: never;
    /**
     * Create a draft campaign
     * @description Every bad field is named in one 422 (errors[].field); an unknown or archived segment is a 422 naming its field.
     *
     *     Roles: admin, marketer.
     */
    post: operations['CampaignController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{campaignId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one campaign
     * @description Roles: admin, marketer, analyst, sales-manager, sales-rep, integrator.
     */
    get: operations['CampaignController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a draft (JSON merge patch: null removes an optional member, objects merge; If-Match)
     * @description Roles: admin, marketer.
     */
    patch: operations['CampaignController_patch'];
    trace?: never;
  };
  '/campaigns/{campaignId}/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Per variant: sent, delivered, opened, clicked, converted, and the A/B test decision
     * @description The decision is a pooled two-proportion z-test of the best variant against each other one (Bonferroni-corrected) on the plan metric per message sent, once every variant has its minimum sample; "no sends yet" before the first send.
     *
     *     Roles: admin, marketer, analyst, sales-manager, sales-rep, integrator.
     */
    get: operations['CampaignController_stats'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{campaignId}/schedule': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Arm a draft (or move a scheduled campaign) for sendAt; never in the past
     * @description Roles: admin, marketer.
     */
    post: operations['CampaignController_schedule'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{campaignId}/launch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start sending now (a draft or a scheduled campaign); an A/B campaign sends its test share first
     * @description Roles: admin, marketer.
     */
    post: operations['CampaignController_launch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{campaignId}/pause': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Pause a sending campaign (the sender stops at its next batch)
     * @description Roles: admin, marketer.
     */
    post: operations['CampaignController_pause'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{campaignId}/resume': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resume a paused campaign
     * @description Roles: admin, marketer.
     */
    post: operations['CampaignController_resume'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{campaignId}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel for good (from anything but completed)
     * @description Roles: admin, marketer.
     */
    post: operations['CampaignController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{contactId}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A person's campaign messages, newest first: sent, skipped (and why), responses
     * @description Roles: admin, marketer, analyst, sales-manager, sales-rep, integrator.
     */
    get: operations['MessagesController_ofContact'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{campaignId}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A campaign's messages, newest first, optionally of one status
     * @description Roles: admin, marketer, analyst, sales-manager, sales-rep, integrator.
     */
    get: operations['MessagesController_ofCampaign'];
    put?: never;
    post?: never;
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
    AudienceDemographicsDto: {
      /**
       * Format: date
       * @example 1985-04-12
       */
      birthDate?: string;
      /** @example 35-44 */
      ageBand?: string;
      /** @example female */
      gender?: string;
      /** @example upper-middle */
      householdIncomeBand?: string;
    };
    AudienceConsentDto: {
      /** @enum {string} */
      email: 'granted' | 'withdrawn' | 'unknown';
      /** @enum {string} */
      sms: 'granted' | 'withdrawn' | 'unknown';
      /** @enum {string} */
      phone: 'granted' | 'withdrawn' | 'unknown';
      /** @enum {string} */
      post: 'granted' | 'withdrawn' | 'unknown';
    };
    AudiencePurchasesDto: {
      /** @description Standing orders (placed or fulfilled; cancelled and returned do not count) */
      ordersCount: number;
      /** @description Sum of the standing orders in spendCurrency, minor units (orders in other currencies are not converted and not in it) */
      totalSpentMinor: number;
      /**
       * @description The currency most of the standing orders are in (a tie: the latest order's)
       * @example EUR
       */
      spendCurrency?: string;
      /** Format: date-time */
      firstOrderAt?: string;
      /** Format: date-time */
      lastOrderAt?: string;
    };
    AudienceEngagementDto: {
      messagesReceived: number;
      /** Format: date-time */
      lastOpenedAt?: string;
      /** Format: date-time */
      lastClickedAt?: string;
      /** Format: date-time */
      unsubscribedAt?: string;
    };
    AudienceRecommendationDto: {
      /**
       * @description Model name (its version dropped)
       * @example next-best-offer
       */
      model: string;
      /** @description Recommended product ids, best first */
      productIds: string[];
      /** Format: date-time */
      producedAt: string;
    };
    AudienceOrderLineDto: {
      lineNo: number;
      productId?: string;
      sku?: string;
      /**
       * @description The product's family as the catalogue names it now
       * @example Cars
       */
      productFamily?: string;
      /**
       * @description Selected option ids
       * @example [
       *       "automatic"
       *     ]
       */
      options: string[];
      quantity?: number;
      /** @description Line net amount, minor units of the order currency */
      netMinor?: number;
    };
    AudienceOrderDto: {
      orderId: string;
      /** Format: date-time */
      placedAt?: string;
      /** @enum {string} */
      status: 'placed' | 'cancelled' | 'returned';
      /** @description Total including tax, minor units */
      totalMinor?: number;
      /** @example EUR */
      currency?: string;
      lines: components['schemas']['AudienceOrderLineDto'][];
    };
    AudienceDealDto: {
      opportunityId: string;
      stageId?: string;
      /** @enum {string} */
      status?: 'open' | 'won' | 'lost';
      /** @description Deal value, minor units */
      amountMinor?: number;
      /** @example EUR */
      currency?: string;
    };
    AudienceContactDto: {
      contactId: string;
      displayName?: string;
      /** @description Primary email */
      email?: string;
      /** @description Primary phone, E.164 */
      phone?: string;
      /** @example customer */
      lifecycleStage?: string;
      /** @enum {string} */
      status?: 'active' | 'archived';
      ownerId?: string;
      companyId?: string;
      tags: string[];
      /** @description Custom fields by key */
      customFields: {
        [key: string]: unknown;
      };
      demographics: components['schemas']['AudienceDemographicsDto'];
      /** @example Europe/Berlin */
      timeZone?: string;
      /**
       * @description The primary address's country
       * @example DE
       */
      country?: string;
      /** @description Current decision per channel (email, sms, phone, post); unknown = never decided */
      consent: components['schemas']['AudienceConsentDto'];
      /** Format: date-time */
      registeredAt?: string;
      /**
       * Format: date-time
       * @description Time of the newest fact applied
       */
      updatedAt?: string;
      purchases: components['schemas']['AudiencePurchasesDto'];
      engagement: components['schemas']['AudienceEngagementDto'];
      /** @description Scores by name */
      scores: {
        [key: string]: number;
      };
      /** @description The latest recommendation list per model, newest first */
      recommendations: components['schemas']['AudienceRecommendationDto'][];
      /** @description The latest orders, newest first (at most 10) */
      lastOrders: components['schemas']['AudienceOrderDto'][];
      deals: components['schemas']['AudienceDealDto'][];
    };
    CreateSegmentDto: {
      /** @example Bought a car lately */
      name: string;
      description?: string | null;
      /**
       * @description dynamic: a rule; static: an uploaded list
       * @enum {string}
       */
      kind: 'dynamic' | 'static';
      /**
       * @description all / any / not over conditions { field, op, value } (fields and operators: GET /segments/fields); a bad rule is a 422 whose errors[] name each path (rule.all[2].op); required for dynamic, absent for static
       * @example {
       *       "all": [
       *         {
       *           "field": "consent.email",
       *           "op": "eq",
       *           "value": "granted"
       *         },
       *         {
       *           "field": "purchase.family",
       *           "op": "bought",
       *           "value": {
       *             "anyOf": [
       *               "Cars"
       *             ],
       *             "within": "30d"
       *           }
       *         }
       *       ]
       *     }
       */
      rule?: {
        [key: string]: unknown;
      };
    };
    SegmentDto: {
      id: string;
      name: string;
      description?: string;
      /** @enum {string} */
      kind: 'dynamic' | 'static';
      /** @enum {string} */
      status: 'draft' | 'active' | 'archived';
      /**
       * @description The validated rule; null for static segments
       * @example {
       *       "all": [
       *         {
       *           "field": "consent.email",
       *           "op": "eq",
       *           "value": "granted"
       *         },
       *         {
       *           "field": "purchase.family",
       *           "op": "bought",
       *           "value": {
       *             "anyOf": [
       *               "Cars"
       *             ],
       *             "within": "30d"
       *           }
       *         }
       *       ]
       *     }
       */
      rule: {
        [key: string]: unknown;
      } | null;
      /** @description One more whenever the rule or the static list changes, and on activation: memberships are re-evaluated at each */
      ruleVersion: number;
      /** @description Static segments: how many contacts the list holds */
      listedContacts?: number;
      /** @description Stream version; the ETag */
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    SegmentPage: {
      items: components['schemas']['SegmentDto'][];
      /** @description Pass as cursor for the next page (same sort); null on the last page */
      nextCursor: string | null;
    };
    CatalogueFieldDto: {
      /** @description What a condition names; a pattern for families (customFields.<key>) */
      key: string;
      label: string;
      group: string;
      /** @description string, enum, number, money, date, timestamp, string[], boolean, custom, purchase */
      type: string;
      /** @description The allowed values of an enum */
      values?: string[];
      operators: string[];
      /** @description scalar, purchase-match, order-count, spend, open-deal-count, open-deal-amount or closed-deal-count: what `value` looks like (see the rules README) */
      valueShape: string;
      description: string;
    };
    CatalogueGroupDto: {
      group: string;
      fields: components['schemas']['CatalogueFieldDto'][];
    };
    CatalogueOperatorDto: {
      op: string;
      label: string;
      /** @description What its value looks like */
      value: string;
    };
    FieldCatalogueDto: {
      groups: components['schemas']['CatalogueGroupDto'][];
      operators: components['schemas']['CatalogueOperatorDto'][];
      /** @description Custom field keys present in the tenant's audience */
      customFieldKeys: string[];
      /** @description Score names present in the tenant's audience */
      scoreKeys: string[];
    };
    PreviewSegmentDto: {
      /**
       * @description all / any / not over conditions { field, op, value } (fields and operators: GET /segments/fields); a bad rule is a 422 whose errors[] name each path (rule.all[2].op)
       * @example {
       *       "all": [
       *         {
       *           "field": "consent.email",
       *           "op": "eq",
       *           "value": "granted"
       *         },
       *         {
       *           "field": "purchase.family",
       *           "op": "bought",
       *           "value": {
       *             "anyOf": [
       *               "Cars"
       *             ],
       *             "within": "30d"
       *           }
       *         }
       *       ]
       *     }
       */
      rule: {
        [key: string]: unknown;
      };
    };
    PreviewMemberDto: {
      contactId: string;
      displayName: string | null;
      /** @description Why the contact matches: per top-level part of the rule (path), what it saw */
      why: {
        [key: string]: unknown;
      }[];
    };
    SegmentPreviewDto: {
      /** @description Contacts of the audience the rule matches now */
      count: number;
      /** @description Up to 20 of them, by contact id */
      sample: components['schemas']['PreviewMemberDto'][];
      /**
       * Format: date-time
       * @description The "now" relative dates were resolved at
       */
      evaluatedAt: string;
    };
    PatchSegmentDto: {
      name?: string;
      /** @description null removes the description */
      description?: string | null;
      /**
       * @description all / any / not over conditions { field, op, value } (fields and operators: GET /segments/fields); a bad rule is a 422 whose errors[] name each path (rule.all[2].op); dynamic segments only
       * @example {
       *       "all": [
       *         {
       *           "field": "consent.email",
       *           "op": "eq",
       *           "value": "granted"
       *         },
       *         {
       *           "field": "purchase.family",
       *           "op": "bought",
       *           "value": {
       *             "anyOf": [
       *               "Cars"
       *             ],
       *             "within": "30d"
       *           }
       *         }
       *       ]
       *     }
       */
      rule?: {
        [key: string]: unknown;
      };
    };
    ListSegmentMembersDto: {
      contactIds?: string[];
      emails?: string[];
    };
    SegmentUploadReportDto: {
      /** @description Ids and emails received (after removing repeats) */
      received: number;
      /** @description Contacts the list now holds */
      listed: number;
      /** @description Contact ids the audience does not know: not listed */
      unknownContactIds: string[];
      /** @description Emails no audience contact has: not listed */
      unknownEmails: string[];
    };
    SegmentMembersUploadDto: {
      id: string;
      name: string;
      description?: string;
      /** @enum {string} */
      kind: 'dynamic' | 'static';
      /** @enum {string} */
      status: 'draft' | 'active' | 'archived';
      /**
       * @description The validated rule; null for static segments
       * @example {
       *       "all": [
       *         {
       *           "field": "consent.email",
       *           "op": "eq",
       *           "value": "granted"
       *         },
       *         {
       *           "field": "purchase.family",
       *           "op": "bought",
       *           "value": {
       *             "anyOf": [
       *               "Cars"
       *             ],
       *             "within": "30d"
       *           }
       *         }
       *       ]
       *     }
       */
      rule: {
        [key: string]: unknown;
      } | null;
      /** @description One more whenever the rule or the static list changes, and on activation: memberships are re-evaluated at each */
      ruleVersion: number;
      /** @description Static segments: how many contacts the list holds */
      listedContacts?: number;
      /** @description Stream version; the ETag */
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      upload: components['schemas']['SegmentUploadReportDto'];
    };
    MatchReasonDto: {
      /**
       * @description The rule part the contact matches: `rule.all[2]` (a child of a top-level all/any), `rule` (the whole rule), `list` (listed in a static segment)
       * @example rule.all[0]
       */
      path: string;
      /** @description The fields (GET /segments/fields keys) that part reads; no values */
      fields: string[];
    };
    SegmentMemberDto: {
      contactId: string;
      /** Format: date-time */
      joinedAt: string;
      /** @description The rule (or static list) version it joined on */
      ruleVersion: number;
      /** @description Why it is a member */
      why: components['schemas']['MatchReasonDto'][];
    };
    SegmentMemberPage: {
      items: components['schemas']['SegmentMemberDto'][];
      /** @description Pass as cursor for the next page; null on the last page */
      nextCursor: string | null;
    };
    MemberCountDto: {
      /**
       * Format: date-time
       * @description Start of the interval (UTC)
       */
      start: string;
      /** @description Members at the end of the interval */
      members: number;
      /** @description Contacts that joined during it */
      joined: number;
      /** @description Contacts that left during it */
      left: number;
    };
    MemberCountsDto: {
      segmentId: string;
      /** @enum {string} */
      interval: 'hour' | 'day';
      /** @description Members now */
      members: number;
      /** @description Oldest interval first */
      counts: components['schemas']['MemberCountDto'][];
    };
    ContactSegmentDto: {
      segmentId: string;
      name: string;
      /** @enum {string} */
      kind: 'dynamic' | 'static';
      /** Format: date-time */
      joinedAt: string;
      ruleVersion: number;
      why: components['schemas']['MatchReasonDto'][];
    };
    ContactSegmentPage: {
      items: components['schemas']['ContactSegmentDto'][];
      /** @description Always null: a person is in few enough segments to answer whole */
      nextCursor: string | null;
    };
    CreateTemplateDto: {
      /** @description Email: the subject (Liquid; variables: GET /templates/variables) */
      subject?: string;
      /** @description Email: the HTML body, every output escaped (Liquid; variables: GET /templates/variables) */
      html?: string;
      /** @description SMS: the text. Email: the plain-text part, generated from the HTML when absent; null drops it (Liquid; variables: GET /templates/variables) */
      text?: string | null;
      /** @enum {string} */
      channel: 'email' | 'sms';
      /** @example Service plan after a car */
      name: string;
    };
    SmsLengthDto: {
      /** @enum {string} */
      encoding: 'GSM-7' | 'UCS-2';
      /** @description Septets (GSM-7) or UTF-16 units (UCS-2) */
      length: number;
      /** @description Parts it is sent in (160/153 GSM-7, 70/67 UCS-2) */
      segments: number;
    };
    TemplateDto: {
      /** @enum {string} */
      channel: 'email' | 'sms';
      subject?: string;
      html?: string;
      /** @description SMS text, or the email's own plain-text part */
      text?: string;
      /** @description SMS: the raw template text counted as it stands (a render is counted in the preview) */
      sms?: components['schemas']['SmsLengthDto'];
      /** @description Catalogue variables the content reads */
      variables: string[];
      id: string;
      name: string;
      /** @enum {string} */
      status: 'active' | 'archived';
      /** @description The content version in use (GET /templates/{id}/versions/{n}) */
      currentVersion: number;
      /** @description Stream version; the ETag */
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    TemplatePage: {
      items: components['schemas']['TemplateDto'][];
      /** @description Pass as cursor for the next page */
      nextCursor: string | null;
    };
    VariableDocDto: {
      /** @example contact.displayName */
      path: string;
      /** @enum {string} */
      type: 'string' | 'number' | 'string[]' | 'any';
      description: string;
    };
    VariableCatalogueDto: {
      variables: components['schemas']['VariableDocDto'][];
      /** @description Filters beyond Liquid's standard ones (raw is not available in HTML) */
      extraFilters: string[];
    };
    PriceDto: {
      /**
       * @description Decimal amount
       * @example 199.00
       */
      amount: string;
      /** @example EUR */
      currency: string;
    };
    OfferDto: {
      productId?: string;
      name?: string;
      sku?: string;
      family?: string;
      price?: components['schemas']['PriceDto'];
      imageUrl?: string;
      url?: string;
    };
    PreviewDraftDto: {
      /** @description Email: the subject (Liquid; variables: GET /templates/variables) */
      subject?: string;
      /** @description Email: the HTML body, every output escaped (Liquid; variables: GET /templates/variables) */
      html?: string;
      /** @description SMS: the text. Email: the plain-text part, generated from the HTML when absent; null drops it (Liquid; variables: GET /templates/variables) */
      text?: string | null;
      /** @enum {string} */
      channel: 'email' | 'sms';
      /** @description Not needed for a preview (taken so a create body can be sent as is) */
      name?: string;
      /** @description The audience contact to render for; the examples when absent */
      contactId?: string;
      offer?: components['schemas']['OfferDto'];
    };
    RenderedMessageDto: {
      /** @enum {string} */
      channel: 'email' | 'sms';
      /** @description Email: the subject, one line */
      subject?: string;
      /** @description Email: the HTML, every value escaped */
      html?: string;
      /** @description The SMS, or the email's plain-text part */
      text: string;
      /** @enum {string} */
      encoding?: 'GSM-7' | 'UCS-2';
      /** @description SMS: septets or UTF-16 units */
      length?: number;
      /** @description SMS: parts */
      segments?: number;
    };
    PatchTemplateDto: {
      /** @description Email: the subject (Liquid; variables: GET /templates/variables) */
      subject?: string;
      /** @description Email: the HTML body, every output escaped (Liquid; variables: GET /templates/variables) */
      html?: string;
      /** @description SMS: the text. Email: the plain-text part, generated from the HTML when absent; null drops it (Liquid; variables: GET /templates/variables) */
      text?: string | null;
      name?: string;
    };
    TemplateVersionDto: {
      /** @enum {string} */
      channel: 'email' | 'sms';
      subject?: string;
      html?: string;
      /** @description SMS text, or the email's own plain-text part */
      text?: string;
      /** @description SMS: the raw template text counted as it stands (a render is counted in the preview) */
      sms?: components['schemas']['SmsLengthDto'];
      /** @description Catalogue variables the content reads */
      variables: string[];
      templateId: string;
      /** @description The content version, 1 for the first */
      number: number;
      /** Format: date-time */
      createdAt: string;
    };
    PreviewTemplateDto: {
      /** @description The audience contact to render for (404 when unknown) */
      contactId: string;
      offer?: components['schemas']['OfferDto'];
      /** @description The version to render; the current one by default */
      version?: number;
    };
    OutboxMessageSummaryDto: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      channel: 'email' | 'sms';
      /** @description Address or E.164 number */
      to: string;
      /** @description From (email) or sender id (SMS) */
      from: string;
      /** @description Email only */
      subject: string | null;
      campaignId: string | null;
      contactId: string | null;
      /** @description The send ledger id the message was sent under */
      reference: string;
      /**
       * Format: date-time
       * @description When the channel took it
       */
      capturedAt: string;
    };
    OutboxPage: {
      items: components['schemas']['OutboxMessageSummaryDto'][];
      /** @description Pass as cursor for the next page; null on the last page */
      nextCursor: string | null;
    };
    OutboxMessageDto: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      channel: 'email' | 'sms';
      /** @description Address or E.164 number */
      to: string;
      /** @description From (email) or sender id (SMS) */
      from: string;
      /** @description Email only */
      subject: string | null;
      campaignId: string | null;
      contactId: string | null;
      /** @description The send ledger id the message was sent under */
      reference: string;
      /**
       * Format: date-time
       * @description When the channel took it
       */
      capturedAt: string;
      /** @description The plain-text part (email) or the SMS text */
      text: string;
      /** @description The HTML part (email only) */
      html: string | null;
      /** @description Headers as sent (email: Message-ID, List-Unsubscribe, List-Unsubscribe-Post, ...); empty for SMS */
      headers: {
        [key: string]: string;
      };
    };
    CreateCampaignDto: {
      /** @example Service plan for new car owners */
      name: string;
      /**
       * @description { type: 'broadcast' } | { type: 'triggered', trigger: { event: 'order-placed', productFamily?, productId?, delayDays } | { event: 'segment-entered', segmentId, delayDays } | { event: 'warranty-ending', daysBefore } } | { type: 'recurring', every, unit: 'days'|'weeks', timeOfDay: 'HH:MM', timeZone }
       * @example {
       *       "type": "triggered",
       *       "trigger": {
       *         "event": "order-placed",
       *         "productFamily": "Cars",
       *         "delayDays": 14
       *       }
       *     }
       */
      kind: {
        [key: string]: unknown;
      };
      /** @enum {string} */
      channel: 'email' | 'sms';
      /**
       * @description { segmentId, excludeSegmentId? }: segments of this tenant
       * @example {
       *       "segmentId": "segment id"
       *     }
       */
      audience: {
        [key: string]: unknown;
      };
      variants: {
        [key: string]: unknown;
      }[];
      /**
       * @description { testSharePercent (1-100), metric (opened|clicked|converted), significance (0-0.2], minimumSamplePerVariant }; required with two or more variants
       * @example {
       *       "testSharePercent": 20,
       *       "metric": "clicked",
       *       "significance": 0.05,
       *       "minimumSamplePerVariant": 500
       *     }
       */
      abTest?: {
        [key: string]: unknown;
      };
      /**
       * @description { model, fallbackProductId }: the offer per person from analytics' recommendations of model
       * @example {
       *       "model": "basket-rules",
       *       "fallbackProductId": "service-plan"
       *     }
       */
      nextBestOffer?: {
        [key: string]: unknown;
      };
      /**
       * @description { amountMinor, currency }: what the campaign costs, for ROI
       * @example {
       *       "amountMinor": 25000,
       *       "currency": "EUR"
       *     }
       */
      cost?: {
        [key: string]: unknown;
      };
      /**
       * @description email: { name, email, replyTo? }; sms: { smsSenderId } (up to 11 letters/digits, or a number)
       * @example {
       *       "name": "Autohaus",
       *       "email": "news@autohaus.example"
       *     }
       */
      sender: {
        [key: string]: unknown;
      };
    };
    CampaignDto: {
      id: string;
      name: string;
      /**
       * @description { type: 'broadcast' } | { type: 'triggered', trigger: { event: 'order-placed', productFamily?, productId?, delayDays } | { event: 'segment-entered', segmentId, delayDays } | { event: 'warranty-ending', daysBefore } } | { type: 'recurring', every, unit: 'days'|'weeks', timeOfDay: 'HH:MM', timeZone }
       * @example {
       *       "type": "triggered",
       *       "trigger": {
       *         "event": "order-placed",
       *         "productFamily": "Cars",
       *         "delayDays": 14
       *       }
       *     }
       */
      kind: {
        [key: string]: unknown;
      };
      /** @enum {string} */
      channel: 'email' | 'sms';
      /**
       * @description { segmentId, excludeSegmentId? }: segments of this tenant
       * @example {
       *       "segmentId": "segment id"
       *     }
       */
      audience: {
        [key: string]: unknown;
      };
      variants: {
        [key: string]: unknown;
      }[];
      /**
       * @description { testSharePercent (1-100), metric (opened|clicked|converted), significance (0-0.2], minimumSamplePerVariant }; required with two or more variants
       * @example {
       *       "testSharePercent": 20,
       *       "metric": "clicked",
       *       "significance": 0.05,
       *       "minimumSamplePerVariant": 500
       *     }
       */
      abTest?: {
        [key: string]: unknown;
      };
      /**
       * @description { model, fallbackProductId }: the offer per person from analytics' recommendations of model
       * @example {
       *       "model": "basket-rules",
       *       "fallbackProductId": "service-plan"
       *     }
       */
      nextBestOffer?: {
        [key: string]: unknown;
      };
      /**
       * @description { amountMinor, currency }: what the campaign costs, for ROI
       * @example {
       *       "amountMinor": 25000,
       *       "currency": "EUR"
       *     }
       */
      cost?: {
        [key: string]: unknown;
      };
      /**
       * @description email: { name, email, replyTo? }; sms: { smsSenderId } (up to 11 letters/digits, or a number)
       * @example {
       *       "name": "Autohaus",
       *       "email": "news@autohaus.example"
       *     }
       */
      sender: {
        [key: string]: unknown;
      };
      /** @enum {string} */
      status: 'draft' | 'scheduled' | 'sending' | 'paused' | 'completed' | 'cancelled';
      /** Format: date-time */
      sendAt: string | null;
      /** Format: date-time */
      launchedAt: string | null;
      /**
       * @description While sending: test (the A/B share), rest (the winner to the others), all (no test)
       * @enum {string|null}
       */
      phase: 'test' | 'rest' | 'all' | null;
      /** @description After the A/B test: the winning variant; null when none won */
      winner?: string | null;
      /**
       * Format: date-time
       * @description Completed or cancelled at
       */
      finishedAt: string | null;
      /** @description Stream version; the ETag */
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    CampaignPage: {
      items: components['schemas']['CampaignDto'][];
      /** @description Pass as cursor for the next page (same sort); null on the last page */
      nextCursor: string | null;
    };
    MoneyByCurrencyDto: {
      /** @example EUR */
      currency: string;
      /** @description In minor units (cents) */
      amountMinor: number;
    };
    VariantStatsDto: {
      variant: string;
      templateId: string;
      templateVersion: number;
      sharePercent: number;
      sent: number;
      delivered: number;
      opened: number;
      clicked: number;
      /** @description Orders attributed to this variant (a cancelled one is taken back) */
      converted: number;
      /** @description Their revenue, per currency */
      revenue: components['schemas']['MoneyByCurrencyDto'][];
      /** @description Of the metric, per message sent; null before any send */
      rate: number | null;
    };
    AbTestStatsDto: {
      /** @enum {string} */
      metric: 'opened' | 'clicked' | 'converted';
      significance: number;
      minimumSamplePerVariant: number;
      /** @enum {string} */
      outcome: 'winner' | 'no-significant-difference' | 'not-enough-data';
      /** @description The decision in words ("no sends yet", "B wins", ...) */
      summary: string;
      /** @description The best observed variant */
      best?: string;
      /** @description The best vs each other variant (two-proportion z-test; Bonferroni-adjusted) */
      comparisons?: {
        [key: string]: unknown;
      }[];
      /** @description significance / (variants - 1) */
      perComparisonSignificance?: number;
      /**
       * @description Pearson chi-squared over all variants: { statistic, degreesOfFreedom, pValue }
       * @example {}
       */
      chiSquared?: {
        [key: string]: unknown;
      };
      /** @description Variants below the minimum sample */
      waitingFor?: string[];
      /** @description The winner the campaign recorded when it concluded the test */
      concludedWinner?: string | null;
    };
    CampaignConversionsDto: {
      /** @description Orders attributed to the campaign */
      orders: number;
      revenue: components['schemas']['MoneyByCurrencyDto'][];
      /** @description The campaign's cost */
      cost: components['schemas']['MoneyByCurrencyDto'] | null;
      /** @description (revenue - cost) / cost, in the cost's currency; null without a cost */
      roi: number | null;
      /** @description The attribution rule, in words */
      rule: string;
    };
    CampaignStatsDto: {
      campaignId: string;
      /** @enum {string} */
      status: 'draft' | 'scheduled' | 'sending' | 'paused' | 'completed' | 'cancelled';
      /** @description Messages sent over all variants */
      sent: number;
      /** @description What the numbers mean now, e.g. "no sends yet" */
      note: string;
      variants: components['schemas']['VariantStatsDto'][];
      /** @description null: one variant, no test */
      abTest: components['schemas']['AbTestStatsDto'] | null;
      conversions: components['schemas']['CampaignConversionsDto'];
    };
    PatchCampaignDto: {
      name?: string;
      /**
       * @description { type: 'broadcast' } | { type: 'triggered', trigger: { event: 'order-placed', productFamily?, productId?, delayDays } | { event: 'segment-entered', segmentId, delayDays } | { event: 'warranty-ending', daysBefore } } | { type: 'recurring', every, unit: 'days'|'weeks', timeOfDay: 'HH:MM', timeZone }
       * @example {
       *       "type": "triggered",
       *       "trigger": {
       *         "event": "order-placed",
       *         "productFamily": "Cars",
       *         "delayDays": 14
       *       }
       *     }
       */
      kind?: {
        [key: string]: unknown;
      };
      /** @enum {string} */
      channel?: 'email' | 'sms';
      /**
       * @description { segmentId, excludeSegmentId? }: segments of this tenant
       * @example {
       *       "segmentId": "segment id"
       *     }
       */
      audience?: {
        [key: string]: unknown;
      };
      variants?: {
        [key: string]: unknown;
      }[];
      /**
       * @description { testSharePercent (1-100), metric (opened|clicked|converted), significance (0-0.2], minimumSamplePerVariant }; required with two or more variants
       * @example {
       *       "testSharePercent": 20,
       *       "metric": "clicked",
       *       "significance": 0.05,
       *       "minimumSamplePerVariant": 500
       *     }
       */
      abTest?: {
        [key: string]: unknown;
      } | null;
      /**
       * @description { model, fallbackProductId }: the offer per person from analytics' recommendations of model
       * @example {
       *       "model": "basket-rules",
       *       "fallbackProductId": "service-plan"
       *     }
       */
      nextBestOffer?: {
        [key: string]: unknown;
      } | null;
      /**
       * @description { amountMinor, currency }: what the campaign costs, for ROI
       * @example {
       *       "amountMinor": 25000,
       *       "currency": "EUR"
       *     }
       */
      cost?: {
        [key: string]: unknown;
      } | null;
      /**
       * @description email: { name, email, replyTo? }; sms: { smsSenderId } (up to 11 letters/digits, or a number)
       * @example {
       *       "name": "Autohaus",
       *       "email": "news@autohaus.example"
       *     }
       */
      sender?: {
        [key: string]: unknown;
      };
    };
    ScheduleCampaignDto: {
      /**
       * Format: date-time
       * @description When: a broadcast is sent then (required); a recurring one runs first then; a triggered one starts counting then (default now). Never in the past (422).
       */
      sendAt?: string;
    };
    MessageDto: {
      id: string;
      campaignId: string;
      contactId: string;
      /** @description `broadcast`, a trigger event id or an occurrence date */
      step: string;
      variant: string;
      /** @enum {string} */
      channel: 'email' | 'sms';
      productId: string | null;
      /**
       * @description dispatched: handed to the provider, answer pending; deferred: refused for now, retried; unknown: the provider may have it (never resent)
       * @enum {string}
       */
      status: 'dispatched' | 'deferred' | 'sent' | 'rejected' | 'unknown' | 'skipped';
      skipReason: string | null;
      attempts: number;
      /** @description SMTP / HTTP code of a refusal */
      outcomeCode: string | null;
      outcomeText: string | null;
      sentAt: string | null;
      /** @description Every open recorded, bots included */
      opens: number;
      clicks: number;
      /** @description First open counted in the rates */
      firstOpenedAt: string | null;
      firstClickedAt: string | null;
      unsubscribedAt: string | null;
      complainedAt: string | null;
      /** @enum {string|null} */
      bounced: 'hard' | 'soft' | null;
      createdAt: string;
      updatedAt: string;
    };
    MessagePage: {
      items: components['schemas']['MessageDto'][];
      /** @description Pass as cursor for the next page */
      nextCursor: string | null;
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
  AudienceController_contact: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        contactId: string;
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
          'application/json': components['schemas']['AudienceContactDto'];
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
  SegmentsController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        sort?: 'name' | '-createdAt' | 'createdAt' | '-updatedAt';
        status?: 'draft' | 'active' | 'archived';
        kind?: 'dynamic' | 'static';
        /** @description Words the name contains (any case) */
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
          'application/json': components['schemas']['SegmentPage'];
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
  SegmentsController_create: {
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
        'application/json': components['schemas']['CreateSegmentDto'];
      };
    };
    responses: {
      /** @description The new draft; ETag = version, Location */
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
            components['schemas']['SegmentDto'] | components['schemas']['ResourceVersion'];
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
  SegmentsController_catalogue: {
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
          'application/json': components['schemas']['FieldCatalogueDto'];
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
  SegmentsController_preview: {
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
        'application/json': components['schemas']['PreviewSegmentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SegmentPreviewDto'];
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
      /** @description Service Unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  SegmentsController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag the client holds; 304 without a body while it is current */
        'If-None-Match'?: components['parameters']['IfNoneMatch'];
      };
      path: {
        segmentId: string;
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
          'application/json': components['schemas']['SegmentDto'];
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
  SegmentsController_patch: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        segmentId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PatchSegmentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['SegmentDto'] | components['schemas']['ResourceVersion'];
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
  SegmentsController_activate: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        segmentId: string;
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
            components['schemas']['SegmentDto'] | components['schemas']['ResourceVersion'];
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
  SegmentsController_archive: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        segmentId: string;
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
            components['schemas']['SegmentDto'] | components['schemas']['ResourceVersion'];
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
      /** @description Precondition Failed */
      412: {
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
  MembershipController_members: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
      header?: never;
      path: {
        segmentId: string;
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
          'application/json': components['schemas']['SegmentMemberPage'];
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
  SegmentsController_members: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        segmentId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ListSegmentMembersDto'];
      };
    };
    responses: {
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | components['schemas']['SegmentMembersUploadDto']
            | components['schemas']['ResourceVersion'];
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
  MembershipController_counts: {
    parameters: {
      query?: {
        /** @description First instant (default: `to` minus 30 days, or 48 hours by the hour) */
        from?: string;
        /** @description Last instant (default: now) */
        to?: string;
        interval?: 'hour' | 'day';
      };
      header?: never;
      path: {
        segmentId: string;
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
          'application/json': components['schemas']['MemberCountsDto'];
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
  MembershipController_segmentsOf: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        contactId: string;
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
          'application/json': components['schemas']['ContactSegmentPage'];
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
  TemplatesController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        sort?: 'name' | '-createdAt' | 'createdAt' | '-updatedAt';
        channel?: 'email' | 'sms';
        status?: 'active' | 'archived';
        /** @description Words the name contains (any case) */
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
          'application/json': components['schemas']['TemplatePage'];
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
  TemplatesController_create: {
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
        'application/json': components['schemas']['CreateTemplateDto'];
      };
    };
    responses: {
      /** @description The new template; ETag = version, Location */
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
            components['schemas']['TemplateDto'] | components['schemas']['ResourceVersion'];
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
  TemplatesController_variables: {
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
          'application/json': components['schemas']['VariableCatalogueDto'];
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
  TemplatesController_previewDraft: {
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
        'application/json': components['schemas']['PreviewDraftDto'];
      };
    };
    responses: {
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RenderedMessageDto'];
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
  TemplatesController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag the client holds; 304 without a body while it is current */
        'If-None-Match'?: components['parameters']['IfNoneMatch'];
      };
      path: {
        templateId: string;
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
          'application/json': components['schemas']['TemplateDto'];
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
  TemplatesController_patch: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        templateId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PatchTemplateDto'];
      };
    };
    responses: {
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['TemplateDto'] | components['schemas']['ResourceVersion'];
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
  TemplatesController_archive: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        templateId: string;
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
            components['schemas']['TemplateDto'] | components['schemas']['ResourceVersion'];
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
      /** @description Precondition Failed */
      412: {
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
  TemplatesController_versionOf: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        templateId: string;
        n: string;
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
          'application/json': components['schemas']['TemplateVersionDto'];
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
  TemplatesController_preview: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        templateId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PreviewTemplateDto'];
      };
    };
    responses: {
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RenderedMessageDto'];
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
  OutboxController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        channel?: 'email' | 'sms';
        /** @description An email address (any case) or an E.164 number, exactly */
        recipient?: string;
        /** @description Only the messages of this campaign */
        campaignId?: string;
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
          'application/json': components['schemas']['OutboxPage'];
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
  OutboxController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        messageId: string;
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
          'application/json': components['schemas']['OutboxMessageDto'];
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
  CampaignController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        sort?: 'name' | '-createdAt' | 'createdAt' | '-updatedAt';
        status?: 'draft' | 'scheduled' | 'sending' | 'paused' | 'completed' | 'cancelled';
        kind?: 'broadcast' | 'triggered' | 'recurring';
        channel?: 'email' | 'sms';
        /** @description Words the name contains (any case) */
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
          'application/json': components['schemas']['CampaignPage'];
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
  CampaignController_create: {
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
        'application/json': components['schemas']['CreateCampaignDto'];
      };
    };
    responses: {
      /** @description The new draft; ETag = version, Location */
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
            components['schemas']['CampaignDto'] | components['schemas']['ResourceVersion'];
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
  CampaignController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag the client holds; 304 without a body while it is current */
        'If-None-Match'?: components['parameters']['IfNoneMatch'];
      };
      path: {
        campaignId: string;
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
          'application/json': components['schemas']['CampaignDto'];
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
  CampaignController_patch: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        campaignId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PatchCampaignDto'];
      };
    };
    responses: {
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['CampaignDto'] | components['schemas']['ResourceVersion'];
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
  CampaignController_stats: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        campaignId: string;
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
          'application/json': components['schemas']['CampaignStatsDto'];
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
  CampaignController_schedule: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        campaignId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ScheduleCampaignDto'];
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
            components['schemas']['CampaignDto'] | components['schemas']['ResourceVersion'];
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
  CampaignController_launch: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        campaignId: string;
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
            components['schemas']['CampaignDto'] | components['schemas']['ResourceVersion'];
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
  CampaignController_pause: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        campaignId: string;
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
            components['schemas']['CampaignDto'] | components['schemas']['ResourceVersion'];
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
  CampaignController_resume: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        campaignId: string;
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
            components['schemas']['CampaignDto'] | components['schemas']['ResourceVersion'];
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
  CampaignController_cancel: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        campaignId: string;
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
            components['schemas']['CampaignDto'] | components['schemas']['ResourceVersion'];
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
  MessagesController_ofContact: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        status?: 'dispatched' | 'deferred' | 'sent' | 'rejected' | 'unknown' | 'skipped';
      };
      header?: never;
      path: {
        contactId: string;
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
          'application/json': components['schemas']['MessagePage'];
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
  MessagesController_ofCampaign: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        status?: 'dispatched' | 'deferred' | 'sent' | 'rejected' | 'unknown' | 'skipped';
      };
      header?: never;
      path: {
        campaignId: string;
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
          'application/json': components['schemas']['MessagePage'];
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
}
