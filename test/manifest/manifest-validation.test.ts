import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillTemplate, readManifestValues } from '../../scripts/manifest/manifest-settings';
import type { AppDeps } from '../../bot/app/app-deps';
import { productCommands } from '../../bot/app/chat/product-commands';
import { ruleErrors, SCHEMA_URL, schemaErrors, validateTeamsManifest } from '../../scripts/manifest/manifest-validation';
import { CALLING_RSC, REQUIRED_RSC } from '../../scripts/manifest/rsc-catalog';
import { BOT_ID, VALID_ENV } from './fixtures';

const ROOT = join(__dirname, '../..');

/** The parts of the manifest these tests read or break; the rest passes through untyped. */
interface Manifest {
  [key: string]: unknown;
  developer?: { privacyUrl?: string; [key: string]: unknown };
  bots: { botId: string; supportsCalling?: boolean; commandLists: { commands: { title: string }[] }[]; [key: string]: unknown }[];
  configurableTabs: { scopes: string[]; [key: string]: unknown }[];
  staticTabs: { contentUrl: string; [key: string]: unknown }[];
  authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
}

function filledManifest(): Manifest {
  const template = JSON.parse(readFileSync(join(__dirname, '../../manifest/manifest.template.json'), 'utf8')) as unknown;
  return fillTemplate(template, readManifestValues(VALID_ENV, '0.1.0')) as Manifest;
}

