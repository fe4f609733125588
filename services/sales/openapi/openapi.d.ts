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
  '/leads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Leads in signed keyset pages: filters, search (q), sorts (default best score first)
     * @description status, source, ownerId and minScore/maxScore filter; q keeps leads whose name, email or company contains every word. nextCursor continues the same list and sort (a cursor of another sort, or a tampered one, is 400 naming cursor).
     *
     *     Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['LeadsController_list'];
    put?: never;
    /**
     * Capture a lead (web form, import, campaign response, referral, by hand); it is scored at once
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    post: operations['LeadsController_capture'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/leads/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Import leads from CSV (source "import"); every row is captured and scored, bad rows are reported, not fatal
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    post: operations['LeadsController_import'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/leads/{leadId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one lead
     * @description `asOf`: the record as it stood at that instant (no ETag); 404 if it did not exist yet, 400 naming asOf if malformed.
     *
     *     Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['LeadsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/leads/{leadId}/profile': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Replace the profile (If-Match); the lead is rescored
     * @description Roles: admin, sales-manager, sales-rep.
     */
    put: operations['LeadsController_updateProfile'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/leads/{leadId}/engagements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record an interaction or campaign click; the lead is rescored
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    post: operations['LeadsController_engage'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/leads/{leadId}/work': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start working a lead
     * @description Roles: admin, sales-manager, sales-rep.
     */
    post: operations['LeadsController_startWork'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/leads/{leadId}/qualify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Qualify a lead
     * @description Roles: admin, sales-manager, sales-rep.
     */
    post: operations['LeadsController_qualify'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/leads/{leadId}/disqualify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Disqualify a lead, recording why
     * @description Roles: admin, sales-manager, sales-rep.
     */
    post: operations['LeadsController_disqualify'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/leads/{leadId}/convert': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Convert a qualified lead: creates (or links) the contact and company and opens an opportunity
     * @description A process: the lead first records the conversion with every id it will create (deterministic), then, with CONTACTS_URL set, sales creates the company and then the contact through the contacts service's REST API (PUT create-if-absent, the caller's token, an Idempotency-Key per step), opens the opportunity and converts the lead. A refusal there is 422 and what was done is undone (the lead is qualified again). existingContactId / existingCompanyId link existing ones instead. contactCreated / companyCreated say whether the conversion created them. Without CONTACTS_URL only ids are recorded (both false). The same request again (a retry, or concurrent) answers the same conversion, 200 with the same ids; 202 while it is still under way (it is resumed in the background; GET /leads/{id}/conversion follows it). Another conversion of a converted lead is 409 LeadAlreadyConverted.
     *
     *     Roles: admin, sales-manager, sales-rep.
     */
    post: operations['LeadsController_convert'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/leads/{leadId}/conversion': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The lead's (last) conversion process: its steps done, attempts and last error
     * @description A conversion that could not finish yet shows here as pending (it is retried in the background), one refused on the way as compensated with the refusal.
     *
     *     Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['LeadsController_conversionStatus'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/leads/{leadId}/personal-data': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * GDPR erasure of a lead's personal data (crypto-shredded in the log, scrubbed from read models)
     * @description Roles: admin.
     */
    delete: operations['LeadsController_erase'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/pipelines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the tenant's pipelines with their stages
     * @description Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['PipelinesController_list'];
    put?: never;
    /**
     * Create a named pipeline with ordered stages and default win probabilities
     * @description Roles: admin, sales-manager.
     */
    post: operations['PipelinesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/pipelines/{pipelineId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one pipeline with its stages
     * @description Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['PipelinesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/pipelines/{pipelineId}/board': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The pipeline board: deals per stage with counts, sums and weighted sums
     * @description Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['PipelinesController_board'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/pipelines/{pipelineId}/stages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Revise the stages (If-Match); existing stages cannot be removed
     * @description Roles: admin, sales-manager.
     */
    put: operations['PipelinesController_revise'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/pipelines/{pipelineId}/name': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Rename a pipeline
     * @description Roles: admin, sales-manager.
     */
    put: operations['PipelinesController_rename'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/opportunities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Deals filtered and sorted, in keyset pages (nextCursor is valid for the same sort)
     * @description Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['OpportunitiesController_list'];
    put?: never;
    /**
     * Open a deal in a pipeline (first open stage unless given)
     * @description Roles: admin, sales-manager, sales-rep.
     */
    post: operations['OpportunitiesController_open'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/opportunities/mine': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The caller's open deals, closing soonest first
     * @description Roles: admin, sales-manager, sales-rep.
     */
    get: operations['OpportunitiesController_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/forecast': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Weighted forecast per period and owner with commit and best-case categories (minor units, per currency)
     * @description Roles: admin, sales-manager, sales-rep, analyst.
     */
    get: operations['OpportunitiesController_forecast'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/opportunities/{opportunityId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one opportunity (deal)
     * @description `asOf`: the record as it stood at that instant (no ETag); 404 if it did not exist yet, 400 naming asOf if malformed.
     *
     *     Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['OpportunitiesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change name, amount, currency, expected close date or forecast category (If-Match)
     * @description Roles: admin, sales-manager, sales-rep.
     */
    patch: operations['OpportunitiesController_update'];
    trace?: never;
  };
  '/opportunities/{opportunityId}/stage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Move to another open stage; skipping stages needs a reason (422 StageSkipRequiresReason)
     * @description Roles: admin, sales-manager, sales-rep.
     */
    post: operations['OpportunitiesController_changeStage'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/opportunities/{opportunityId}/probability': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Override a deal's probability, or return to the stage default
     * @description Roles: admin, sales-manager, sales-rep.
     */
    put: operations['OpportunitiesController_probability'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/opportunities/{opportunityId}/owner': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Give a deal to another owner
     * @description Roles: admin, sales-manager.
     */
    put: operations['OpportunitiesController_reassign'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/opportunities/{opportunityId}/line-items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Replace a deal's line items
     * @description Roles: admin, sales-manager, sales-rep.
     */
    put: operations['OpportunitiesController_lineItems'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/opportunities/{opportunityId}/win': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark a deal won
     * @description Roles: admin, sales-manager, sales-rep.
     */
    post: operations['OpportunitiesController_win'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/opportunities/{opportunityId}/lose': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark a deal lost, recording why
     * @description Roles: admin, sales-manager, sales-rep.
     */
    post: operations['OpportunitiesController_lose'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/opportunities/{opportunityId}/reopen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reopen a won or lost deal
     * @description Roles: admin, sales-manager, sales-rep.
     */
    post: operations['OpportunitiesController_reopen'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/activities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Activities of a contact, deal or lead (filters combine), newest first, keyset pages
     * @description Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['ActivitiesController_list'];
    put?: never;
    /**
     * Log a sales call, meeting or task (scheduled, or already held with its outcome)
     * @description Roles: admin, sales-manager, sales-rep.
     */
    post: operations['ActivitiesController_log'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/activities/due': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Overdue and due-soon open activities of an assignee (default: the caller)
     * @description Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['ActivitiesController_due'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/activities/{activityId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one activity
     * @description `asOf`: the record as it stood at that instant (no ETag); 404 if it did not exist yet, 400 naming asOf if malformed.
     *
     *     Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['ActivitiesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/activities/{activityId}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Complete an activity, recording its outcome
     * @description Roles: admin, sales-manager, sales-rep.
     */
    post: operations['ActivitiesController_complete'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/activities/{activityId}/reschedule': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Move the due time; unfired reminders move with it
     * @description Roles: admin, sales-manager, sales-rep.
     */
    post: operations['ActivitiesController_reschedule'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/activities/{activityId}/reminders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add a reminder to an activity
     * @description Roles: admin, sales-manager, sales-rep.
     */
    post: operations['ActivitiesController_addReminder'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/activities/{activityId}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel an activity
     * @description Roles: admin, sales-manager, sales-rep.
     */
    post: operations['ActivitiesController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List products
     * @description Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['ProductsController_list'];
    put?: never;
    /**
     * Create a product (active); the SKU must be unused in the tenant
     * @description Roles: admin, sales-manager.
     */
    post: operations['ProductsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/products/{productId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one product with its options
     * @description Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['ProductsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/products/{productId}/info': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Change a product's name, description and family
     * @description Roles: admin, sales-manager.
     */
    put: operations['ProductsController_info'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/products/{productId}/options': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Define the CPQ option groups (with price deltas) and rules (requires / excludes)
     * @description Roles: admin, sales-manager.
     */
    put: operations['ProductsController_options'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/products/{productId}/activate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Activate a product (it can be sold)
     * @description Roles: admin, sales-manager.
     */
    post: operations['ProductsController_activate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/products/{productId}/deactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Deactivate a product (it can no longer be sold)
     * @description Roles: admin, sales-manager.
     */
    post: operations['ProductsController_deactivate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/price-books': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List price books
     * @description Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['PriceBooksController_list'];
    put?: never;
    /**
     * Create a price book
     * @description Roles: admin, sales-manager.
     */
    post: operations['PriceBooksController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/price-books/{priceBookId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The price book listing: list price per product and currency
     * @description Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['PriceBooksController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/price-books/{priceBookId}/prices/{productId}/{currency}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set a product's price in one currency of a price book
     * @description Roles: admin, sales-manager.
     */
    put: operations['PriceBooksController_setPrice'];
    post?: never;
    /**
     * Remove a product's price in one currency from a price book
     * @description Roles: admin, sales-manager.
     */
    delete: operations['PriceBooksController_removePrice'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/configurations/validate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Check a configuration: 200 with `valid` and every broken rule
     * @description Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    post: operations['ConfigurationsController_validate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/configurations/price': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Price a configuration; a broken rule is a 422 problem listing every violation
     * @description Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    post: operations['ConfigurationsController_priced'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Products on sale (standard price book, active) with their options and list prices
     * @description Roles: customer.
     */
    get: operations['CustomerConfiguratorController_products'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/configurations/price': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Check and price a configuration: 200 with valid, every broken rule and the price
     * @description Roles: customer.
     */
    post: operations['CustomerConfiguratorController_price'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/quote-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ask for a quote for a valid configuration; it reaches your seller as a lead
     * @description A broken rule is 422 ConfigurationRuleBroken listing every violation. The request becomes a lead (source web_form) owned by your owner in the CRM, its interest naming the product and the options; retry safely with an Idempotency-Key.
     *
     *     Roles: customer.
     */
    post: operations['CustomerConfiguratorController_requestQuote'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/quotes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Quotes of a deal or contact (filters combine), newest first, keyset pages
     * @description Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['QuotesController_list'];
    put?: never;
    /**
     * Draft a quote for an open opportunity (customer taken from the deal)
     * @description Roles: admin, sales-manager, sales-rep.
     */
    post: operations['QuotesController_draft'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/quotes/{quoteId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The quote as JSON: configured lines, discounts, tax and totals in minor units
     * @description `asOf`: the record as it stood at that instant (no ETag); 404 if it did not exist yet, 400 naming asOf if malformed.
     *
     *     Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['QuotesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/quotes/{quoteId}/lines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add a configured product; broken CPQ rules are a 422, a discount above your role limit a 403
     * @description Roles: admin, sales-manager, sales-rep.
     */
    post: operations['QuotesController_addLine'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/quotes/{quoteId}/lines/{lineId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove a line from a draft quote
     * @description Roles: admin, sales-manager, sales-rep.
     */
    delete: operations['QuotesController_removeLine'];
    options?: never;
    head?: never;
    /**
     * Change a line of a draft quote
     * @description Roles: admin, sales-manager, sales-rep.
     */
    patch: operations['QuotesController_changeLine'];
    trace?: never;
  };
  '/quotes/{quoteId}/discount': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set a quote's discount (within the role's limit)
     * @description Roles: admin, sales-manager, sales-rep.
     */
    put: operations['QuotesController_discount'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/quotes/{quoteId}/terms': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a quote's tax rate or validity
     * @description Roles: admin, sales-manager, sales-rep.
     */
    patch: operations['QuotesController_terms'];
    trace?: never;
  };
  '/quotes/{quoteId}/send': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a quote to the customer
     * @description Roles: admin, sales-manager, sales-rep.
     */
    post: operations['QuotesController_send'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/quotes/{quoteId}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record that the customer rejected a quote
     * @description Roles: admin, sales-manager, sales-rep.
     */
    post: operations['QuotesController_reject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/quotes/{quoteId}/expire': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Expire a quote
     * @description Roles: admin, sales-manager, sales-rep.
     */
    post: operations['QuotesController_expire'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/quotes/{quoteId}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The customer accepted: the quote is accepted, its order placed and its opportunity won
     * @description Safe to retry: the order id is derived from the quote id. After the validity date: 409 QuoteExpired.
     *
     *     Roles: admin, sales-manager, sales-rep, integrator.
     */
    post: operations['QuotesController_accept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Orders of a contact, company or deal (filters combine), newest first, keyset pages
     * @description Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['OrdersController_list'];
    put?: never;
    /**
     * Place an order directly (e-commerce integration): priced from a price book
     * @description Prices come from `priceBookId` in `currency` (plus the chosen options), never from the body; discounts stay within your role limit as on quotes (403 DiscountAboveRoleLimit). An unknown product is a 422 UnknownProduct naming the line; no price in that book/currency a 409 NoListPrice.
     *
     *     Roles: admin, sales-manager, sales-rep, integrator.
     */
    post: operations['OrdersController_place'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/orders/{orderId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one order
     * @description `asOf`: the record as it stood at that instant (no ETag); 404 if it did not exist yet, 400 naming asOf if malformed.
     *
     *     Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['OrdersController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{contactId}/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A contact's purchase history, newest first (GET /orders?contactId=)
     * @description Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['OrdersController_ofContact'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/companies/{companyId}/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A company's purchase history, newest first (GET /orders?companyId=)
     * @description Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['OrdersController_ofCompany'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/orders/{orderId}/fulfil': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark an order fulfilled
     * @description Roles: admin, sales-manager, sales-rep, integrator.
     */
    post: operations['OrdersController_fulfil'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/orders/{orderId}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a placed order: no sale, so the deal it was won with becomes lost
     * @description The opportunity whose win placed this order moves to its lost stage (lostReason `order <id> cancelled: <reason>`), so forecast and board stop counting it; reopen it to sell again.
     *
     *     Roles: admin, sales-manager, sales-rep, integrator.
     */
    post: operations['OrdersController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/orders/{orderId}/return': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record that an order was returned
     * @description Roles: admin, sales-manager, sales-rep, integrator.
     */
    post: operations['OrdersController_returned'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/orders/imports/{importId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read an order import's progress and totals
     * @description Roles: admin, sales-manager.
     */
    get: operations['OrderImportsController_get'];
    /**
     * Import order history (CSV or JSON) under a client-chosen import id
     * @description Roles: admin, sales-manager.
     */
    put: operations['OrderImportsController_run'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/orders/imports/{importId}/rows': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read an order import's row outcomes
     * @description Roles: admin, sales-manager.
     */
    get: operations['OrderImportsController_rows'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/subjects/{contactId}/personal-data': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What sales holds about a contact (right of access; the contacts export gathers it)
     * @description Roles: admin, sales-manager.
     */
    get: operations['SubjectDataController_personalData'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/leads/{leadId}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A lead's changes, newest first
     * @description Each entry is one recorded fact: `version` (the ETag it made), `at`, `actor`, `event` and `changes` (`path`, `from`, `to` in the resource view). Personal data of an erased person reads "[erased]". `?asOf=<instant>` on the record GET reads the record as it stood then.
     *
     *     Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['RecordHistoryController_lead'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/opportunities/{opportunityId}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An opportunity's changes, newest first
     * @description Each entry is one recorded fact: `version` (the ETag it made), `at`, `actor`, `event` and `changes` (`path`, `from`, `to` in the resource view). Personal data of an erased person reads "[erased]". `?asOf=<instant>` on the record GET reads the record as it stood then.
     *
     *     Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['RecordHistoryController_opportunity'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/quotes/{quoteId}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A quote's changes, newest first
     * @description Each entry is one recorded fact: `version` (the ETag it made), `at`, `actor`, `event` and `changes` (`path`, `from`, `to` in the resource view). Personal data of an erased person reads "[erased]". `?asOf=<instant>` on the record GET reads the record as it stood then.
     *
     *     Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['RecordHistoryController_quote'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/activities/{activityId}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An activity's changes, newest first
     * @description Each entry is one recorded fact: `version` (the ETag it made), `at`, `actor`, `event` and `changes` (`path`, `from`, `to` in the resource view). Personal data of an erased person reads "[erased]". `?asOf=<instant>` on the record GET reads the record as it stood then.
     *
     *     Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['RecordHistoryController_activity'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/orders/{orderId}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An order's changes, newest first
     * @description Each entry is one recorded fact: `version` (the ETag it made), `at`, `actor`, `event` and `changes` (`path`, `from`, `to` in the resource view). Personal data of an erased person reads "[erased]". `?asOf=<instant>` on the record GET reads the record as it stood then.
     *
     *     Roles: admin, sales-manager, sales-rep, marketer, analyst, integrator.
     */
    get: operations['RecordHistoryController_order'];
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
    LeadProfileDto: {
      /** @example Ada Lovelace */
      name: string;
      /** @example ada@example.com */
      email?: string;
      /**
       * @description E.164
       * @example +4915112345678
       */
      phone?: string;
      /** @example Analytical Engines Ltd */
      company?: string;
      /** @example Head of Fleet */
      jobTitle?: string;
      /** @example Electric roadster */
      interest?: string;
    };
    CaptureLeadDto: {
      /** @enum {string} */
      source: 'web_form' | 'import' | 'campaign' | 'referral' | 'manual';
      /** @description Campaign that produced the lead */
      campaignId?: string;
      profile: components['schemas']['LeadProfileDto'];
      /** @description Sales rep owning the lead */
      ownerId?: string;
    };
    ScoreReasonDto: {
      rule: string;
      points: number;
      detail: string;
    };
    LeadDto: {
      id: string;
      name: string;
      email?: string;
      company?: string;
      /** @enum {string} */
      status: 'new' | 'working' | 'qualified' | 'converting' | 'converted' | 'disqualified';
      /** @enum {string} */
      source: 'web_form' | 'import' | 'campaign' | 'referral' | 'manual';
      score: number;
      ownerId?: string;
      /** Format: date-time */
      capturedAt: string;
      /**
       * Format: date-time
       * @description When the last event changed the lead
       */
      updatedAt: string;
      version: number;
      profile: components['schemas']['LeadProfileDto'];
      reasons: components['schemas']['ScoreReasonDto'][];
      interactions: number;
      campaignClicks: number;
      contactId?: string;
      opportunityId?: string;
      disqualifiedReason?: string;
    };
    ImportLeadsDto: {
      /**
       * @description CSV with a header row: name (required), email, phone, company, jobTitle, interest; at most 1000 rows
       * @example name,email,company
       *     Ada Lovelace,ada@example.com,Engines Ltd
       */
      csv: string;
      /** @description Campaign the list came from */
      campaignId?: string;
      /** @description Owner of every imported lead */
      ownerId?: string;
    };
    ImportRejectionDto: {
      /** @description Row number (the header is row 1) */
      row: number;
      /** @example InvalidEmail */
      code: string;
      detail: string;
    };
    ImportResultDto: {
      leadIds: string[];
      rejected: components['schemas']['ImportRejectionDto'][];
    };
    LeadSummaryDto: {
      id: string;
      name: string;
      email?: string;
      company?: string;
      /** @enum {string} */
      status: 'new' | 'working' | 'qualified' | 'converting' | 'converted' | 'disqualified';
      /** @enum {string} */
      source: 'web_form' | 'import' | 'campaign' | 'referral' | 'manual';
      score: number;
      ownerId?: string;
      /** Format: date-time */
      capturedAt: string;
      /**
       * Format: date-time
       * @description When the last event changed the lead
       */
      updatedAt: string;
      version: number;
    };
    LeadPage: {
      items: components['schemas']['LeadSummaryDto'][];
      /** @description Pass as cursor for the next page (same sort); null on the last page */
      nextCursor: string | null;
    };
    RecordEngagementDto: {
      /** @enum {string} */
      kind: 'interaction' | 'campaign-click';
      campaignId?: string;
      /** @description When it happened (default now) */
      at?: string;
    };
    StartWorkingDto: {
      /** @description Owner (default: the caller) */
      ownerId?: string;
    };
    DisqualifyLeadDto: {
      /** @example No budget this year */
      reason: string;
    };
    ConversionOpportunityDto: {
      pipelineId: string;
      /** @description Default: "<lead name> - <interest>" */
      name?: string;
      /**
       * @description Deal value in minor units (cents)
       * @example 4500000
       */
      amountMinor: number;
      /** @example EUR */
      currency: string;
      /** @example 2026-12-15 */
      expectedCloseDate: string;
    };
    ConvertLeadDto: {
      /** @description Link to this contact instead of creating one */
      existingContactId?: string;
      /** @description Link to this company instead of creating one */
      existingCompanyId?: string;
      opportunity: components['schemas']['ConversionOpportunityDto'];
    };
    LeadConvertedDto: {
      /** @description The converted lead */
      id: string;
      /** @description The conversion process (GET /leads/{id}/conversion) */
      conversionId: string;
      /**
       * @description converting: recorded and still under way (202); the ids are final already
       * @enum {string}
       */
      status: 'converted' | 'converting';
      contactId: string;
      /** @description True when this call created the contact in the contacts service; false when it linked existingContactId, or (without CONTACTS_URL) only minted the id */
      contactCreated: boolean;
      companyId?: string;
      /** @description True when this call created the company in the contacts service; false when it linked existingCompanyId, the lead names no company, or (without CONTACTS_URL) only minted the id */
      companyCreated: boolean;
      opportunityId: string;
      version: number;
    };
    LeadConversionDto: {
      /** @description The conversion (the conversionId its answer named) */
      id: string;
      leadId: string;
      /** @description 1, or more after conversions that were refused and undone */
      attempt: number;
      /**
       * @description pending: under way or waiting for a retry; compensated: refused and undone; failed: refused and could not be undone (an operator must look)
       * @enum {string}
       */
      status: 'pending' | 'compensating' | 'completed' | 'compensated' | 'failed';
      /** @description Steps done, in order */
      stepsDone: string[];
      /** @description Steps undone */
      compensated: string[];
      /** @description Runs that failed transiently (retried) */
      attempts: number;
      /** @description The last transient failure */
      lastError?: string;
      /** @description The refusal (problem details), when refused */
      refusal?: components['schemas']['ProblemDetails'];
      contactId: string;
      companyId?: string;
      opportunityId: string;
      /** @description When the next automatic attempt is due */
      nextAttemptAt: string;
      startedAt: string;
      updatedAt: string;
    };
    StageDto: {
      /** @example demo */
      stageId: string;
      /** @example Test drive */
      name: string;
      /** @enum {string} */
      kind: 'open' | 'won' | 'lost';
      /** @description Default win probability, whole percent */
      probability: number;
    };
    CreatePipelineDto: {
      /** @example New cars */
      name: string;
      /** @description Open stages in order, plus one won and one lost stage */
      stages: components['schemas']['StageDto'][];
    };
    PipelineDto: {
      id: string;
      name: string;
      stages: components['schemas']['StageDto'][];
      version: number;
    };
    PipelinePage: {
      items: components['schemas']['PipelineDto'][];
      /** @description Always null: the whole list is one page */
      nextCursor: string | null;
    };
    BoardDealDto: {
      /** @description The opportunity */
      id: string;
      name: string;
      /** @description Minor units (cents) */
      amountMinor: number;
      currency: string;
      probability: number;
      ownerId: string;
      contactId?: string | null;
      /** @description From the local copy of the contacts directory */
      contactName?: string | null;
      companyId?: string | null;
      /** @description From the local copy of the contacts directory */
      companyName?: string | null;
      closeDate: string;
    };
    BoardStageDto: {
      /** @example demo */
      stageId: string;
      /** @example Test drive */
      name: string;
      /** @enum {string} */
      kind: 'open' | 'won' | 'lost';
      /** @description Default win probability, whole percent */
      probability: number;
      count: number;
      /**
       * @description Sum of amounts per currency, minor units
       * @example {
       *       "EUR": 4500000
       *     }
       */
      amountMinor: {
        [key: string]: number;
      };
      /** @description Sum of amount x probability per currency, minor units */
      weightedMinor: {
        [key: string]: number;
      };
      /** @description At most 100 deals per stage, largest first */
      deals: components['schemas']['BoardDealDto'][];
    };
    BoardDto: {
      /** @description The pipeline */
      id: string;
      name: string;
      stages: components['schemas']['BoardStageDto'][];
    };
    ReviseStagesDto: {
      stages: components['schemas']['StageDto'][];
    };
    RenamePipelineDto: {
      name: string;
    };
    OpenOpportunityDto: {
      /** @example Roadster for Ada */
      name: string;
      pipelineId: string;
      /** @description Default: the first open stage */
      stageId?: string;
      /**
       * @description Minor units (cents)
       * @example 4500000
       */
      amountMinor: number;
      /** @example EUR */
      currency: string;
      /** @example 2026-12-15 */
      expectedCloseDate: string;
      /** @description Default: the caller */
      ownerId?: string;
      contactId?: string;
      companyId?: string;
    };
    LineItemDto: {
      productId: string;
      name: string;
      quantity: number;
      /** @description Minor units */
      unitPriceMinor: number;
    };
    StageVisitDto: {
      stageId: string;
      enteredAt: string;
    };
    OpportunityDto: {
      id: string;
      name: string;
      pipelineId: string;
      stageId: string;
      /** @enum {string} */
      status: 'open' | 'won' | 'lost';
      /** @description Minor units */
      amountMinor: number;
      currency: string;
      /** @description Effective probability (override or stage default) */
      probability: number;
      forecastCategory: string;
      expectedCloseDate: string;
      ownerId: string;
      contactId?: string;
      companyId?: string;
      lineItems: components['schemas']['LineItemDto'][];
      stageHistory: components['schemas']['StageVisitDto'][];
      orderId?: string;
      lostReason?: string;
      competitor?: string;
      version: number;
    };
    OpportunityPage: {
      items: components['schemas']['OpportunityDto'][];
      /** @description Pass as cursor for the next page (same sort); null on the last page */
      nextCursor: string | null;
    };
    MyOpenDealsPage: {
      items: components['schemas']['OpportunityDto'][];
      /** @description Always null: the whole list is one page */
      nextCursor: string | null;
    };
    ForecastRowDto: {
      /**
       * @description YYYY-MM or YYYY-Qn
       * @example 2026-Q4
       */
      period: string;
      /** @description null: all owners together */
      ownerId: string | null;
      currency: string;
      openDeals: number;
      /** @description Sum of open amounts (minor units) */
      pipelineMinor: number;
      /** @description Sum of amount x probability over open and won deals */
      weightedMinor: number;
      /** @description Won + commit */
      commitMinor: number;
      /** @description Won + commit + best case */
      bestCaseMinor: number;
      /** @description Won */
      closedMinor: number;
    };
    ChangeStageDto: {
      stageId: string;
      /** @description Required when skipping stages */
      reason?: string;
    };
    OverrideProbabilityDto: {
      /** @description null: back to the stage default */
      probability: number | null;
    };
    UpdateOpportunityDto: {
      name?: string;
      /** @description Minor units */
      amountMinor?: number;
      currency?: string;
      expectedCloseDate?: string;
      /**
       * @description null: derived from the probability again
       * @enum {string|null}
       */
      forecastCategory?: 'pipeline' | 'best-case' | 'commit' | 'omitted' | null;
    };
    ReassignDto: {
      ownerId: string;
    };
    SetLineItemsDto: {
      lineItems: components['schemas']['LineItemDto'][];
    };
    WinDto: {
      /** @description Required unless the deal is in the last open stage */
      reason?: string;
    };
    LoseDto: {
      reason: string;
      competitor?: string;
    };
    ReopenDto: {
      reason: string;
      /** @description Default: the stage it closed from */
      stageId?: string;
    };
    ReminderDto: {
      /** @description Default: generated */
      reminderId?: string;
      /** @example 2026-11-25T11:00:00Z */
      remindAt: string;
    };
    LogActivityDto: {
      /** @enum {string} */
      kind: 'call' | 'meeting' | 'task';
      /** @example Intro call */
      subject: string;
      /** @description Default: the caller */
      assigneeId?: string;
      /**
       * @default normal
       * @enum {string}
       */
      priority?: 'low' | 'normal' | 'high';
      contactId?: string;
      leadId?: string;
      opportunityId?: string;
      /**
       * @description Calls: E.164 number
       * @example +4915112345678
       */
      phone?: string;
      /**
       * @description Calls only: why it is made
       * @enum {string}
       */
      purpose?:
        | 'prospecting'
        | 'qualification'
        | 'discovery'
        | 'demo'
        | 'follow-up'
        | 'negotiation'
        | 'closing'
        | 'onboarding'
        | 'support'
        | 'other';
      /** @description Task due time, or call/meeting start */
      dueAt?: string;
      /** @description Meeting end */
      endsAt?: string;
      /**
       * @description IANA time zone
       * @example Europe/Berlin
       */
      timeZone?: string;
      location?: string;
      notes?: string;
      /** @description A call or meeting that already took place */
      heldAt?: string;
      /** @description Calls: one of connected, no-answer, busy, voicemail, failed, wrong-number (else 422); meetings: free text */
      outcome?: string;
      reminders?: components['schemas']['ReminderDto'][];
    };
    ActivityDto: {
      id: string;
      /** @enum {string} */
      kind: 'call' | 'meeting' | 'task';
      subject: string;
      /** @enum {string} */
      status: 'open' | 'completed' | 'cancelled';
      /** @enum {string} */
      dueStatus: 'completed' | 'cancelled' | 'unscheduled' | 'overdue' | 'due-soon' | 'upcoming';
      /** @enum {string} */
      priority: 'low' | 'normal' | 'high';
      assigneeId: string;
      contactId?: string;
      contactName?: string;
      leadId?: string;
      opportunityId?: string;
      phone?: string;
      /**
       * @description Calls: why it was made
       * @enum {string}
       */
      purpose?:
        | 'prospecting'
        | 'qualification'
        | 'discovery'
        | 'demo'
        | 'follow-up'
        | 'negotiation'
        | 'closing'
        | 'onboarding'
        | 'support'
        | 'other';
      dueAt?: string;
      endsAt?: string;
      timeZone?: string;
      location?: string;
      /** @description Logged notes, then those written on completion (gone once the person is erased) */
      notes?: string;
      /**
       * Format: date-time
       * @description When the call or meeting took place
       */
      heldAt?: string;
      /** Format: date-time */
      completedAt?: string;
      /** @description Calls: one of connected, no-answer, busy, voicemail, failed, wrong-number; meetings and tasks: free text */
      outcome?: string;
      reminders: components['schemas']['ReminderDto'][];
      firedReminderIds: string[];
      version: number;
    };
    ActivityPage: {
      items: components['schemas']['ActivityDto'][];
      /** @description Pass as cursor for the next page; null on the last page */
      nextCursor: string | null;
    };
    DueActivityPage: {
      items: components['schemas']['ActivityDto'][];
      /** @description Always null: the whole list is one page */
      nextCursor: string | null;
    };
    CompleteActivityDto: {
      /** @description Calls: one of connected, no-answer, busy, voicemail, failed, wrong-number (else 422); others: free text */
      outcome?: string;
      notes?: string;
      /** @description Calls and meetings: when it took place (default now) */
      heldAt?: string;
    };
    RescheduleActivityDto: {
      dueAt: string;
      endsAt?: string;
    };
    CancelActivityDto: {
      reason?: string;
    };
    CreateProductDto: {
      /** @example Roadster 2026 */
      name: string;
      description?: string;
      /** @example Cars */
      family?: string;
      /** @example RDST-2026 */
      sku: string;
    };
    ProductOptionDto: {
      /** @example paint-red */
      optionId: string;
      /** @example Racing red */
      name: string;
      /**
       * @description Price delta per currency in minor units (may be negative); empty = free
       * @example {
       *       "EUR": 80000
       *     }
       */
      priceDeltas: {
        [key: string]: number;
      };
      /** @description Chosen when the customer makes no choice in the group */
      isDefault?: boolean;
    };
    OptionGroupDto: {
      /** @example paint */
      groupId: string;
      /** @example paint colour */
      name: string;
      /** @description A choice must be made (explicitly or by default) */
      required: boolean;
      /**
       * @description single: at most one option of the group
       * @enum {string}
       */
      selection: 'single' | 'multiple';
      options: components['schemas']['ProductOptionDto'][];
    };
    ConfigurationRuleDto: {
      /** @enum {string} */
      kind: 'requires' | 'excludes';
      optionId: string;
      targetOptionId: string;
    };
    ConfigurationModelDto: {
      groups: components['schemas']['OptionGroupDto'][];
      rules: components['schemas']['ConfigurationRuleDto'][];
    };
    ProductDto: {
      id: string;
      sku: string;
      name: string;
      description?: string;
      family?: string;
      active: boolean;
      options: components['schemas']['ConfigurationModelDto'];
      version: number;
    };
    ProductPage: {
      items: components['schemas']['ProductDto'][];
      /** @description Always null: the whole list is one page */
      nextCursor: string | null;
    };
    ProductInfoDto: {
      /** @example Roadster 2026 */
      name: string;
      description?: string;
      /** @example Cars */
      family?: string;
    };
    CreatePriceBookDto: {
      /** @example Standard 2026 */
      name: string;
      isStandard?: boolean;
    };
    PriceBookEntryDto: {
      productId: string;
      sku: string;
      name: string;
      family?: string;
      active: boolean;
      currency: string;
      /** @description Minor units */
      amountMinor: number;
    };
    PriceBookDto: {
      id: string;
      name: string;
      isStandard: boolean;
      entries: components['schemas']['PriceBookEntryDto'][];
      version: number;
    };
    PriceBookSummaryDto: {
      id: string;
      name: string;
      isStandard: boolean;
    };
    PriceBookPage: {
      items: components['schemas']['PriceBookSummaryDto'][];
      /** @description Always null: the whole list is one page */
      nextCursor: string | null;
    };
    SetListPriceDto: {
      /**
       * @description List price in minor units (cents)
       * @example 3000000
       */
      amountMinor: number;
    };
    ConfigurationRequestDto: {
      productId: string;
      /** @description Price book holding the base (list) price */
      priceBookId: string;
      /** @example EUR */
      currency: string;
      /**
       * @example [
       *       "paint-red",
       *       "gear-auto"
       *     ]
       */
      optionIds: string[];
    };
    RuleViolationDto: {
      /** @enum {string} */
      code:
        | 'UnknownOption'
        | 'AtMostOnePerGroup'
        | 'GroupRequired'
        | 'Requires'
        | 'Excludes'
        | 'OptionNotPriced';
      message: string;
      groupId?: string;
      optionId?: string;
      targetOptionId?: string;
    };
    SelectedOptionDto: {
      groupId: string;
      optionId: string;
      name: string;
      /** @description Minor units */
      priceDeltaMinor: number;
      /** @description Chosen by the group default */
      defaulted: boolean;
    };
    PricedConfigurationDto: {
      valid: boolean;
      violations: components['schemas']['RuleViolationDto'][];
      currency: string;
      /** @description List price, minor units */
      basePriceMinor: number;
      selections: components['schemas']['SelectedOptionDto'][];
      /** @description List price + option deltas, minor units */
      unitPriceMinor: number;
    };
    ListPriceDto: {
      /** @example EUR */
      currency: string;
      /** @description Minor units (cents), before options */
      amountMinor: number;
    };
    ProductOnSaleDto: {
      id: string;
      sku: string;
      name: string;
      description?: string;
      family?: string;
      options: components['schemas']['ConfigurationModelDto'];
      listPrices: components['schemas']['ListPriceDto'][];
    };
    ProductOnSalePage: {
      items: components['schemas']['ProductOnSaleDto'][];
      /** @description Always null: one page */
      nextCursor: string | null;
    };
    CustomerConfigurationDto: {
      productId: string;
      /** @example EUR */
      currency: string;
      /**
       * @example [
       *       "paint-red",
       *       "gear-auto"
       *     ]
       */
      optionIds: string[];
    };
    QuoteRequestReceivedDto: {
      /** @description The request (the lead it became in the owner’s pipeline) */
      id: string;
      /** @enum {string} */
      status: 'received';
      configuration: components['schemas']['PricedConfigurationDto'];
    };
    DraftQuoteDto: {
      opportunityId: string;
      /** @description Default: the opportunity's currency */
      currency?: string;
      /**
       * @description Tax rate in basis points (1900 = 19 %)
       * @example 1900
       */
      taxRateBps: number;
      /**
       * @description Last day (UTC) the customer can accept
       * @example 2026-12-31
       */
      validUntil: string;
    };
    QuoteLineDto: {
      lineId: string;
      productId: string;
      sku: string;
      name: string;
      options: components['schemas']['SelectedOptionDto'][];
      quantity: number;
      /** @description Configured unit price, minor units */
      unitPriceMinor: number;
      discountBps: number;
      /** @description unit price x quantity */
      grossMinor: number;
      discountMinor: number;
      netMinor: number;
    };
    QuoteTotalsDto: {
      subtotalMinor: number;
      /** @description Overall discount */
      discountMinor: number;
      taxMinor: number;
      totalMinor: number;
    };
    QuoteDto: {
      id: string;
      opportunityId: string;
      contactId?: string;
      companyId?: string;
      /** @enum {string} */
      status: 'draft' | 'sent' | 'accepted' | 'rejected' | 'expired';
      currency: string;
      taxRateBps: number;
      discountBps: number;
      validUntil: string;
      lines: components['schemas']['QuoteLineDto'][];
      totals: components['schemas']['QuoteTotalsDto'];
      orderId?: string;
      version: number;
    };
    QuotePage: {
      items: components['schemas']['QuoteDto'][];
      /** @description Pass as cursor for the next page; null on the last page */
      nextCursor: string | null;
    };
    AddQuoteLineDto: {
      productId: string;
      /** @description Where the list price comes from */
      priceBookId: string;
      /** @description Chosen options; group defaults fill the rest */
      optionIds: string[];
      quantity: number;
      /**
       * @description Line discount in basis points, within your role limit
       * @default 0
       */
      discountBps?: number;
    };
    ChangeQuoteLineDto: {
      quantity?: number;
      discountBps?: number;
    };
    QuoteDiscountDto: {
      /** @description Overall discount in basis points, within your role limit */
      discountBps: number;
    };
    QuoteTermsDto: {
      taxRateBps?: number;
      validUntil?: string;
    };
    RejectQuoteDto: {
      reason?: string;
    };
    QuoteAcceptedDto: {
      /** @description The accepted quote */
      id: string;
      orderId: string;
      opportunityId: string;
      version: number;
    };
    PlaceOrderLineDto: {
      /** @description Default: the line number */
      lineId?: string;
      productId: string;
      /**
       * @description Chosen options of a configurable product; group defaults fill the rest
       * @default []
       */
      optionIds?: string[];
      quantity: number;
      /**
       * @description Line discount in basis points, within your role limit (as on quotes)
       * @default 0
       */
      discountBps?: number;
    };
    PlaceOrderDto: {
      contactId?: string;
      companyId?: string;
      /** @example EUR */
      currency: string;
      /** @description Where every line's list price comes from, in `currency` */
      priceBookId: string;
      /** @description Basis points (1900 = 19 %) */
      taxRateBps: number;
      /** @description Overall discount, basis points, within your role limit (as on quotes) */
      discountBps?: number;
      lines: components['schemas']['PlaceOrderLineDto'][];
    };
    OrderLineDto: {
      lineId: string;
      productId: string;
      sku: string;
      name: string;
      /** @description The configuration sold (absent on lines placed before it was kept) */
      options?: components['schemas']['SelectedOptionDto'][];
      quantity: number;
      /** @description Minor units (cents), from the price book or the quote */
      unitPriceMinor: number;
      /** @description Basis points */
      discountBps: number;
      /** @description unit price x quantity */
      grossMinor: number;
      /** @description Line discount */
      discountMinor: number;
      /** @description gross - discount */
      netMinor: number;
    };
    OrderDto: {
      id: string;
      /** @enum {string} */
      source: 'quote' | 'api' | 'import';
      /** @description Imported orders: the order's id in the system it came from */
      externalId?: string;
      /** @enum {string} */
      status: 'placed' | 'fulfilled' | 'cancelled' | 'returned';
      contactId?: string;
      companyId?: string;
      quoteId?: string;
      opportunityId?: string;
      currency: string;
      lines: components['schemas']['OrderLineDto'][];
      totals: components['schemas']['QuoteTotalsDto'];
      placedAt: string;
      version: number;
    };
    OrderPage: {
      items: components['schemas']['OrderDto'][];
      /** @description Pass as cursor for the next page; null on the last page */
      nextCursor: string | null;
    };
    OrderReasonDto: {
      reason: string;
    };
    OrderImportSummaryView: {
      importId: string;
      /** @enum {string} */
      status: 'running' | 'completed' | 'failed';
      dryRun: boolean;
      /** @description Rows processed so far (CSV rows, or JSON records) */
      processed: number;
      accepted: number;
      /** @description Rows of orders imported before with the same content */
      duplicate: number;
      /** @description Rows of orders imported before with other content */
      conflict: number;
      rejected: number;
      error?: {
        [key: string]: unknown;
      } | null;
      /** Format: date-time */
      startedAt: string;
      /** Format: date-time */
      finishedAt?: string | null;
    };
    OrderImportRowView: {
      row: number;
      /** @enum {string} */
      outcome: 'accepted' | 'duplicate' | 'conflict' | 'rejected';
      /** @description The order (its id in sales) */
      orderId?: string | null;
      externalId?: string | null;
      reasons: {
        [key: string]: unknown;
      }[];
    };
    OrderImportRowPage: {
      items: components['schemas']['OrderImportRowView'][];
      /** @description Pass as `after` for the next page (the last row number); null on the last page */
      nextCursor: string | null;
    };
    FieldChangeDto: {
      /** @description Dotted path in the resource view, e.g. `name.family` */
      path: string;
      /** @description The value before (null when absent) */
      from:
        | (string | null)
        | number
        | boolean
        | {
            [key: string]: unknown;
          }
        | unknown[];
      /** @description The value after (null when absent) */
      to:
        | (string | null)
        | number
        | boolean
        | {
            [key: string]: unknown;
          }
        | unknown[];
    };
    HistoryEntryDto: {
      /** @description The record version after this change (its ETag then) */
      version: number;
      /**
       * Format: date-time
       * @description When it happened (ISO-8601)
       */
      at: string;
      /** @description User id or system:<component> */
      actor: string | null;
      /** @description The fact recorded, e.g. OpportunityStageChanged */
      event: string;
      /** @description What changed in the resource view */
      changes: components['schemas']['FieldChangeDto'][];
    };
    HistoryPageDto: {
      /** @description Newest first */
      items: components['schemas']['HistoryEntryDto'][];
      /** @description Cursor of the next (older) page */
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
  LeadsController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        /** @description A score changes while a lead is worked: paging by score places a rescored lead where it now stands */
        sort?:
          | 'score'
          | '-score'
          | 'capturedAt'
          | '-capturedAt'
          | 'updatedAt'
          | '-updatedAt'
          | 'name'
          | '-name';
        /** @description Words found anywhere in the name, email or company (case-insensitive) */
        q?: string;
        /** @description Lowest score included */
        minScore?: number;
        /** @description Highest score included */
        maxScore?: number;
        status?: 'new' | 'working' | 'qualified' | 'converting' | 'converted' | 'disqualified';
        source?: 'web_form' | 'import' | 'campaign' | 'referral' | 'manual';
        ownerId?: string;
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
          'application/json': components['schemas']['LeadPage'];
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
  LeadsController_capture: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CaptureLeadDto'];
      };
    };
    responses: {
      /** @description The new lead; ETag = version, Location */
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
            components['schemas']['LeadDto'] | components['schemas']['ResourceVersion'];
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
  LeadsController_import: {
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
        'application/json': components['schemas']['ImportLeadsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportResultDto'];
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
  LeadsController_get: {
    parameters: {
      query?: {
        /** @description ISO-8601 instant with an offset: the record as it stood then (404 if it did not exist yet) */
        asOf?: string;
      };
      header?: {
        /** @description The ETag the client holds; 304 without a body while it is current */
        'If-None-Match'?: components['parameters']['IfNoneMatch'];
      };
      path: {
        leadId: string;
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
          'application/json': components['schemas']['LeadDto'];
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
  LeadsController_updateProfile: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        leadId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LeadProfileDto'];
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
            components['schemas']['LeadDto'] | components['schemas']['ResourceVersion'];
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
  LeadsController_engage: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        leadId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordEngagementDto'];
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
            components['schemas']['LeadDto'] | components['schemas']['ResourceVersion'];
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
  LeadsController_startWork: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        leadId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['StartWorkingDto'];
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
            components['schemas']['LeadDto'] | components['schemas']['ResourceVersion'];
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
  LeadsController_qualify: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        leadId: string;
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
            components['schemas']['LeadDto'] | components['schemas']['ResourceVersion'];
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
  LeadsController_disqualify: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        leadId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DisqualifyLeadDto'];
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
            components['schemas']['LeadDto'] | components['schemas']['ResourceVersion'];
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
  LeadsController_convert: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        leadId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ConvertLeadDto'];
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
            components['schemas']['LeadConvertedDto'] | components['schemas']['ResourceVersion'];
        };
      };
      /** @description Recorded, still under way */
      202: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['LeadConvertedDto'] | components['schemas']['ResourceVersion'];
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
  LeadsController_conversionStatus: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        leadId: string;
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
          'application/json': components['schemas']['LeadConversionDto'];
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
  LeadsController_erase: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        leadId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
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
  PipelinesController_list: {
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
          'application/json': components['schemas']['PipelinePage'];
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
  PipelinesController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreatePipelineDto'];
      };
    };
    responses: {
      /** @description The new pipeline; ETag = version, Location */
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
            components['schemas']['PipelineDto'] | components['schemas']['ResourceVersion'];
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
  PipelinesController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag the client holds; 304 without a body while it is current */
        'If-None-Match'?: components['parameters']['IfNoneMatch'];
      };
      path: {
        pipelineId: string;
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
          'application/json': components['schemas']['PipelineDto'];
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
  PipelinesController_board: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pipelineId: string;
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
          'application/json': components['schemas']['BoardDto'];
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
  PipelinesController_revise: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        pipelineId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReviseStagesDto'];
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
            components['schemas']['PipelineDto'] | components['schemas']['ResourceVersion'];
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
  PipelinesController_rename: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        pipelineId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RenamePipelineDto'];
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
            components['schemas']['PipelineDto'] | components['schemas']['ResourceVersion'];
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
  OpportunitiesController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        sort?:
          | 'expectedCloseDate'
          | '-expectedCloseDate'
          | 'amount'
          | '-amount'
          | 'createdAt'
          | '-createdAt'
          | 'updatedAt'
          | '-updatedAt';
        pipelineId?: string;
        stageId?: string;
        ownerId?: string;
        /** @description Default: every status */
        status?: 'open' | 'won' | 'lost';
        /** @description First expected close date included */
        expectedCloseFrom?: string;
        /** @description First expected close date excluded */
        expectedCloseTo?: string;
        /** @description Smallest amount included (minor units) */
        minAmountMinor?: number;
        /** @description Largest amount included (minor units) */
        maxAmountMinor?: number;
        contactId?: string;
        companyId?: string;
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
          'application/json': components['schemas']['OpportunityPage'];
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
  OpportunitiesController_open: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OpenOpportunityDto'];
      };
    };
    responses: {
      /** @description The new deal; ETag = version, Location */
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
            components['schemas']['OpportunityDto'] | components['schemas']['ResourceVersion'];
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
  OpportunitiesController_mine: {
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
          'application/json': components['schemas']['MyOpenDealsPage'];
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
  OpportunitiesController_forecast: {
    parameters: {
      query: {
        period: 'month' | 'quarter';
        /** @description First day included */
        from: string;
        /** @description First day excluded */
        to: string;
        ownerId?: string;
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
          'application/json': components['schemas']['ForecastRowDto'][];
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
  OpportunitiesController_get: {
    parameters: {
      query?: {
        /** @description ISO-8601 instant with an offset: the record as it stood then (404 if it did not exist yet) */
        asOf?: string;
      };
      header?: {
        /** @description The ETag the client holds; 304 without a body while it is current */
        'If-None-Match'?: components['parameters']['IfNoneMatch'];
      };
      path: {
        opportunityId: string;
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
          'application/json': components['schemas']['OpportunityDto'];
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
  OpportunitiesController_update: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        opportunityId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateOpportunityDto'];
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
            components['schemas']['OpportunityDto'] | components['schemas']['ResourceVersion'];
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
  OpportunitiesController_changeStage: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        opportunityId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangeStageDto'];
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
            components['schemas']['OpportunityDto'] | components['schemas']['ResourceVersion'];
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
  OpportunitiesController_probability: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        opportunityId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OverrideProbabilityDto'];
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
            components['schemas']['OpportunityDto'] | components['schemas']['ResourceVersion'];
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
  OpportunitiesController_reassign: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        opportunityId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReassignDto'];
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
            components['schemas']['OpportunityDto'] | components['schemas']['ResourceVersion'];
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
  OpportunitiesController_lineItems: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        opportunityId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetLineItemsDto'];
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
            components['schemas']['OpportunityDto'] | components['schemas']['ResourceVersion'];
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
  OpportunitiesController_win: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        opportunityId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WinDto'];
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
            components['schemas']['OpportunityDto'] | components['schemas']['ResourceVersion'];
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
  OpportunitiesController_lose: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        opportunityId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoseDto'];
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
            components['schemas']['OpportunityDto'] | components['schemas']['ResourceVersion'];
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
  OpportunitiesController_reopen: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        opportunityId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReopenDto'];
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
            components['schemas']['OpportunityDto'] | components['schemas']['ResourceVersion'];
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
  ActivitiesController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        contactId?: string;
        opportunityId?: string;
        leadId?: string;
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
          'application/json': components['schemas']['ActivityPage'];
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
  ActivitiesController_log: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LogActivityDto'];
      };
    };
    responses: {
      /** @description The new activity; ETag = version, Location */
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
            components['schemas']['ActivityDto'] | components['schemas']['ResourceVersion'];
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
  ActivitiesController_due: {
    parameters: {
      query?: {
        /** @description Default: the caller */
        assigneeId?: string;
        /** @description "Due soon" window in hours (default 24) */
        withinHours?: number;
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
          'application/json': components['schemas']['DueActivityPage'];
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
  ActivitiesController_get: {
    parameters: {
      query?: {
        /** @description ISO-8601 instant with an offset: the record as it stood then (404 if it did not exist yet) */
        asOf?: string;
      };
      header?: {
        /** @description The ETag the client holds; 304 without a body while it is current */
        'If-None-Match'?: components['parameters']['IfNoneMatch'];
      };
      path: {
        activityId: string;
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
          'application/json': components['schemas']['ActivityDto'];
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
  ActivitiesController_complete: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        activityId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CompleteActivityDto'];
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
            components['schemas']['ActivityDto'] | components['schemas']['ResourceVersion'];
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
  ActivitiesController_reschedule: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        activityId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RescheduleActivityDto'];
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
            components['schemas']['ActivityDto'] | components['schemas']['ResourceVersion'];
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
  ActivitiesController_addReminder: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        activityId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReminderDto'];
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
            components['schemas']['ActivityDto'] | components['schemas']['ResourceVersion'];
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
  ActivitiesController_cancel: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        activityId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CancelActivityDto'];
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
            components['schemas']['ActivityDto'] | components['schemas']['ResourceVersion'];
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
  ProductsController_list: {
    parameters: {
      query?: {
        family?: string;
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
          'application/json': components['schemas']['ProductPage'];
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
  ProductsController_create: {
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
        'application/json': components['schemas']['CreateProductDto'];
      };
    };
    responses: {
      /** @description The new product; ETag = version, Location */
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
            components['schemas']['ProductDto'] | components['schemas']['ResourceVersion'];
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
  ProductsController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag the client holds; 304 without a body while it is current */
        'If-None-Match'?: components['parameters']['IfNoneMatch'];
      };
      path: {
        productId: string;
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
          'application/json': components['schemas']['ProductDto'];
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
  ProductsController_info: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        productId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProductInfoDto'];
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
            components['schemas']['ProductDto'] | components['schemas']['ResourceVersion'];
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
  ProductsController_options: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        productId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ConfigurationModelDto'];
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
            components['schemas']['ProductDto'] | components['schemas']['ResourceVersion'];
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
  ProductsController_activate: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        productId: string;
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
            components['schemas']['ProductDto'] | components['schemas']['ResourceVersion'];
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
  ProductsController_deactivate: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        productId: string;
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
            components['schemas']['ProductDto'] | components['schemas']['ResourceVersion'];
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
  PriceBooksController_list: {
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
          'application/json': components['schemas']['PriceBookPage'];
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
  PriceBooksController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreatePriceBookDto'];
      };
    };
    responses: {
      /** @description The new price book; ETag = version, Location */
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
            components['schemas']['PriceBookDto'] | components['schemas']['ResourceVersion'];
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
  PriceBooksController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag the client holds; 304 without a body while it is current */
        'If-None-Match'?: components['parameters']['IfNoneMatch'];
      };
      path: {
        priceBookId: string;
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
          'application/json': components['schemas']['PriceBookDto'];
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
  PriceBooksController_setPrice: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        priceBookId: string;
        productId: string;
        currency: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetListPriceDto'];
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
            components['schemas']['PriceBookDto'] | components['schemas']['ResourceVersion'];
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
  PriceBooksController_removePrice: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        priceBookId: string;
        productId: string;
        currency: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['PriceBookDto'] | components['schemas']['ResourceVersion'];
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
  ConfigurationsController_validate: {
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
        'application/json': components['schemas']['ConfigurationRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PricedConfigurationDto'];
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
  ConfigurationsController_priced: {
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
        'application/json': components['schemas']['ConfigurationRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PricedConfigurationDto'];
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
  CustomerConfiguratorController_products: {
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
          'application/json': components['schemas']['ProductOnSalePage'];
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
      /** @description Conflict */
      409: {
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
  CustomerConfiguratorController_price: {
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
        'application/json': components['schemas']['CustomerConfigurationDto'];
      };
    };
    responses: {
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PricedConfigurationDto'];
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
  CustomerConfiguratorController_requestQuote: {
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
        'application/json': components['schemas']['CustomerConfigurationDto'];
      };
    };
    responses: {
      201: {
        headers: {
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QuoteRequestReceivedDto'];
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
  QuotesController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        opportunityId?: string;
        contactId?: string;
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
          'application/json': components['schemas']['QuotePage'];
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
  QuotesController_draft: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DraftQuoteDto'];
      };
    };
    responses: {
      /** @description The new quote; ETag = version, Location */
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
            components['schemas']['QuoteDto'] | components['schemas']['ResourceVersion'];
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
  QuotesController_get: {
    parameters: {
      query?: {
        /** @description ISO-8601 instant with an offset: the record as it stood then (404 if it did not exist yet) */
        asOf?: string;
      };
      header?: {
        /** @description The ETag the client holds; 304 without a body while it is current */
        'If-None-Match'?: components['parameters']['IfNoneMatch'];
      };
      path: {
        quoteId: string;
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
          'application/json': components['schemas']['QuoteDto'];
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
  QuotesController_addLine: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        quoteId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AddQuoteLineDto'];
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
            components['schemas']['QuoteDto'] | components['schemas']['ResourceVersion'];
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
  QuotesController_removeLine: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        quoteId: string;
        lineId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['QuoteDto'] | components['schemas']['ResourceVersion'];
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
  QuotesController_changeLine: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        quoteId: string;
        lineId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangeQuoteLineDto'];
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
            components['schemas']['QuoteDto'] | components['schemas']['ResourceVersion'];
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
  QuotesController_discount: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        quoteId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['QuoteDiscountDto'];
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
            components['schemas']['QuoteDto'] | components['schemas']['ResourceVersion'];
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
  QuotesController_terms: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        quoteId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['QuoteTermsDto'];
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
            components['schemas']['QuoteDto'] | components['schemas']['ResourceVersion'];
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
  QuotesController_send: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        quoteId: string;
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
            components['schemas']['QuoteDto'] | components['schemas']['ResourceVersion'];
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
  QuotesController_reject: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        quoteId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RejectQuoteDto'];
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
            components['schemas']['QuoteDto'] | components['schemas']['ResourceVersion'];
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
  QuotesController_expire: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        quoteId: string;
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
            components['schemas']['QuoteDto'] | components['schemas']['ResourceVersion'];
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
  QuotesController_accept: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        quoteId: string;
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
            components['schemas']['QuoteAcceptedDto'] | components['schemas']['ResourceVersion'];
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
  OrdersController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        contactId?: string;
        companyId?: string;
        opportunityId?: string;
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
          'application/json': components['schemas']['OrderPage'];
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
  OrdersController_place: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PlaceOrderDto'];
      };
    };
    responses: {
      /** @description The new order; ETag = version, Location */
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
            components['schemas']['OrderDto'] | components['schemas']['ResourceVersion'];
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
  OrdersController_get: {
    parameters: {
      query?: {
        /** @description ISO-8601 instant with an offset: the record as it stood then (404 if it did not exist yet) */
        asOf?: string;
      };
      header?: {
        /** @description The ETag the client holds; 304 without a body while it is current */
        'If-None-Match'?: components['parameters']['IfNoneMatch'];
      };
      path: {
        orderId: string;
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
          'application/json': components['schemas']['OrderDto'];
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
  OrdersController_ofContact: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
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
          'application/json': components['schemas']['OrderPage'];
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
  OrdersController_ofCompany: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
      header?: never;
      path: {
        companyId: string;
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
          'application/json': components['schemas']['OrderPage'];
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
  OrdersController_fulfil: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        orderId: string;
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
            components['schemas']['OrderDto'] | components['schemas']['ResourceVersion'];
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
  OrdersController_cancel: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        orderId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OrderReasonDto'];
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
            components['schemas']['OrderDto'] | components['schemas']['ResourceVersion'];
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
  OrdersController_returned: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        orderId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OrderReasonDto'];
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
            components['schemas']['OrderDto'] | components['schemas']['ResourceVersion'];
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
  OrderImportsController_get: {
    parameters: {
      query?: {
        /** @description Decide every order, append nothing (a dry run is kept apart from the real import) */
        dryRun?: string;
      };
      header?: never;
      path: {
        importId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Progress while running, totals when done */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrderImportSummaryView'];
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
  OrderImportsController_run: {
    parameters: {
      query?: {
        /** @description Decide every order, append nothing (a dry run is kept apart from the real import) */
        dryRun?: string;
      };
      header?: never;
      path: {
        importId: string;
      };
      cookie?: never;
    };
    /** @description text/csv: one row per order line, the rows of an order one after the other. application/x-ndjson: one order per line, or a JSON array of orders (both streamed). application/json: a JSON array of orders (read whole, within the request body limit). */
    requestBody: {
      content: {
        'text/csv': string;
        'application/x-ndjson': string;
        'application/json': string;
      };
    };
    responses: {
      /** @description Final report; rows via GET .../rows. The same id and file again replays it (Idempotent-Replay: true); the same id with another file is 422 OrderImportIdReused */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrderImportSummaryView'];
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
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Payload Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
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
  OrderImportsController_rows: {
    parameters: {
      query?: {
        /** @description Decide every order, append nothing (a dry run is kept apart from the real import) */
        dryRun?: string;
        outcome?: 'accepted' | 'duplicate' | 'conflict' | 'rejected';
        /** @description Rows after this row number */
        after?: number;
        limit?: number;
      };
      header?: never;
      path: {
        importId: string;
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
          'application/json': components['schemas']['OrderImportRowPage'];
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
  SubjectDataController_personalData: {
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
      /** @description Leads, deals, activities, quotes and orders of the person (empty lists if none) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
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
  RecordHistoryController_lead: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
      header?: never;
      path: {
        leadId: string;
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
          'application/json': components['schemas']['HistoryPageDto'];
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
  RecordHistoryController_opportunity: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
      header?: never;
      path: {
        opportunityId: string;
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
          'application/json': components['schemas']['HistoryPageDto'];
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
  RecordHistoryController_quote: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
      header?: never;
      path: {
        quoteId: string;
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
          'application/json': components['schemas']['HistoryPageDto'];
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
  RecordHistoryController_activity: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
      header?: never;
      path: {
        activityId: string;
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
          'application/json': components['schemas']['HistoryPageDto'];
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
  RecordHistoryController_order: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
      header?: never;
      path: {
        orderId: string;
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
          'application/json': components['schemas']['HistoryPageDto'];
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
