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
}
