/**
 * What the sales controllers share at the HTTP edge. A command answers with the resource as its
 * GET shows it, read back from the read model (`viewAfterWrite`, `answerCommand`, `answerCreated`
 * from @crm/platform).
 */

/** Role lists live in shared/roles.ts; re-exported for code that still imports them from here. */
export { SELLERS } from '../shared/roles';
