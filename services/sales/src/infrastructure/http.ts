/**
 * What the sales controllers share at the HTTP edge. A command answers with the resource as its
 * GET shows it, read back from the read model (`viewAfterWrite`, `answerCommand`, `answerCreated`
 * from @crm/platform).
 */

/** Roles that work the sales pipeline. */
export const SELLERS = ['admin', 'sales-manager', 'sales-rep'] as const;