describe('the filled manifest', () => {
  it('validates against the v1.30 schema and the RSC and URL rules with zero errors', async () => {
    expect(await validateTeamsManifest(filledManifest())).toEqual([]);
  });

  it('declares what the product needs', () => {
    const m = filledManifest();
    expect(m.$schema).toBe(SCHEMA_URL);
    expect(m.manifestVersion).toBe('1.30');
    expect(JSON.stringify(m)).not.toContain('{{');
    expect(m.bots).toHaveLength(1);
    expect(m.bots[0]).toMatchObject({ botId: BOT_ID, scopes: ['personal', 'groupChat', 'team'], supportsCalling: false });
    expect(m.configurableTabs).toEqual([
      {
        configurationUrl: 'https://cpc.example-council.gov.uk/tab/config',
        canUpdateConfiguration: true,
        scopes: ['groupChat'],
        context: ['meetingSidePanel', 'meetingStage', 'meetingChatTab', 'meetingDetailsTab'],
      },
    ]);
    expect(m.staticTabs[0]).toEqual({
      entityId: 'dashboard',
      name: 'Dashboard',
      contentUrl: 'https://cpc.example-council.gov.uk/tab/dashboard',
      websiteUrl: 'https://cpc.example-council.gov.uk/tab/dashboard',
      scopes: ['personal'],
      context: ['personalTab'],
    });
    expect(m.validDomains).toEqual(['cpc.example-council.gov.uk']);
    expect(m.webApplicationInfo).toEqual({ id: BOT_ID, resource: `api://cpc.example-council.gov.uk/${BOT_ID}` });
    expect(m.authorization.permissions.resourceSpecific).toEqual([
      { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' },
      { name: 'OnlineMeetingParticipant.Read.Chat', type: 'Application' },
      { name: 'OnlineMeetingNotification.Send.Chat', type: 'Application' },
      { name: 'MeetingStage.Write.Chat', type: 'Delegated' },
    ]);
  });
});

describe('what the manifest declares is what the product does', () => {
  it('lists exactly the chat commands the bot answers (help and each registered word)', () => {
    // The commands only keep deps for when they run: building the list touches none of them.
    const words = ['help', ...productCommands({} as AppDeps).map((c) => c.word)];
    const titles = filledManifest().bots[0]!.commandLists.flatMap((l) => l.commands.map((c) => c.title));
    expect([...titles].sort()).toEqual([...words].sort());
  });

  it('asks for each resource-specific permission the code relies on, and shows where', () => {
    for (const p of [...REQUIRED_RSC, ...CALLING_RSC]) {
      expect({ permission: p.name, uses: readFileSync(join(ROOT, p.usedIn.file), 'utf8').includes(p.usedIn.shows) }).toEqual({ permission: p.name, uses: true });
    }
    expect(filledManifest().authorization.permissions.resourceSpecific).toEqual(REQUIRED_RSC.map(({ name, type }) => ({ name, type })));
  });
});

// The schema cases compile the whole schema (a second each on a busy machine); the rule cases
// below them need no schema: ruleErrors is the part of validateTeamsManifest after it.
describe('the validator rejects', () => {
  it('a permission nothing in the product uses, though Teams knows it', () => {
    const m = filledManifest();
    m.authorization.permissions.resourceSpecific.push({ name: 'ChatMessage.Read.Chat', type: 'Application' });
    expect(ruleErrors(m)).toEqual(["rsc: 'ChatMessage.Read.Chat' (Application) is not used by the product (scripts/manifest/rsc-catalog.ts lists what is)"]);
  });

  it('the calling permission without supportsCalling, and supportsCalling without it', () => {
    const withPermission = filledManifest();
    withPermission.authorization.permissions.resourceSpecific.push({ name: 'Calls.JoinGroupCalls.Chat', type: 'Application' });
    expect(ruleErrors(withPermission)).toEqual(['rsc: Calls.JoinGroupCalls.Chat is declared but no bot supportsCalling (declare it only when removal is enabled)']);
    const calling = filledManifest();
    calling.bots[0]!.supportsCalling = true;
    expect(ruleErrors(calling)).toEqual([
      "rsc: Calls.JoinGroupCalls.Chat (Application) is required with supportsCalling, for the calling bot joining the meeting's call to remove someone (CALLS_REMOVE_ENABLED)",
    ]);
  });

  it('a manifest without a required field', async () => {
    const m = filledManifest();
    delete m.developer;
    expect(await validateTeamsManifest(m)).toEqual([expect.stringMatching(/^schema: {2}must have required property 'developer'/)]);
  });

  it('a developer block without its privacy URL', async () => {
    const m = filledManifest();
    delete m.developer!.privacyUrl;
    expect(await validateTeamsManifest(m)).toEqual([expect.stringMatching(/^schema: \/developer must have required property 'privacyUrl'/)]);
  });

  it('a scope the schema does not allow for configurable tabs', async () => {
    const m = filledManifest();
    m.configurableTabs[0]!.scopes = ['personal'];
    const errors = await validateTeamsManifest(m);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.startsWith('schema: /configurableTabs/0/scopes/0 must be equal to one of the allowed values'))).toBe(true);
  });

  it('a misspelt RSC permission, which the schema alone would let through', async () => {
    const m = filledManifest();
    m.authorization.permissions.resourceSpecific[0]!.name = 'OnlineMeetings.ReadBasic.Chat';
    // Why the catalog exists: the schema types the name as any string.
    expect(await schemaErrors(m)).toEqual([]);
    expect(ruleErrors(m)).toEqual([
      "rsc: 'OnlineMeetings.ReadBasic.Chat' is not a known resource-specific permission",
      'rsc: OnlineMeeting.ReadBasic.Chat (Application) is required for meeting start and end events to the bot',
    ]);
  });

  it('an RSC permission with a grant type Teams does not offer for it', () => {
    const m = filledManifest();
    m.authorization.permissions.resourceSpecific[3]!.type = 'Application';
    expect(ruleErrors(m)).toEqual([
      "rsc: 'MeetingStage.Write.Chat' cannot be granted as Application (supported: Delegated)",
      'rsc: MeetingStage.Write.Chat (Delegated) is required for sharing the run sheet to the meeting stage from the side panel',
    ]);
  });

  it('a grant type outside the schema enum', async () => {
    const m = filledManifest();
    m.authorization.permissions.resourceSpecific[1]!.type = 'Admin';
    const errors = await validateTeamsManifest(m);
    expect(errors).toContain("rsc: 'OnlineMeetingParticipant.Read.Chat' cannot be granted as Admin (supported: Application, Delegated)");
    expect(errors.some((e) => e.startsWith('schema: /authorization/permissions/resourceSpecific/1/type must be equal to one of the allowed values'))).toBe(true);
  });

  it('a tab on a host missing from validDomains, or over http', () => {
    const m = filledManifest();
    m.staticTabs[0]!.contentUrl = 'http://other.example-council.gov.uk/tab/dashboard';
    expect(ruleErrors(m)).toEqual([
      'manifest: staticTabs[0].contentUrl must use https (Teams does not load http tabs)',
      'manifest: staticTabs[0].contentUrl host other.example-council.gov.uk is not in validDomains',
    ]);
  });

  it('a bot id that differs from the Entra app holding the RSC grants', () => {
    const m = filledManifest();
    m.bots[0]!.botId = '00000000-0000-4000-8000-000000000001';
    expect(ruleErrors(m)).toEqual([`manifest: bots[].botId 00000000-0000-4000-8000-000000000001 differs from webApplicationInfo.id`]);
  });

  it('a manifest that points at another schema version than the one validated against', () => {
    const m = filledManifest();
    m.$schema = 'https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json';
    expect(ruleErrors(m)).toEqual([`manifest: $schema must be ${SCHEMA_URL} (the schema this build validates against)`]);
  });
});
