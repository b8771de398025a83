// Directory search for people pickers: the API's GET /api/v1/people and the cards' typeahead
// (Data.Query, dataset "people"). The asker must be in the directory (requireViewer) and allowed
// 'people.search'; the answer lists tenant staff and professionals only (family members and people
// outside the tenant are entered by hand, never looked up). Ids, names and roles only: nothing here
// is logged or audited beyond a refusal.
import { AGENCY_LABEL } from '../../domain/conference/agency';
import { authorise } from '../access/authorise';
import { requireViewer } from '../access/viewer-of';
import type { AuditLog } from '../ports/audit-log.port';
import type { Directory, Person } from '../ports/directory.port';
import type { TypeaheadChoice } from '../ports/typeahead.port';

export interface SearchPeopleDeps {
  directory: Directory;
  audit: AuditLog;
}

/** Most people one search answers (the API's `top` maximum). */
export const MAX_PEOPLE = 50;
/** Teams shows at most 15 typeahead options. */
export const MAX_TYPEAHEAD = 15;
/** Fewer characters than this: the typeahead answers nothing yet (the directory refuses them). */
export const MIN_QUERY = 2;

/** The asker may search the directory: in it, and 'people.search' allowed (refusals audited). */
async function requireSearcher(deps: SearchPeopleDeps, askerId: string | undefined): Promise<void> {
  const viewer = await requireViewer(deps, askerId, 'people.search');
  await authorise(deps, viewer, 'people.search');
}

async function staffAndProfessionals(deps: SearchPeopleDeps, text: string, top: number): Promise<Person[]> {
  const people = await deps.directory.search(text, Math.min(Math.max(top, 1), MAX_PEOPLE));
  return people.filter((p) => p.role !== 'family-member');
}

export async function searchPeople(deps: SearchPeopleDeps, askerId: string | undefined, text: string, top: number): Promise<Person[]> {
  await requireSearcher(deps, askerId);
  return staffAndProfessionals(deps, text, top);
}

/** Title: the name, then the job title (or the agency when Graph gives no title); value: the Entra object id. */
export function typeaheadChoice(p: Person): TypeaheadChoice {
  const detail = p.jobTitle ?? (p.agency ? AGENCY_LABEL[p.agency] : undefined);
  return { title: detail ? `${p.displayName} (${detail})` : p.displayName, value: p.id };
}

/** The typeahead's answer for the "people" dataset; short input answers no choices without a search. */
export async function peopleTypeahead(deps: SearchPeopleDeps, askerId: string | undefined, text: string, top: number | undefined): Promise<TypeaheadChoice[]> {
  // Checked first even for short input: a stranger learns nothing, not even that the picker works.
  await requireSearcher(deps, askerId);
  if (text.trim().length < MIN_QUERY) return [];
  return (await staffAndProfessionals(deps, text, Math.min(top ?? MAX_TYPEAHEAD, MAX_TYPEAHEAD))).map(typeaheadChoice);
}
