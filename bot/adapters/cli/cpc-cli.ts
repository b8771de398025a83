// `cpc`: the timescale command-line contract other tools call (docs/timescales.md).
// One JSON object on stdout and exit 0; bad input: one line on stderr, nothing on stdout, exit 2.
import { z } from 'zod';
import { CalendarError } from '../../domain/calendar/calendar-error';
import { toDayNumber } from '../../domain/calendar/civil-date';
import { CALENDAR_REGIONS, createWorkingCalendar } from '../../domain/calendar/create-working-calendar';
import type { IsoDate } from '../../domain/calendar/iso-date';
import type { CalendarRegion } from '../../domain/calendar/working-calendar';
import { CONFERENCE_KINDS } from '../../domain/conference/conference-kind';
import { PROFILE_IDS, type PolicyProfile } from '../../domain/policy/policy-profile';
import { ProfileError } from '../../domain/policy/profile-error';
import { resolveProfile } from '../../domain/policy/resolve-profile';
import { ANCHOR_KINDS, type Anchors } from '../../domain/timescales/anchors';
import { checkProposedDate } from '../../domain/timescales/check-proposed-date';
import { computeDeadlines } from '../../domain/timescales/compute-deadlines';
import { TimescaleError } from '../../domain/timescales/timescale-error';
import { anchorKindSchema, conferenceKindSchema } from '../../app/api/timescales.schema';
import { type ParsedArgs, parseArgs, required, single, UsageError } from './cpc-args';

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

export const USAGE = `usage:
  cpc workdays add <YYYY-MM-DD> <n> [--calendar ${CALENDAR_REGIONS.join('|')}]
  cpc workdays count <from> <to> [--calendar …]
  cpc timescales --profile <id> --anchor <kind>=<date> [--anchor …] [--kind <kind>] [--today <date>] [--overrides <json>]
  cpc check --profile <id> --kind <kind> --anchor <kind>=<date> [--anchor …] --proposed <date> [--overrides <json>]
profiles: ${PROFILE_IDS.join(', ')}
anchors: ${ANCHOR_KINDS.join(', ')}
kinds: ${CONFERENCE_KINDS.join(', ')}
`;

const calendarSchema = z.enum(CALENDAR_REGIONS as [CalendarRegion, ...CalendarRegion[]]);
// The API's schemas (GET /api/v1/timescales): one definition of a kind, an anchor and a date.
const kindSchema = conferenceKindSchema;
const countSchema = z.string().regex(/^[+-]?\d{1,6}$/).transform(Number);

function date(value: string, what: string): IsoDate {
  try {
    toDayNumber(value);
  } catch (e) {
    if (e instanceof CalendarError) throw new UsageError(`${what}: ${e.message}`);
    throw e;
  }
  return value;
}

