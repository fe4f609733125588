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
  '/customers/{contactId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A customer summary
     * @description Lifecycle, demographics, purchase statistics (the models' inputs: frequency, recency, age, spend), holdings and campaign engagement, as analytics derived them from crm.contacts.v1, crm.sales.v1 and crm.campaigns.v1 (a moment behind those services). Scores, segment, CLV and recommendations are null until the models are fitted (`model.status`). 404: never heard of or merged away; 410: erased.
     *
     *     Roles: admin, analyst, sales-manager, marketer.
     */
    get: operations['CustomersController_customer'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/rfm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * RFM scores and segments
     * @description Per customer recency (days), frequency (standing orders) and monetary (spend, minor units) as of `asOf`, scored 1-5 by the tenant's quintiles, with the segment of rfm 0.3.0's example map; `segments` counts them. csv: one row per customer; chart: customers per segment.
     *
     *     Roles: admin, analyst, sales-manager, marketer.
     */
    get: operations['CustomerValueController_rfmReport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/rfm/movement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * RFM segment movement between two dates
     * @description Customers by (segment on `from`, segment on `to`), "Not a customer" for newcomers and leavers; chart: heatmap.
     *
     *     Roles: admin, analyst, sales-manager, marketer.
     */
    get: operations['CustomerValueController_movement'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/lifetime-value': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Customer lifetime value (BG/NBD + Gamma-Gamma)
     * @description The current stored fit (parameters, log-likelihood, fitted at, age, `stale` when older than twice the fit interval) and per customer P(alive), expected purchases in the next `weeks`, expected value per purchase and CLV over `months` at a monthly `discountRate`, in the customer's currency (minor units), keyset-paged by CLV descending (`after` = `nextCursor`). `fit` is null before the first fit. Chart: CLV histogram.
     *
     *     Roles: admin, analyst, sales-manager, marketer.
     */
    get: operations['CustomerValueController_lifetimeValue'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/lifetime-value/calibration': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * BG/NBD calibration vs holdout
     * @description BG/NBD fitted on the orders up to `calibrationEnd`, then per calibration frequency (0 … 7+) the mean expected vs actual repeat purchases from the day after to today. Chart: scatter with y = x.
     *
     *     Roles: admin, analyst, sales-manager, marketer.
     */
    get: operations['CustomerValueController_calibration'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/propensity': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Propensity to buy a product family (logistic regression)
     * @description The stored model of `family` (default: the first modelled family by name): coefficients with standard errors on the standardised features, holdout AUC, training size, fitted at, age and `stale`; `status` `insufficient-data` says why it cannot fit, `not-fitted` before the first fit. Rows: the `limit` customers most likely to buy the family within the window, best first; `families` lists every modelled family. Chart: the distribution of every customer’s score.
     *
     *     Roles: admin, analyst, sales-manager, marketer.
     */
    get: operations['PropensityController_propensity'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/forecast-accuracy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The forecast at each period start against what closed won in the period
     * @description Per month or quarter starting from `from` to `to`, per currency: the deals open at the period's start (by stage history) expected to close in it, weighted by the win rate of the stage each stood in then, against the amount won in the period. Amounts and close dates are as they stand now (the tables keep no history of them); see the feature README.
     *
     *     Roles: admin, analyst, sales-manager, marketer.
     */
    get: operations['SalesFunnelController_forecastAccuracy'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/pipeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Weighted pipeline by period of expected close, owner and forecast category
     * @description Open deals as they stand now by period (month or quarter) of expected close, owner, currency and forecast category as sales publishes it (pipeline, best-case, commit, omitted): deals, amount and weighted amount (amount x probability, minor units); plus `closed-won` per period of winning from the period of `asOf` (default today, UTC) on. Never summed across currencies.
     *
     *     Roles: admin, analyst, sales-manager, marketer.
     */
    get: operations['SalesFunnelController_pipeline'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/funnel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The sales funnel of the leads captured in a window
     * @description Leads captured from `from` to `to` (UTC days, both included) -> qualified (or converted) -> converted -> each stage their deals entered (most deals first) -> won, with counts, the share of the previous step and of the leads; per source, owner or pipeline with `groupBy`.
     *
     *     Roles: admin, analyst, sales-manager, marketer.
     */
    get: operations['SalesFunnelController_funnelReport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/sales-performance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Win rate, deal size, sales cycle, time in stage and the rep leaderboard
     * @description Deals won or lost (as they stand now) from `from` to `to` (UTC days, both included). `view=periods` (default): per month or quarter of closing; `view=owners`: per owner; per currency within each (amounts in minor units are never added across currencies; the win rate counts every currency of the row's period or owner). Sales cycle: opened -> won in days. `view=stages`: time in each stage (next stage entry - this one) of entries in the window.
     *
     *     Roles: admin, analyst, sales-manager, marketer.
     */
    get: operations['SalesFunnelController_salesPerformance'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/basket/rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Association rules (market basket)
     * @description Rules X => y over the tenant's standing orders (cancelled and returned ones excluded), by product or by product family, from the current stored fit (FP-growth at the fit's thresholds, `fit.parameters`): support, confidence, coverage, lift, leverage, conviction (null = never fails), count. Filtered by `minSupport`, `minConfidence`, `minLift`, sorted by `sort`, at most `limit`. `status`: `not-fitted`, `insufficient-data` (with `reason`) or `fitted`; `fit.ageSeconds` and `fit.stale` say how old the rules are. Chart: support vs confidence, coloured by lift.
     *
     *     Roles: admin, analyst, sales-manager, marketer.
     */
    get: operations['BasketController_rules'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/basket/products/{productId}/bought-together': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Bought together with a product
     * @description The stored product rules whose antecedent is this product alone ({product} => y), best first (lift, confidence, count): what else baskets holding it hold, and how much more often than all baskets. 404: analytics has never heard of the product. Chart: support vs confidence, coloured by lift.
     *
     *     Roles: admin, analyst, sales-manager, marketer.
     */
    get: operations['BasketController_boughtTogether'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/demand': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Demand forecast per product or price band
     * @description Monthly quantities of standing order lines (UTC months, up to the last complete month) with a Holt-Winters forecast chosen by AIC (additive or multiplicative season, with or without trend; non-seasonal with fewer than two years), the 95% prediction interval for `horizon` months and the backtest error (MAPE, sMAPE, MASE of one-step forecasts over the last season, at most a quarter of the history). From the newest stored fit (`fit`: version, fitted at, age, `stale`; null before the first fit). Without `productId` or `priceBand`: every series with its model and MAPE (chart: MAPE per series). Price bands are quartiles of unit prices per currency (`EUR-1` cheapest).
     *
     *     Roles: admin, analyst, sales-manager, marketer.
     */
    get: operations['DemandController_report'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/campaign-results': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Campaign results per campaign, variant, channel or segment
     * @description Messages handed to the provider between `from` and `to` (UTC days, both included) grouped by `groupBy`: attempted, sent (accepted), delivered (accepted, never bounced), bounced (hard and soft), spam complaints, outcome unknown, opened, clicked, unsubscribed (first times), conversions (messages whose recipient placed a standing order within ANALYTICS_CONVERSION_WINDOW_DAYS after the send), revenue of those orders (minor units), rates (delivery and bounce per attempted, the others per sent). By segment: the segments the recipient was in when the message was sent. `costMinor` and `roi` are null until campaigns publishes a cost (`notes`). Chart: delivered, opened, clicked and converted per group.
     *
     *     Roles: admin, analyst, sales-manager, marketer.
     */
    get: operations['CampaignResultsController_results'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/service': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Service KPIs per period and category, priority or product
     * @description Cases opened between `from` and `to` (UTC days, both included) per `interval` and `groupBy`: volume, resolved, resolution time (median and mean hours from opened to the latest resolution), SLA breaches (first response, resolution), CSAT (mean of 1-5 and count), reopen rate, failures and MTBF (mean days between failure cases of the same asset). First-response time is not published by after-sales (`notes`). Chart: opened, resolved, breached and reopened cases per group (per period: opened cases per group).
     *
     *     Roles: admin, analyst, sales-manager, marketer.
     */
    get: operations['ServiceKpisController_service'];
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
    CustomerDemographicsDto: {
      /**
       * @description As published, or from the birth date on the day of the request
       * @example 35-44
       */
      ageBand?: string;
      /** @example female */
      gender?: string;
      /** @example upper-middle */
      incomeBand?: string;
    };
    CustomerPurchasesDto: {
      /** @description Standing orders (placed or fulfilled) */
      ordersCount: number;
      /**
       * @description The currency of most standing orders
       * @example EUR
       */
      currency?: string;
      /** Format: date-time */
      firstPurchaseAt?: string;
      /** Format: date-time */
      lastPurchaseAt?: string;
      /** @description Distinct purchase days (UTC) */
      purchaseDays: number;
      /** @description Purchase days after the first (BG/NBD frequency x) */
      repeatPurchases: number;
      /** @description Days from the first to the last purchase day (t_x) */
      recencyDays?: number;
      /** @description Days from the first purchase day to today (T), by the service clock */
      ageDays?: number;
      /** @description Sum of the standing orders in `currency`, minor units */
      totalSpentMinor: number;
      /** @description Mean order total in `currency`, minor units */
      averageOrderMinor?: number;
      /** @description Mean value of the repeat purchase days (Gamma-Gamma m), minor units */
      averageRepeatDayMinor?: number;
      /** @description Units on standing order lines */
      unitsBought: number;
    };
    HeldProductDto: {
      productId: string;
      sku?: string;
      name?: string;
      family?: string;
    };
    CustomerHoldingsDto: {
      /** @description Products on standing orders */
      products: components['schemas']['HeldProductDto'][];
      /**
       * @example [
       *       "Cars"
       *     ]
       */
      families: string[];
    };
    CustomerEngagementDto: {
      messagesSent: number;
      messagesOpened: number;
      messagesClicked: number;
      unsubscribes: number;
      /** Format: date-time */
      lastEngagedAt?: string;
    };
    ModelStatusDto: {
      /**
       * @description The current lifetime-value fit behind P(alive), churn risk and CLV
       * @enum {string}
       */
      status: 'not-fitted' | 'fitted' | 'insufficient-data';
      /**
       * @description Why not fitted, or which fit
       * @example not fitted yet
       */
      detail: string;
      /** @description Fit version */
      version?: number;
      /** Format: date-time */
      fittedAt?: string;
      /** @description Seconds since the fit, by the service clock */
      ageSeconds?: number;
      /** @description Older than twice the fit interval */
      stale?: boolean;
    };
    RfmScoresDto: {
      r: number;
      f: number;
      m: number;
    };
    PropensityScoreDto: {
      /** @example Cars */
      family: string;
      score: number;
      /** @description Days the probability is about */
      windowDays: number | null;
      modelVersion: number;
      /** Format: date-time */
      scoredAt: string;
      /** @description The model's holdout ROC AUC */
      holdoutAuc: number | null;
    };
    CustomerSummaryDto: {
      contactId: string;
      /** @example customer */
      lifecycleStage?: string;
      /** @enum {string} */
      status?: 'active' | 'archived';
      /** Format: date-time */
      registeredAt?: string;
      demographics: components['schemas']['CustomerDemographicsDto'];
      purchases: components['schemas']['CustomerPurchasesDto'];
      holdings: components['schemas']['CustomerHoldingsDto'];
      engagement: components['schemas']['CustomerEngagementDto'];
      model: components['schemas']['ModelStatusDto'];
      /** @description RFM segment today (rfm 0.3.0's map; null with fewer than 5 customers) */
      segment: string | null;
      /** @description RFM scores r, f, m today */
      rfm: components['schemas']['RfmScoresDto'] | null;
      /** @description P(alive) (BG/NBD, after a fit) */
      probabilityAlive: number | null;
      /** @description Churn risk 1 - P(alive) */
      churnRisk: number | null;
      /** @description Lifetime value over 12 months at 1 % a month, minor units (after a fit) */
      clvMinor: number | null;
      /** @description Propensity to buy per modelled family (empty before a fit) */
      propensity: components['schemas']['PropensityScoreDto'][];
      /** @description Next best offers (product ids) */
      recommendations: string[] | null;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
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
  CustomersController_customer: {
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
          'application/json': components['schemas']['CustomerSummaryDto'];
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
  CustomerValueController_rfmReport: {
    parameters: {
      query?: {
        format?: 'json' | 'csv' | 'vega-lite' | 'svg';
        /** @description Score as of this UTC day (default today) */
        asOf?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
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
  CustomerValueController_movement: {
    parameters: {
      query?: {
        format?: 'json' | 'csv' | 'vega-lite' | 'svg';
        /** @description First date (default 90 days before `to`) */
        from?: string;
        /** @description Second date (default today) */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
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
  CustomerValueController_lifetimeValue: {
    parameters: {
      query?: {
        format?: 'json' | 'csv' | 'vega-lite' | 'svg';
        /** @description Horizon of expected purchases, weeks */
        weeks?: number;
        /** @description CLV horizon, months */
        months?: number;
        /** @description Monthly discount rate */
        discountRate?: number;
        limit?: number;
        /** @description nextCursor of the previous page */
        after?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
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
  CustomerValueController_calibration: {
    parameters: {
      query?: {
        format?: 'json' | 'csv' | 'vega-lite' | 'svg';
        /** @description Last day of the calibration period; the holdout runs to today */
        calibrationEnd?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
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
  PropensityController_propensity: {
    parameters: {
      query?: {
        /** @description Target product family (default: the first modelled family by name) */
        family?: string;
        /** @description Top-scored customers */
        limit?: number;
        format?: 'json' | 'csv' | 'vega-lite' | 'svg';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
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
  SalesFunnelController_forecastAccuracy: {
    parameters: {
      query: {
        /** @description First UTC day included */
        from: string;
        /** @description Last UTC day included (not before from) */
        to: string;
        format?: 'json' | 'csv' | 'vega-lite' | 'svg';
        interval?: 'month' | 'quarter';
        /** @description periods: per period of closing; owners: the rep leaderboard; stages: time in stage */
        view?: 'periods' | 'owners' | 'stages';
        /** @description Only deals in this currency; default: each */
        currency?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description `{ columns, rows }`, CSV, a Vega-Lite spec or SVG */
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
  SalesFunnelController_pipeline: {
    parameters: {
      query?: {
        /** @description Day the closed-won part counts from (its period's start); default today (UTC) */
        asOf?: string;
        interval?: 'month' | 'quarter';
        /** @description Only deals in this currency; default: each */
        currency?: string;
        format?: 'json' | 'csv' | 'vega-lite' | 'svg';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description `{ columns, rows }`, CSV, a Vega-Lite spec or SVG */
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
  SalesFunnelController_funnelReport: {
    parameters: {
      query: {
        /** @description First UTC day included */
        from: string;
        /** @description Last UTC day included (not before from) */
        to: string;
        format?: 'json' | 'csv' | 'vega-lite' | 'svg';
        /** @description One funnel per value; default: one */
        groupBy?: 'source' | 'owner' | 'pipeline';
        /** @description Count only deals of this pipeline in the deal steps */
        pipelineId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description `{ columns, rows }`, CSV, a Vega-Lite spec or SVG */
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
  SalesFunnelController_salesPerformance: {
    parameters: {
      query: {
        /** @description First UTC day included */
        from: string;
        /** @description Last UTC day included (not before from) */
        to: string;
        format?: 'json' | 'csv' | 'vega-lite' | 'svg';
        interval?: 'month' | 'quarter';
        /** @description periods: per period of closing; owners: the rep leaderboard; stages: time in stage */
        view?: 'periods' | 'owners' | 'stages';
        /** @description Only deals in this currency; default: each */
        currency?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description `{ columns, rows }`, CSV, a Vega-Lite spec or SVG */
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
  BasketController_rules: {
    parameters: {
      query?: {
        format?: 'json' | 'csv' | 'vega-lite' | 'svg';
        /** @description Smallest support; the fit's own threshold is the floor (rules below it are not stored) */
        minSupport?: number;
        /** @description Smallest confidence */
        minConfidence?: number;
        /** @description Smallest lift */
        minLift?: number;
        limit?: number;
        /** @description Items: products or their families */
        level?: 'product' | 'family';
        /** @description Highest first; ties (and `lift`) in the rules' own order: lift, confidence, count, shorter antecedent. conviction: rules that never fail (conviction null, i.e. infinite) first */
        sort?: 'lift' | 'confidence' | 'support' | 'conviction' | 'leverage' | 'count';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
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
  BasketController_boughtTogether: {
    parameters: {
      query?: {
        format?: 'json' | 'csv' | 'vega-lite' | 'svg';
        /** @description Smallest support; the fit's own threshold is the floor (rules below it are not stored) */
        minSupport?: number;
        /** @description Smallest confidence */
        minConfidence?: number;
        /** @description Smallest lift */
        minLift?: number;
        limit?: number;
      };
      header?: never;
      path: {
        productId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
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
  DemandController_report: {
    parameters: {
      query?: {
        format?: 'json' | 'csv' | 'vega-lite' | 'svg';
        /** @description The product whose monthly quantities to forecast */
        productId?: string;
        /** @description A price band instead of a product: currency and band, e.g. EUR-2 (quartile bands, 1 = cheapest) */
        priceBand?: string;
        /** @description Months to forecast */
        horizon?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
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
  CampaignResultsController_results: {
    parameters: {
      query?: {
        /** @description First UTC day of sending included (default 90 days before `to`) */
        from?: string;
        /** @description Last UTC day of sending included (default today) */
        to?: string;
        groupBy?: 'campaign' | 'variant' | 'channel' | 'segment';
        format?: 'json' | 'csv' | 'vega-lite' | 'svg';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
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
  ServiceKpisController_service: {
    parameters: {
      query?: {
        /** @description First UTC day of case opening included (default 90 days before `to`) */
        from?: string;
        /** @description Last UTC day of case opening included (default today) */
        to?: string;
        /** @description Periods of case opening (UTC; weeks start on Monday); `all`: the whole window */
        interval?: 'all' | 'week' | 'month' | 'quarter';
        groupBy?: 'category' | 'priority' | 'product';
        format?: 'json' | 'csv' | 'vega-lite' | 'svg';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
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
}
