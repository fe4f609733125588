/**
 * The route metadata key that marks an HTTP route as needing no token (the platform's auth guard
 * reads it). It lives here, with the published API surface, so a lib that serves a public
 * document (messaging's /asyncapi.json) can mark its route without depending on the platform.
 * A plain string, no Nest: `SetMetadata(PUBLIC_ROUTE_KEY, true)` where it is used.
 */
export const PUBLIC_ROUTE_KEY = 'crm:public';