function noPositionals(args: ParsedArgs, command: string): void {
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument '${args.positionals[0]}' for ${command}`);
}

function profileFrom(args: ParsedArgs): PolicyProfile {
  const id = required(args, 'profile');
  const raw = single(args, 'overrides');
  let overrides: unknown;
  if (raw !== undefined) {
    try {
      overrides = JSON.parse(raw);
    } catch {
      throw new UsageError('--overrides is not valid JSON');
    }
  }
  return resolveProfile(id, overrides);
}

function anchorsFrom(args: ParsedArgs): Anchors {
  const anchors: Anchors = {};
  for (const value of args.options.get('anchor') ?? []) {
    const eq = value.indexOf('=');
    if (eq === -1) throw new UsageError(`--anchor '${value}' must be <kind>=<YYYY-MM-DD>`);
    const kind = anchorKindSchema.safeParse(value.slice(0, eq));
    if (!kind.success) {
      throw new UsageError(`unknown anchor '${value.slice(0, eq)}' (known: ${ANCHOR_KINDS.join(', ')})`);
    }
    if (anchors[kind.data] !== undefined) throw new UsageError(`--anchor ${kind.data} given more than once`);
    anchors[kind.data] = date(value.slice(eq + 1), `--anchor ${kind.data}`);
  }
  if (Object.keys(anchors).length === 0) throw new UsageError('missing --anchor');
  return anchors;
}

function kindFrom(value: string) {
  const kind = kindSchema.safeParse(value);
  if (!kind.success) throw new UsageError(`unknown --kind '${value}' (known: ${CONFERENCE_KINDS.join(', ')})`);
  return kind.data;
}

function workdays(argv: readonly string[]): object {
  const args = parseArgs(argv, { calendar: {} });
  const [sub, ...rest] = args.positionals;
  const region = calendarSchema.safeParse(single(args, 'calendar') ?? 'england-and-wales');
  if (!region.success) {
    throw new UsageError(`unknown --calendar '${single(args, 'calendar')}' (known: ${CALENDAR_REGIONS.join(', ')})`);
  }
  const calendar = createWorkingCalendar(region.data);
  if (sub === 'add') {
    if (rest.length < 2) throw new UsageError(`missing ${rest.length === 0 ? '<date>' : '<n>'} for workdays add`);
    if (rest.length > 2) throw new UsageError(`unexpected argument '${rest[2]}' for workdays add`);
    const start = date(rest[0]!, '<date>');
    const n = countSchema.safeParse(rest[1]);
    if (!n.success) throw new UsageError(`<n> '${rest[1]}' must be a whole number`);
    return { date: calendar.addWorkingDays(start, n.data) };
  }
  if (sub === 'count') {
    if (rest.length < 2) throw new UsageError(`missing ${rest.length === 0 ? '<from>' : '<to>'} for workdays count`);
    if (rest.length > 2) throw new UsageError(`unexpected argument '${rest[2]}' for workdays count`);
    return { workingDays: calendar.countWorkingDays(date(rest[0]!, '<from>'), date(rest[1]!, '<to>')) };
  }
  throw new UsageError(sub === undefined ? 'missing workdays subcommand (add or count)' : `unknown workdays subcommand '${sub}'`);
}

function timescales(argv: readonly string[]): object {
  const args = parseArgs(argv, { profile: {}, anchor: { repeatable: true }, kind: {}, today: {}, overrides: {} });
  noPositionals(args, 'timescales');
  const profile = profileFrom(args);
  const anchors = anchorsFrom(args);
  const kindRaw = single(args, 'kind');
  const todayRaw = single(args, 'today');
  const today = todayRaw === undefined ? undefined : date(todayRaw, '--today');
  if (anchors['due-date'] !== undefined && today === undefined) {
    throw new UsageError('missing --today (the pre-birth window from --anchor due-date needs it)');
  }
  const calendar = createWorkingCalendar(profile.calendar, profile.extraClosures);
  const deadlines = computeDeadlines(profile, calendar, anchors, {
    ...(kindRaw === undefined ? {} : { kind: kindFrom(kindRaw) }),
    ...(today === undefined ? {} : { today }),
  });
  return { profile: profile.id, deadlines };
}

function check(argv: readonly string[]): object {
  const args = parseArgs(argv, { profile: {}, anchor: { repeatable: true }, kind: {}, proposed: {}, overrides: {} });
  noPositionals(args, 'check');
  const profile = profileFrom(args);
  const kind = kindFrom(required(args, 'kind'));
  const anchors = anchorsFrom(args);
  const proposed = date(required(args, 'proposed'), '--proposed');
  const calendar = createWorkingCalendar(profile.calendar, profile.extraClosures);
  return checkProposedDate(profile, calendar, kind, anchors, proposed);
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ');

/** argv without "node" and the script: e.g. ['workdays', 'add', '2026-12-24', '1']. */
export function main(argv: readonly string[]): CliResult {
  const [command, ...rest] = argv;
  try {
    let result: object;
    if (command === 'workdays') result = workdays(rest);
    else if (command === 'timescales') result = timescales(rest);
    else if (command === 'check') result = check(rest);
    else if (command === '--help' || command === 'help') return { stdout: USAGE, stderr: '', code: 0 };
    else throw new UsageError(command === undefined ? 'missing command (workdays, timescales or check)' : `unknown command '${command}'`);
    return { stdout: `${JSON.stringify(result)}\n`, stderr: '', code: 0 };
  } catch (e) {
    if (e instanceof UsageError) return { stdout: '', stderr: `cpc: ${oneLine(e.message)}\n`, code: 2 };
    if (e instanceof CalendarError || e instanceof ProfileError || e instanceof TimescaleError) {
      return { stdout: '', stderr: `cpc: ${oneLine(e.message)} (${e.code})\n`, code: 2 };
    }
    return { stdout: '', stderr: `cpc: internal error: ${oneLine(e instanceof Error ? e.message : String(e))}\n`, code: 1 };
  }
}
