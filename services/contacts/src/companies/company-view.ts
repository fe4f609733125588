import type { CompanyState } from './company.decider';
import type { CompanyView } from './company.dto';

/** What `GET /companies/{id}` answers for a folded company: also its state topic's value. */
export function toCompanyView(id: string, state: CompanyState, version: number): CompanyView {
  return {
    id,
    version,
    status: state.status,
    name: state.name ?? '',
    ...(state.domain ? { domain: state.domain } : {}),
    ...(state.industry ? { industry: state.industry } : {}),
    ...(state.sizeBand ? { sizeBand: state.sizeBand } : {}),
    addresses: state.addresses.map((a) => ({ ...a, lines: [...a.lines] })),
    ...(state.parentCompanyId ? { parentCompanyId: state.parentCompanyId } : {}),
  };
}
