export interface paths {
  '/contacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List contacts, filtered and sorted, in signed cursor pages
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator, analyst.
     */
    get: operations['ContactsQueryController_list'];
    put?: never;
    /**
     * Register a contact (the server picks its id)
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    post: operations['ContactsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one contact (308 to the survivor when merged)
     * @description `asOf`: the contact as it stood at that instant, whatever its status then (no ETag; personal data of an erased contact reads "[erased]"); 404 if it did not exist yet.
     *
     *     Roles: admin, sales-manager, sales-rep, marketer, integrator, analyst.
     */
    get: operations['ContactsController_get'];
    /**
     * Create the contact under this id unless it exists (idempotent)
     * @description For callers that choose the id (lead conversion sends a deterministic UUID): 201 when this call created it; when the id names a contact already, the answer is that contact as GET answers it (200, 308 if merged, 410 if erased) and the body is not applied. A retry is always safe. The id must be a UUID.
     *
     *     Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    put: operations['ContactsController_createWithId'];
    post?: never;
    /**
     * Archive a contact
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    delete: operations['ContactsController_archive'];
    options?: never;
    head?: never;
    /**
     * Change a contact (JSON Merge Patch, RFC 7396)
     * @description Members left out stay as they are, `null` removes an optional member, nested objects (`name`, `demographics`, `bestTimeToCall`) merge into the current ones; arrays (`bestTimeToCall.windows`) are replaced whole. `{"name":{"given":"Ada"}}` keeps the family name.
     *
     *     Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    patch: operations['ContactsController_update'];
    trace?: never;
  };
  '/contacts/{id}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Archive a contact, recording why
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    post: operations['ContactsController_archiveWithReason'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{id}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restore an archived contact
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    post: operations['ContactsController_restore'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{id}/emails': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add an email address to a contact
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    post: operations['ContactsController_addEmail'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{id}/emails/{address}': {
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
     * Remove an email address from a contact
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    delete: operations['ContactsController_removeEmail'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{id}/phones': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add a phone number to a contact
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    post: operations['ContactsController_addPhone'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{id}/phones/{number}': {
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
     * Remove a phone number from a contact
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    delete: operations['ContactsController_removePhone'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{id}/addresses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add a postal address to a contact
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    post: operations['ContactsController_addAddress'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{id}/addresses/{addressId}': {
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
     * Remove a postal address from a contact
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    delete: operations['ContactsController_removeAddress'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{id}/tags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Tag a contact
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    post: operations['ContactsController_tag'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{id}/tags/{tag}': {
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
     * Remove a tag from a contact
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    delete: operations['ContactsController_untag'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{id}/custom-fields': {
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
     * Set or clear a contact's custom field values
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    patch: operations['ContactsController_setCustomFields'];
    trace?: never;
  };
  '/contacts/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search contacts by free text
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator, analyst.
     */
    get: operations['ContactsQueryController_search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{id}/consent': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a contact's consent per channel, with its history
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator, analyst.
     */
    get: operations['ConsentController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{id}/consent/{channel}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Record a consent decision (grant or withdrawal) for one channel
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    put: operations['ConsentController_decide'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{id}/interactions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Log an interaction (call, email, meeting, ...) with contacts
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    post: operations['InteractionsController_log'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/interactions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one interaction
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator, analyst.
     */
    get: operations['InteractionResourceController_get'];
    put?: never;
    post?: never;
    /**
     * Delete an interaction logged by mistake (it leaves the timeline)
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    delete: operations['InteractionResourceController_delete'];
    options?: never;
    head?: never;
    /**
     * Correct an interaction (JSON Merge Patch, RFC 7396)
     * @description Members left out stay, `null` removes an optional one, `call` and `feedback` merge into the current details; the result is checked like a new log (not in the future, call details on calls only). A new `kind` without `channel` takes that kind`s default channel. Participants are not corrected here. Nothing changed: 200 and no new version.
     *
     *     Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    patch: operations['InteractionResourceController_correct'];
    trace?: never;
  };
  '/contacts/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a contact's timeline, newest first, in signed cursor pages
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator, analyst.
     */
    get: operations['TimelineController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/duplicates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List likely duplicate pairs, strongest first
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator, analyst.
     */
    get: operations['DuplicatesController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{id}/duplicates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the likely duplicates of one contact
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator, analyst.
     */
    get: operations['DuplicatesController_forContact'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{id}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Merge a duplicate into this contact (the survivor)
     * @description Roles: admin, sales-manager.
     */
    post: operations['DuplicatesController_merge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{id}/erase': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Erase a contact's personal data (GDPR right to erasure)
     * @description Roles: admin, sales-manager.
     */
    post: operations['GdprController_erase'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{id}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Export all data held about a contact (GDPR subject access)
     * @description Roles: admin, sales-manager.
     */
    get: operations['GdprController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/companies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List companies in signed cursor pages
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator, analyst.
     */
    get: operations['CompaniesController_list'];
    put?: never;
    /**
     * Register a company (the server picks its id)
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    post: operations['CompaniesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/companies/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one company
     * @description `asOf`: the company as it stood at that instant (no ETag); 404 before it existed.
     *
     *     Roles: admin, sales-manager, sales-rep, marketer, integrator, analyst.
     */
    get: operations['CompaniesController_get'];
    /**
     * Create the company under this id unless it exists (idempotent)
     * @description For callers that choose the id (lead conversion sends a deterministic UUID): 201 when this call created it; when the id names a company already, the answer is that company as GET answers it (200) and the body is not applied. A retry is always safe. The id must be a UUID.
     *
     *     Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    put: operations['CompaniesController_createWithId'];
    post?: never;
    /**
     * Archive a company
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    delete: operations['CompaniesController_archive'];
    options?: never;
    head?: never;
    /**
     * Change a company (JSON Merge Patch)
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    patch: operations['CompaniesController_update'];
    trace?: never;
  };
  '/companies/{id}/addresses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add a postal address to a company
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    post: operations['CompaniesController_addAddress'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/companies/{id}/addresses/{addressId}': {
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
     * Remove a postal address from a company
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    delete: operations['CompaniesController_removeAddress'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/custom-fields': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the tenant's custom field definitions
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator, analyst.
     */
    get: operations['CustomFieldsController_list'];
    put?: never;
    /**
     * Define a custom field for contacts
     * @description Roles: admin.
     */
    post: operations['CustomFieldsController_define'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/custom-fields/{key}/options': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Replace the options of a choice custom field
     * @description Roles: admin.
     */
    put: operations['CustomFieldsController_changeOptions'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/custom-fields/{key}': {
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
     * Retire a custom field (its key cannot be reused)
     * @description Roles: admin.
     */
    delete: operations['CustomFieldsController_retire'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A contact's changes, newest first
     * @description Each entry is one recorded fact: `version` (the ETag it made), `at`, `actor`, `event` and `changes` (`path`, `from`, `to` in the resource view). Personal data of an erased person reads "[erased]". `?asOf=<instant>` on the record GET reads the record as it stood then.
     *
     *     Roles: admin, sales-manager, sales-rep, marketer, integrator, analyst.
     */
    get: operations['RecordHistoryController_contact'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/companies/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A company's changes, newest first
     * @description Each entry is one recorded fact: `version` (the ETag it made), `at`, `actor`, `event` and `changes` (`path`, `from`, `to` in the resource view). Personal data of an erased person reads "[erased]". `?asOf=<instant>` on the record GET reads the record as it stood then.
     *
     *     Roles: admin, sales-manager, sales-rep, marketer, integrator, analyst.
     */
    get: operations['RecordHistoryController_company'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read my own profile (customer touchpoint)
     * @description Roles: customer.
     */
    get: operations['CustomerTouchpointController_profile'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/consent/{channel}/withdrawal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Withdraw my consent for one channel (customer touchpoint)
     * @description Roles: customer.
     */
    put: operations['CustomerTouchpointController_withdraw'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/imports/{importId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read an import's summary
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator, analyst.
     */
    get: operations['ImportsController_get'];
    /**
     * Import contacts from a CSV file under a client-chosen import id
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator.
     */
    put: operations['ImportsController_run'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/imports/{importId}/rows': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read an import's row outcomes
     * @description Roles: admin, sales-manager, sales-rep, marketer, integrator, analyst.
     */
    get: operations['ImportsController_rows'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Export every contact of the tenant as JSON or CSV
     * @description Roles: admin, sales-manager.
     */
    get: operations['ContactExportController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
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
    PersonNameDto: {
      /** @example Ada */
      given?: string;
      /** @example Lovelace */
      family?: string;
    };
    EmailDto: {
      /** @example ada@example.com */
      address: string;
      /** @example work */
      label?: string;
      /** @description Make this the primary email (the first one is primary by default) */
      primary?: boolean;
    };
    PhoneDto: {
      /**
       * @description E.164
       * @example +4930123456
       */
      number: string;
      /** @example mobile */
      label?: string;
      primary?: boolean;
    };
    PostalAddressDto: {
      /** @description Client-chosen id; generated when absent */
      addressId?: string;
      /** @example home */
      label?: string;
      primary?: boolean;
      /**
       * @example [
       *       "12 St James Square"
       *     ]
       */
      lines: string[];
      /** @example London */
      city: string;
      region?: string;
      /** @example SW1Y 4LB */
      postalCode?: string;
      /**
       * @description ISO 3166-1 alpha-2
       * @example GB
       */
      country: string;
    };
    CallWindowDto: {
      /** @enum {string} */
      day: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
      /**
       * @description Local time HH:MM
       * @example 09:00
       */
      from: string;
      /**
       * @description Local time HH:MM, after `from`
       * @example 12:00
       */
      to: string;
    };
    BestTimeToCallDto: {
      /**
       * @description IANA time zone
       * @example Europe/Berlin
       */
      timeZone: string;
      windows: components['schemas']['CallWindowDto'][];
    };
    DemographicsDto: {
      /**
       * @description YYYY-MM-DD; not together with ageBand
       * @example 1815-12-10
       */
      birthDate?: string;
      /** @enum {string} */
      ageBand?: 'under-18' | '18-24' | '25-34' | '35-44' | '45-54' | '55-64' | '65-plus';
      /** @enum {string} */
      gender?: 'female' | 'male' | 'non-binary' | 'other' | 'undisclosed';
      /** @enum {string} */
      householdIncomeBand?: 'low' | 'lower-middle' | 'middle' | 'upper-middle' | 'high';
    };
    CreateContactDto: {
      name: components['schemas']['PersonNameDto'];
      emails?: components['schemas']['EmailDto'][];
      phones?: components['schemas']['PhoneDto'][];
      addresses?: components['schemas']['PostalAddressDto'][];
      bestTimeToCall?: components['schemas']['BestTimeToCallDto'];
      /** @enum {string} */
      preferredChannel?: 'email' | 'sms' | 'phone' | 'post';
      demographics?: components['schemas']['DemographicsDto'];
      /**
       * @example [
       *       "vip"
       *     ]
       */
      tags?: string[];
      /**
       * @description Values of the tenant's custom fields (keys match ^[a-z][a-z0-9_]{0,39}$)
       * @example {
       *       "loyalty_tier": "gold"
       *     }
       */
      customFields?: {
        [key: string]: unknown;
      };
      /** @description User id of the owner */
      ownerId?: string;
      /** @description Company id */
      companyId?: string;
      /**
       * @default subscriber
       * @enum {string}
       */
      lifecycleStage?: 'subscriber' | 'lead' | 'opportunity' | 'customer' | 'churned';
    };
    ContactView: {
      id: string;
      /** @description Stream version; also sent as ETag */
      version: number;
      /** @enum {string} */
      status: 'active' | 'archived';
      name: components['schemas']['PersonNameDto'];
      displayName: string;
      emails: components['schemas']['EmailDto'][];
      phones: components['schemas']['PhoneDto'][];
      addresses: components['schemas']['PostalAddressDto'][];
      bestTimeToCall?: components['schemas']['BestTimeToCallDto'];
      /** @enum {string} */
      preferredChannel?: 'email' | 'sms' | 'phone' | 'post';
      demographics?: components['schemas']['DemographicsDto'];
      tags: string[];
      customFields: {
        [key: string]: unknown;
      };
      ownerId?: string;
      companyId?: string;
      /** @description Name of the company (companyId), from the company record */
      companyName?: string;
      /** @enum {string} */
      lifecycleStage: 'subscriber' | 'lead' | 'opportunity' | 'customer' | 'churned';
      /**
       * Format: date-time
       * @description When the contact was registered
       */
      createdAt?: string;
      /**
       * Format: date-time
       * @description Last change to the contact or its consent (as lists show it)
       */
      updatedAt?: string;
    };
    UpdateContactDto: {
      name?: components['schemas']['PersonNameDto'];
      bestTimeToCall?: components['schemas']['BestTimeToCallDto'] | null;
      /** @enum {string|null} */
      preferredChannel?: 'email' | 'sms' | 'phone' | 'post' | null;
      demographics?: components['schemas']['DemographicsDto'] | null;
      ownerId?: string | null;
      companyId?: string | null;
      /** @enum {string} */
      lifecycleStage?: 'subscriber' | 'lead' | 'opportunity' | 'customer' | 'churned';
    };
    ArchiveContactDto: {
      reason?: string;
    };
    TagsDto: {
      /**
       * @example [
       *       "vip",
       *       "golf"
       *     ]
       */
      tags: string[];
    };
    CustomFieldValuesDto: {
      /**
       * @description Values to set; null clears a field
       * @example {
       *       "loyalty_tier": "gold",
       *       "shoe_size": null
       *     }
       */
      values: {
        [key: string]: unknown;
      };
    };
    ContactSummary: {
      id: string;
      displayName: string;
      primaryEmail?: string | null;
      primaryPhone?: string | null;
      companyId?: string | null;
      companyName?: string | null;
      ownerId?: string | null;
      /** @enum {string} */
      lifecycleStage: 'subscriber' | 'lead' | 'opportunity' | 'customer' | 'churned';
      tags: string[];
      /**
       * @example {
       *       "email": "granted"
       *     }
       */
      consent: {
        [key: string]: string;
      };
      customFields: {
        [key: string]: unknown;
      };
      /** @enum {string} */
      status: 'active' | 'archived';
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** @description Search relevance (search only) */
      score?: number;
    };
    ContactPage: {
      items: components['schemas']['ContactSummary'][];
      /** @description Pass as cursor for the next page; null on the last page */
      nextCursor?: string | null;
    };
    ChannelConsentView: {
      /** @enum {string} */
      status: 'granted' | 'withdrawn';
      legalBasis?: string;
      source: string;
      /** Format: date-time */
      at: string;
    };
    ConsentHistoryEntry: {
      channel: string;
      /** @enum {string} */
      status: 'granted' | 'withdrawn';
      legalBasis?: string;
      source: string;
      /** Format: date-time */
      at: string;
    };
    ConsentView: {
      contactId: string;
      /** @description Stream version of the consent record; ETag */
      version: number;
      channels: {
        [key: string]: components['schemas']['ChannelConsentView'];
      };
      /** @description Channels campaigns may use now */
      contactable: string[];
      history: components['schemas']['ConsentHistoryEntry'][];
    };
    ConsentDecisionDto: {
      /** @enum {string} */
      status: 'granted' | 'withdrawn';
      /**
       * @description Required when granting
       * @enum {string}
       */
      legalBasis?:
        | 'consent'
        | 'contract'
        | 'legal-obligation'
        | 'vital-interests'
        | 'public-task'
        | 'legitimate-interests';
      /**
       * @description Where the decision was captured
       * @example web-form:newsletter
       */
      source: string;
      reason?: string;
      /**
       * Format: date-time
       * @description When the person decided (default: now); at most 5 minutes (clock skew) later than now
       */
      decidedAt?: string;
    };
    CallDetailsDto: {
      /** @enum {string} */
      direction: 'inbound' | 'outbound';
      /**
       * @description E.164
       * @example +4930123456
       */
      from: string;
      /**
       * @description E.164
       * @example +14155552671
       */
      to: string;
      /** Format: date-time */
      startedAt: string;
      durationSeconds: number;
      purpose?: string;
      /** @enum {string} */
      outcome: 'connected' | 'no-answer' | 'busy' | 'voicemail' | 'failed' | 'wrong-number';
    };
    FeedbackDetailsDto: {
      /** @enum {string} */
      category: 'feedback' | 'issue' | 'complaint' | 'praise';
      rating?: number;
      /** @enum {string} */
      severity?: 'low' | 'medium' | 'high';
    };
    LogInteractionDto: {
      /** @enum {string} */
      kind: 'call' | 'email' | 'sms' | 'meeting' | 'note' | 'chat' | 'feedback';
      /**
       * @description Defaults from the kind (call -> phone, ...)
       * @enum {string}
       */
      channel?:
        | 'phone'
        | 'email'
        | 'sms'
        | 'post'
        | 'in-person'
        | 'video'
        | 'chat'
        | 'web'
        | 'social'
        | 'internal';
      /**
       * Format: date-time
       * @description When it happened (not in the future)
       */
      occurredAt: string;
      /** @enum {string} */
      direction?: 'inbound' | 'outbound';
      /** @description Other contacts who took part */
      otherContactIds?: string[];
      /** @description Employee involved (default: the caller) */
      userId?: string;
      subject?: string;
      body?: string;
      /** @description Required for calls */
      call?: components['schemas']['CallDetailsDto'];
      /** @description Required for feedback */
      feedback?: components['schemas']['FeedbackDetailsDto'];
    };
    InteractionLoggedView: {
      id: string;
      /** @description Stream version, also the ETag */
      version: number;
      /** @enum {string} */
      kind: 'call' | 'email' | 'sms' | 'meeting' | 'note' | 'chat' | 'feedback';
      /** @enum {string} */
      channel:
        | 'phone'
        | 'email'
        | 'sms'
        | 'post'
        | 'in-person'
        | 'video'
        | 'chat'
        | 'web'
        | 'social'
        | 'internal';
      /** Format: date-time */
      occurredAt: string;
      /** @enum {string} */
      direction?: 'inbound' | 'outbound';
      /** @description Who took part (erased people have left) */
      contactIds: string[];
      userId?: string;
      subject?: string;
      body?: string;
      call?: components['schemas']['CallDetailsDto'];
      feedback?: components['schemas']['FeedbackDetailsDto'];
      /** @description Same as `id` (kept for older clients) */
      interactionId: string;
    };
    InteractionView: {
      id: string;
      /** @description Stream version, also the ETag */
      version: number;
      /** @enum {string} */
      kind: 'call' | 'email' | 'sms' | 'meeting' | 'note' | 'chat' | 'feedback';
      /** @enum {string} */
      channel:
        | 'phone'
        | 'email'
        | 'sms'
        | 'post'
        | 'in-person'
        | 'video'
        | 'chat'
        | 'web'
        | 'social'
        | 'internal';
      /** Format: date-time */
      occurredAt: string;
      /** @enum {string} */
      direction?: 'inbound' | 'outbound';
      /** @description Who took part (erased people have left) */
      contactIds: string[];
      userId?: string;
      subject?: string;
      body?: string;
      call?: components['schemas']['CallDetailsDto'];
      feedback?: components['schemas']['FeedbackDetailsDto'];
    };
    CallDetailsPatchDto: {
      /** @enum {string} */
      direction?: 'inbound' | 'outbound';
      /**
       * @description E.164
       * @example +4930123456
       */
      from?: string;
      /**
       * @description E.164
       * @example +14155552671
       */
      to?: string;
      /** Format: date-time */
      startedAt?: string;
      durationSeconds?: number;
      purpose?: string;
      /** @enum {string} */
      outcome?: 'connected' | 'no-answer' | 'busy' | 'voicemail' | 'failed' | 'wrong-number';
    };
    FeedbackDetailsPatchDto: {
      /** @enum {string} */
      category?: 'feedback' | 'issue' | 'complaint' | 'praise';
      rating?: number;
      /** @enum {string} */
      severity?: 'low' | 'medium' | 'high';
    };
    CorrectInteractionDto: {
      /** @enum {string} */
      kind?: 'call' | 'email' | 'sms' | 'meeting' | 'note' | 'chat' | 'feedback';
      /**
       * @description Defaults from the kind (call -> phone, ...)
       * @enum {string}
       */
      channel?:
        | 'phone'
        | 'email'
        | 'sms'
        | 'post'
        | 'in-person'
        | 'video'
        | 'chat'
        | 'web'
        | 'social'
        | 'internal';
      /**
       * Format: date-time
       * @description When it happened (not in the future)
       */
      occurredAt?: string;
      /** @enum {string} */
      direction?: 'inbound' | 'outbound';
      /** @description Employee involved (default: the caller) */
      userId?: string;
      subject?: string;
      body?: string;
      /** @description Merges into the call details */
      call?: components['schemas']['CallDetailsPatchDto'];
      /** @description Merges into the feedback */
      feedback?: components['schemas']['FeedbackDetailsPatchDto'];
    };
    TimelineEntry: {
      entryId: string;
      /** @description contacts, sales, campaigns or aftersales */
      source: string;
      /** @example call */
      kind: string;
      channel?: string | null;
      direction?: string | null;
      /** Format: date-time */
      occurredAt: string;
      userId?: string | null;
      subject?: string | null;
      body?: string | null;
      details: {
        [key: string]: unknown;
      };
    };
    TimelinePage: {
      items: components['schemas']['TimelineEntry'][];
      nextCursor?: string | null;
    };
    DuplicatePairView: {
      contactId: string;
      displayName: string;
      duplicateId: string;
      duplicateDisplayName: string;
      score: number;
      /**
       * @example [
       *       "same-email"
       *     ]
       */
      reasons: string[];
    };
    MergeDto: {
      /** @description The contact to merge into this one (it then resolves to this one) */
      duplicateId: string;
    };
    CreateCompanyDto: {
      /** @example Analytical Engines Ltd */
      name: string;
      /** @example engines.example */
      domain?: string;
      /** @example Computing */
      industry?: string;
      /** @enum {string} */
      sizeBand?: '1-9' | '10-49' | '50-249' | '250-999' | '1000-4999' | '5000-plus';
      addresses?: components['schemas']['PostalAddressDto'][];
      /** @description Parent company id */
      parentCompanyId?: string;
    };
    CompanyView: {
      id: string;
      version: number;
      /** @enum {string} */
      status: 'active' | 'archived';
      name: string;
      domain?: string;
      industry?: string;
      /** @enum {string} */
      sizeBand?: '1-9' | '10-49' | '50-249' | '250-999' | '1000-4999' | '5000-plus';
      addresses: components['schemas']['PostalAddressDto'][];
      parentCompanyId?: string;
    };
    CompanyPage: {
      items: components['schemas']['CompanyView'][];
      nextCursor?: string | null;
    };
    UpdateCompanyDto: {
      name?: string;
      domain?: string | null;
      industry?: string | null;
      /** @enum {string|null} */
      sizeBand?: '1-9' | '10-49' | '50-249' | '250-999' | '1000-4999' | '5000-plus' | null;
      parentCompanyId?: string | null;
    };
    CustomFieldView: {
      key: string;
      label: string;
      /** @enum {string} */
      type: 'text' | 'number' | 'date' | 'boolean' | 'single-select' | 'multi-select';
      options?: string[];
    };
    DefineCustomFieldDto: {
      /**
       * @description snake_case, max 40
       * @example loyalty_tier
       */
      key: string;
      /** @example Loyalty tier */
      label: string;
      /** @enum {string} */
      type: 'text' | 'number' | 'date' | 'boolean' | 'single-select' | 'multi-select';
      /** @description Select types only */
      options?: string[];
    };
    CustomFieldOptionsDto: {
      options: string[];
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
    CustomerProfileView: {
      contact: components['schemas']['ContactView'];
      consent: components['schemas']['ConsentView'];
    };
    CustomerConsentWithdrawalDto: {
      reason?: string;
    };
    ImportSummaryView: {
      importId: string;
      /** @enum {string} */
      status: 'running' | 'completed' | 'failed';
      dryRun: boolean;
      processed: number;
      created: number;
      updated: number;
      unchanged: number;
      rejected: number;
      error?: {
        [key: string]: unknown;
      } | null;
      /** Format: date-time */
      startedAt: string;
      /** Format: date-time */
      finishedAt?: string | null;
    };
    ImportRowView: {
      row: number;
      /** @enum {string} */
      outcome: 'created' | 'updated' | 'unchanged' | 'rejected';
      contactId?: string | null;
      reasons: {
        [key: string]: unknown;
      }[];
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
  ContactsQueryController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        sort?: 'name' | '-name' | 'created' | '-created' | 'updated' | '-updated';
        tag?: string;
        /** @description Owner user id */
        owner?: string;
        /** @description Company id */
        company?: string;
        stage?: 'subscriber' | 'lead' | 'opportunity' | 'customer' | 'churned';
        /** @description <channel>:<granted|withdrawn|none> */
        consent?: string;
        /** @description <key>=<value> (text comparison) */
        customField?: string;
        status?: 'active' | 'archived' | 'all';
        createdFrom?: string;
        createdTo?: string;
        updatedFrom?: string;
        updatedTo?: string;
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
          'application/json': components['schemas']['ContactPage'];
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
  ContactsController_create: {
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
        'application/json': components['schemas']['CreateContactDto'];
      };
    };
    responses: {
      /** @description Created; ETag = version, Location = the new contact */
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
            components['schemas']['ContactView'] | components['schemas']['ResourceVersion'];
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
      /** @description Payload Too Large */
      413: {
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
  ContactsController_get: {
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
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description ETag = version */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactView'];
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
      /** @description Merged into another contact: Location names the survivor */
      308: {
        headers: {
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
      /** @description Gone */
      410: {
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
  ContactsController_createWithId: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateContactDto'];
      };
    };
    responses: {
      /** @description It existed: the contact as it is */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['ContactView'] | components['schemas']['ResourceVersion'];
        };
      };
      /** @description Created; ETag = version */
      201: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          Location: components['headers']['Location'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['ContactView'] | components['schemas']['ResourceVersion'];
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
      /** @description Gone */
      410: {
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
  ContactsController_archive: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Archived (soft delete); POST /contacts/{id}/restore undoes it */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['ContactView'] | components['schemas']['ResourceVersion'];
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
      /** @description Gone */
      410: {
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
  ContactsController_update: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateContactDto'];
        'application/merge-patch+json': components['schemas']['UpdateContactDto'];
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
            components['schemas']['ContactView'] | components['schemas']['ResourceVersion'];
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
      /** @description Gone */
      410: {
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
  ContactsController_archiveWithReason: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ArchiveContactDto'];
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
            components['schemas']['ContactView'] | components['schemas']['ResourceVersion'];
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
      /** @description Gone */
      410: {
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
  ContactsController_restore: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
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
            components['schemas']['ContactView'] | components['schemas']['ResourceVersion'];
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
      /** @description Gone */
      410: {
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
  ContactsController_addEmail: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EmailDto'];
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
            components['schemas']['ContactView'] | components['schemas']['ResourceVersion'];
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
      /** @description Gone */
      410: {
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
  ContactsController_removeEmail: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        id: string;
        address: string;
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
            components['schemas']['ContactView'] | components['schemas']['ResourceVersion'];
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
      /** @description Gone */
      410: {
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
  ContactsController_addPhone: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PhoneDto'];
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
            components['schemas']['ContactView'] | components['schemas']['ResourceVersion'];
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
      /** @description Gone */
      410: {
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
  ContactsController_removePhone: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        id: string;
        number: string;
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
            components['schemas']['ContactView'] | components['schemas']['ResourceVersion'];
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
      /** @description Gone */
      410: {
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
  ContactsController_addAddress: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PostalAddressDto'];
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
            components['schemas']['ContactView'] | components['schemas']['ResourceVersion'];
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
      /** @description Gone */
      410: {
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
  ContactsController_removeAddress: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        id: string;
        addressId: string;
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
            components['schemas']['ContactView'] | components['schemas']['ResourceVersion'];
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
      /** @description Gone */
      410: {
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
  ContactsController_tag: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TagsDto'];
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
            components['schemas']['ContactView'] | components['schemas']['ResourceVersion'];
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
      /** @description Gone */
      410: {
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
  ContactsController_untag: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        id: string;
        tag: string;
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
            components['schemas']['ContactView'] | components['schemas']['ResourceVersion'];
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
      /** @description Gone */
      410: {
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
  ContactsController_setCustomFields: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CustomFieldValuesDto'];
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
            components['schemas']['ContactView'] | components['schemas']['ResourceVersion'];
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
      /** @description Gone */
      410: {
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
  ContactsQueryController_search: {
    parameters: {
      query: {
        /** @description Words of a name, an email, a phone or a company */
        q: string;
        limit?: number;
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
          'application/json': components['schemas']['ContactSummary'][];
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
  ConsentController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag the client holds; 304 without a body while it is current */
        'If-None-Match'?: components['parameters']['IfNoneMatch'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Current decision per channel and the full history */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConsentView'];
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
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Gone */
      410: {
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
  ConsentController_decide: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        channel: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ConsentDecisionDto'];
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
            components['schemas']['ConsentView'] | components['schemas']['ResourceVersion'];
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
      /** @description Gone */
      410: {
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
  InteractionsController_log: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LogInteractionDto'];
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
            | components['schemas']['InteractionLoggedView']
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
      /** @description Gone */
      410: {
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
  InteractionResourceController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag the client holds; 304 without a body while it is current */
        'If-None-Match'?: components['parameters']['IfNoneMatch'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description ETag = version */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InteractionView'];
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
      /** @description Gone */
      410: {
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
  InteractionResourceController_delete: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted; later reads answer 410 */
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
      /** @description Gone */
      410: {
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
  InteractionResourceController_correct: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CorrectInteractionDto'];
        'application/merge-patch+json': components['schemas']['CorrectInteractionDto'];
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
            components['schemas']['InteractionView'] | components['schemas']['ResourceVersion'];
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
      /** @description Gone */
      410: {
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
  TimelineController_get: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        /** @description Only entries from this source */
        source?: 'contacts' | 'sales' | 'campaigns' | 'aftersales';
      };
      header?: never;
      path: {
        id: string;
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
          'application/json': components['schemas']['TimelinePage'];
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
      /** @description Gone */
      410: {
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
  DuplicatesController_list: {
    parameters: {
      query?: {
        limit?: number;
        minScore?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Candidate pairs, most likely first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DuplicatePairView'][];
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
  DuplicatesController_forContact: {
    parameters: {
      query?: {
        limit?: number;
        minScore?: number;
      };
      header?: never;
      path: {
        id: string;
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
          'application/json': components['schemas']['DuplicatePairView'][];
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
  DuplicatesController_merge: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MergeDto'];
      };
    };
    responses: {
      /** @description The survivor after the merge */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['ContactView'] | components['schemas']['ResourceVersion'];
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
      /** @description Gone */
      410: {
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
  GdprController_erase: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Erased (idempotent): personal data shredded in the log, read models purged */
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            erased?: string[];
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
  GdprController_export: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Everything the CRM holds about the person (right of access): this service`s record, consent, timeline and events, and under `services` what each configured service holds (sales: leads, deals, activities with notes, quotes, orders), asked with the same token */
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
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Gone */
      410: {
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
      /** @description Bad Gateway */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CompaniesController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        /** @description Name prefix or domain */
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
          'application/json': components['schemas']['CompanyPage'];
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
  CompaniesController_create: {
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
        'application/json': components['schemas']['CreateCompanyDto'];
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
            components['schemas']['CompanyView'] | components['schemas']['ResourceVersion'];
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
  CompaniesController_get: {
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
        id: string;
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
          'application/json': components['schemas']['CompanyView'];
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
  CompaniesController_createWithId: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateCompanyDto'];
      };
    };
    responses: {
      /** @description It existed: the company as it is */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['CompanyView'] | components['schemas']['ResourceVersion'];
        };
      };
      /** @description Created; ETag = version */
      201: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          Location: components['headers']['Location'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['CompanyView'] | components['schemas']['ResourceVersion'];
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
  CompaniesController_archive: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Archived */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['CompanyView'] | components['schemas']['ResourceVersion'];
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
  CompaniesController_update: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateCompanyDto'];
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
            components['schemas']['CompanyView'] | components['schemas']['ResourceVersion'];
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
  CompaniesController_addAddress: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description Makes a retry safe: the same key and body replays the stored answer, another body is 422 */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PostalAddressDto'];
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
            components['schemas']['CompanyView'] | components['schemas']['ResourceVersion'];
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
  CompaniesController_removeAddress: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on; a stale one answers 412 and writes nothing */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        id: string;
        addressId: string;
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
            components['schemas']['CompanyView'] | components['schemas']['ResourceVersion'];
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
  CustomFieldsController_list: {
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
          'application/json': components['schemas']['CustomFieldView'][];
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
  CustomFieldsController_define: {
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
        'application/json': components['schemas']['DefineCustomFieldDto'];
      };
    };
    responses: {
      /** @description The catalogue after the change */
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CustomFieldView'][];
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
  CustomFieldsController_changeOptions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CustomFieldOptionsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CustomFieldView'][];
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
  CustomFieldsController_retire: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
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
          'application/json': components['schemas']['CustomFieldView'][];
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
  RecordHistoryController_contact: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
      header?: never;
      path: {
        id: string;
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
  RecordHistoryController_company: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
      header?: never;
      path: {
        id: string;
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
  CustomerTouchpointController_profile: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description What the CRM holds about the caller */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CustomerProfileView'];
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
      /** @description Gone */
      410: {
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
  CustomerTouchpointController_withdraw: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channel: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CustomerConsentWithdrawalDto'];
      };
    };
    responses: {
      /** @description The channel is withdrawn at once */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Read-Your-Writes': components['headers']['ReadYourWrites'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['ConsentView'] | components['schemas']['ResourceVersion'];
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
      /** @description Gone */
      410: {
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
  ImportsController_get: {
    parameters: {
      query?: {
        /** @description Decide every row, append nothing (a dry run is kept apart from the real import) */
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
          'application/json': components['schemas']['ImportSummaryView'];
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
  ImportsController_run: {
    parameters: {
      query?: {
        /** @description Decide every row, append nothing (a dry run is kept apart from the real import) */
        dryRun?: string;
      };
      header?: never;
      path: {
        importId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'text/csv': string;
      };
    };
    responses: {
      /** @description Final report; rows via GET .../rows. The same id and file again replays it (Idempotent-Replay: true); the same id with another file is 422 ImportIdReused */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportSummaryView'];
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
  ImportsController_rows: {
    parameters: {
      query?: {
        /** @description Decide every row, append nothing (a dry run is kept apart from the real import) */
        dryRun?: string;
        outcome?: 'created' | 'updated' | 'unchanged' | 'rejected';
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
          'application/json': components['schemas']['ImportRowView'][];
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
  ContactExportController_export: {
    parameters: {
      query?: {
        format?: 'csv' | 'json';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description CSV (same columns the import reads, plus ids) or NDJSON, one contact per line */
      200: {
        headers: {
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
}
