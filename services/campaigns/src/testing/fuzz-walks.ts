/**
 * The fuzz walks every campaigns resource repeats (segments, templates, campaigns): they differ
 * only in the route prefix, the valid body and how many operations the route must have. Each walk
 * throws with the request and the answer, so a failing run names what broke.
 */
import {
  hostileQueryValue,
  queryOperations,
  unstorableProbes,
  withUnstorableStrings,
  type OpenApiDocumentLike,
} from '@crm/testing';
import fc from 'fast-check';
import type { CampaignsTestApp, HttpResult } from './campaigns-test-app';

function namedFields(res: HttpResult): string[] {
  return (res.body?.errors ?? []).map((e: { field: string }) => e.field);
}

async function openApiDocument(t: CampaignsTestApp): Promise<OpenApiDocumentLike> {
  return (await t.request('GET', '/docs-json')).body as OpenApiDocumentLike;
}

/** A NUL or lone surrogate anywhere in `valid` POSTed to `path` is a 400 naming each such field. */
export async function expectUnstorableStringsNamed(
  t: CampaignsTestApp,
  path: string,
  valid: Record<string, unknown>,
  numRuns = 20,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(withUnstorableStrings(valid), async ({ body, fields }) => {
      const res = await t.request('POST', path, { body });
      const named = namedFields(res);
      if (res.status !== 400 || !fields.every((f) => named.includes(f)))
        throw new Error(
          `${res.status} for ${JSON.stringify(body)}, expected ${fields}: ${JSON.stringify(res.body)}`,
        );
    }),
    { numRuns },
  );
}

/**
 * Every documented operation under `prefix`, with a lone surrogate in each path parameter, query
 * and body in turn: never a 5xx, and a 400 naming the field wherever one was poisoned. At least
 * `minOperations` operations must be probed, so a route lost from the document fails the walk.
 */
export async function expectEveryOperationRefusesUnstorable(
  t: CampaignsTestApp,
  prefix: string,
  minOperations: number,
): Promise<void> {
  const probes = unstorableProbes(await openApiDocument(t), '\ud800 lone').filter((p) =>
    p.operation.includes(prefix),
  );
  expect(new Set(probes.map((p) => p.operation)).size).toBeGreaterThanOrEqual(minOperations);
  for (const probe of probes) {
    const res = await t.request(probe.method, probe.url, {
      body: probe.body,
      ...(probe.contentType ? { headers: { 'content-type': probe.contentType } } : {}),
    });
    if (
      res.status >= 500 ||
      (probe.fields.length && (res.status !== 400 || !namedFields(res).includes(probe.fields[0])))
    )
      throw new Error(
        `${probe.operation} (${probe.where}) -> ${res.status}: ${JSON.stringify(res.body)}`,
      );
  }
}

/** Hostile query strings on every GET under `prefix`: a success or a 4xx problem+json, never a 5xx. */
export async function expectHostileQueriesAnswered(
  t: CampaignsTestApp,
  prefix: string,
  numRuns = 50,
): Promise<void> {
  const operations = queryOperations(await openApiDocument(t)).filter((op) =>
    op.template.startsWith(prefix),
  );
  expect(operations.length).toBeGreaterThanOrEqual(1);
  for (const op of operations) {
    const url = op.template.replace(/\{[^}]+\}/g, 'probe-1');
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...op.parameters), hostileQueryValue, { minKeys: 1 }),
        async (query) => {
          const res = await t.request('GET', `${url}?${new URLSearchParams(query)}`);
          const type = String(res.headers['content-type'] ?? '');
          if (res.status >= 500 || (res.status >= 400 && !type.includes('problem+json')))
            throw new Error(`${op.operation} ?${new URLSearchParams(query)} -> ${res.status}`);
        },
      ),
      { numRuns },
    );
  }
}
