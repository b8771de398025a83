// The Agents Playground's mock tenant (.m365agentsplayground.yml, read from
// M365_AGENTS_PLAYGROUND_CONFIG_PATH) made of the local directory's seeded people, so a message
// from the playground carries an aadObjectId the bot finds in the directory (a clerk by default)
// and the other people can be chosen as the sender through the playground's API.
import { SEED_PEOPLE, type SeedPerson } from '../graph-sandbox/directory/seed-people';

/**
 * The playground's Teams user id for a seeded person: their Entra object id itself. Teams accepts
 * an Entra id as the member of a new 1:1 conversation; the playground looks members up by its own
 * user id, so making the two the same lets the bot open a person's chat there as it would in Teams.
 */
export const playgroundUserId = (p: Pick<SeedPerson, 'id'>): string => p.id;

/** YAML scalar: quoted so a value is never read as a number, a date or a keyword. */
const q = (value: string) => JSON.stringify(value);

function userYaml(p: SeedPerson, indent: string): string {
  return [
    `id: ${q(playgroundUserId(p))}`,
    `name: ${q(p.displayName)}`,
    `userPrincipleName: ${q(p.mail)}`, // sic: the playground's own key
    `aadObjectId: ${q(p.id)}`,
    `givenName: ${q(p.givenName)}`,
    `surname: ${q(p.surname)}`,
    `email: ${q(p.mail)}`,
  ].map((line, i) => `${i === 0 ? `${indent}- ` : `${indent}  `}${line}`).join('\n');
}

export interface PlaygroundTenant {
  tenantId: string;
  /** Who "you" are in the playground's UI; default the first seeded clerk. */
  currentUserId?: string;
  /** The other people (the playground takes at most 5); default a chair, a social worker and three agency professionals. */
  otherUserIds?: string[];
}

/** A conference's core: chair, social worker, police, health and school. */
const DEFAULT_OTHERS = ['5eed0000-0000-4000-8000-000000000001', '5eed0000-0000-4000-8000-000000000005', '5eed0000-0000-4000-8000-000000000010', '5eed0000-0000-4000-8000-000000000011', '5eed0000-0000-4000-8000-000000000012'];
export const PLAYGROUND_MAX_OTHER_USERS = 5;

export function playgroundConfigYaml(tenant: PlaygroundTenant): string {
  const current = SEED_PEOPLE.find((p) => p.id === tenant.currentUserId) ?? SEED_PEOPLE.find((p) => p.role === 'clerk')!;
  const otherIds = tenant.otherUserIds ?? DEFAULT_OTHERS.filter((id) => id !== current.id);
  if (otherIds.length > PLAYGROUND_MAX_OTHER_USERS) throw new Error(`PLAYGROUND.CONFIG: at most ${PLAYGROUND_MAX_OTHER_USERS} other users`);
  const others = otherIds.map((id) => {
    const p = SEED_PEOPLE.find((s) => s.id === id);
    if (!p) throw new Error(`PLAYGROUND.CONFIG: ${id} is not a seeded person`);
    return p;
  });
  const currentLines = userYaml(current, '').split('\n').map((l) => `  ${l.replace(/^- /, '').replace(/^ {2}/, '')}`);
  return [
    'version: "0.1.1"',
    `tenantId: ${q(tenant.tenantId)}`,
    'bot:',
    `  id: ${q('00000000-0000-4000-8000-00000000b07a')}`,
    `  name: ${q('Conference Bot')}`,
    'currentUser:',
    ...currentLines,
    'users:',
    ...others.map((p) => userYaml(p, '  ')),
    'personalChat:',
    '  id: __PERSONAL_CHAT_ID__',
    'groupChat:',
    '  id: __GROUP_CHAT_ID__',
    `  name: ${q('Conference professionals')}`,
    'team:',
    `  id: ${q('team-local')}`,
    `  name: ${q('Child protection conferences')}`,
    `  aadGroupId: ${q('00000000-0000-4000-8000-0000000000a1')}`,
    '  channels:',
    `    - id: ${q('channel-general')}`,
    `      name: ${q('General')}`,
    '',
  ].join('\n');
}
