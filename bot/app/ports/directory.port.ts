// The council's directory of people (Graph /users in Azure, the sandbox's seeded directory
// locally). Only staff and agency professionals inside the tenant are looked up; family members
// and people outside the tenant are entered by name, e-mail and phone, never searched for.
import type { AccessRole } from '../../domain/access/access-policy';
import type { Agency } from '../../domain/conference/agency';
import { CodedError } from '../../domain/shared/coded-error';

export interface Person {
  /** Entra object id. */
  id: string;
  /** Personal data: shown on cards to staff, never logged. */
  displayName: string;
  email: string;
  jobTitle?: string;
  agency?: Agency;
  /** The product role this person holds council-wide (docs/access.md); 'professional' by default. */
  role: AccessRole;
}

export type DirectoryErrorCode = 'DIRECTORY.UNAVAILABLE' | 'DIRECTORY.QUERY_INVALID';

export class DirectoryError extends CodedError<DirectoryErrorCode> {}

export interface Directory {
  /** People whose name or e-mail starts with `text` (at least 2 characters), best first, at most `limit`. */
  search(text: string, limit: number): Promise<Person[]>;
  /** One person by Entra object id; null when not in the directory. */
  get(id: string): Promise<Person | null>;
}
