/** The operations of a document, for the passes that describe what every route does alike. */
import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
export type HttpMethodKey = (typeof HTTP_METHODS)[number];

export interface DocumentedOperation {
  readonly path: string;
  readonly method: HttpMethodKey;
  readonly operation: OperationObject;
}

/** Every operation of the document with its path and method, in document order. */
export function* eachOperation(document: OpenAPIObject): Generator<DocumentedOperation> {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation) yield { path, method, operation };
    }
  }
}
