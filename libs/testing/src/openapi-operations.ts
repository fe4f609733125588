import type { OpenApiDocumentLike, ProbeMethod } from './unstorable-input';

/** One operation of an OpenAPI document as a callable request. */
export interface OpenApiOperation {
  /** `GET /contacts/{id}`: the method and the path template, for messages. */
  readonly operation: string;
  readonly method: ProbeMethod;
  readonly template: string;
  /** The template with every path parameter replaced by `filler`. */
  readonly url: string;
}

const METHODS: readonly ProbeMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Every operation the document lists, ready to call (access tests walk them all). */
export function openApiOperations(
  document: OpenApiDocumentLike,
  filler = 'probe-1',
): OpenApiOperation[] {
  return Object.entries(document.paths).flatMap(([template, item]) =>
    METHODS.filter((method) => item[method.toLowerCase()]).map((method) => ({
      operation: `${method} ${template}`,
      method,
      template,
      url: template.replace(/\{[^}]+\}/g, encodeURIComponent(filler)),
    })),
  );
}
