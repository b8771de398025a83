// npm run staff:role — council IT's command line for the staff roster (docs/directory.md):
//   npm run staff:role -- set <objectId> <role> [--agency <agency>]
//   npm run staff:role -- list
//   npm run staff:role -- remove <objectId>
// Each change is written to the audit log (actor 'cli') in the same transaction. One JSON line
// on stdout; exit 0 done, 1 refused (e.g. remove of someone not listed), 2 usage or connection error.
// Database: DATABASE_URL, else DATA_DIR (default ./data); `--database-url URL`, `--data-dir DIR`.
// The audit key: AUDIT_HMAC_KEY or `--key-file FILE` (on the embedded database with neither, the
// local development key, as `npm run audit:verify` does), so the entries extend the same chain.
import { existsSync, readFileSync } from 'node:fs';
import { systemClock } from '../bot/adapters/clock/system-clock';
import { pendingMigrations } from '../bot/adapters/store/migrate';
import { openDatabase } from '../bot/adapters/store/open-database';
import { SqlAuditLog } from '../bot/adapters/store/sql-audit-log';
import { SqlStaffRoles } from '../bot/adapters/store/sql-staff-roles';
import { STAFF_ROLES, type StaffRole, type StaffRoles } from '../bot/app/ports/staff-roles.port';
import { AGENCIES, type Agency } from '../bot/domain/conference/agency';
import { parseAuditKey } from '../bot/config/audit-config';
import { LOCAL_DEVELOPMENT_AUDIT_HMAC_KEY } from './local/sandbox-defaults';

export const USAGE = `usage: npm run staff:role -- set <objectId> <role> [--agency <agency>]
       npm run staff:role -- list
       npm run staff:role -- remove <objectId>
  options: --database-url URL | --data-dir DIR, --key-file FILE
  roles:    ${STAFF_ROLES.join(', ')}
  agencies: ${AGENCIES.join(', ')}`;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CLI_ACTOR = { id: 'cli', role: 'cli' };

export interface CommandResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

const usageError = (message: string): CommandResult => ({ code: 2, stdout: '', stderr: `staff:role: ${message}\n${USAGE}\n` });

export type StaffRoleCommand =
  | { kind: 'set'; objectId: string; role: StaffRole; agency: Agency | null }
  | { kind: 'list' }
  | { kind: 'remove'; objectId: string };

/** The command words (connection options already taken out), or a usage error. */
export function parseCommand(words: string[]): StaffRoleCommand | CommandResult {
  const [verb, ...rest] = words;
  const objectId = (value: string | undefined): string | CommandResult =>
    value && GUID.test(value) ? value.toLowerCase() : usageError(`expected an Entra object id (a GUID), got ${JSON.stringify(value ?? '')}`);
  switch (verb) {
    case 'list':
      return rest.length === 0 ? { kind: 'list' } : usageError('list takes no arguments');
    case 'remove': {
      if (rest.length !== 1) return usageError('remove takes one object id');
      const id = objectId(rest[0]);
      return typeof id === 'string' ? { kind: 'remove', objectId: id } : id;
    }
    case 'set': {
      const [rawId, rawRole, ...options] = rest;
      const id = objectId(rawId);
      if (typeof id !== 'string') return id;
      if (!(STAFF_ROLES as readonly string[]).includes(rawRole ?? '')) return usageError(`unknown role ${JSON.stringify(rawRole ?? '')}`);
      let agency: Agency | null = null;
      if (options.length > 0) {
        if (options.length !== 2 || options[0] !== '--agency') return usageError(`unexpected ${JSON.stringify(options.join(' '))}`);
        if (!(AGENCIES as readonly string[]).includes(options[1]!)) return usageError(`unknown agency ${JSON.stringify(options[1])}`);
        agency = options[1] as Agency;
      }
      return { kind: 'set', objectId: id, role: rawRole as StaffRole, agency };
    }
    default:
      return usageError(verb === undefined ? 'give a command' : `unknown command ${JSON.stringify(verb)}`);
  }
}

/** Runs one parsed command on the roster. */
export async function runCommand(command: StaffRoleCommand, roster: StaffRoles): Promise<CommandResult> {
  const line = (value: unknown) => `${JSON.stringify(value)}\n`;
  switch (command.kind) {
    case 'list':
      return { code: 0, stdout: line({ entries: await roster.list() }), stderr: '' };
    case 'set': {
      const entry = await roster.set({ objectId: command.objectId, role: command.role, agency: command.agency }, CLI_ACTOR);
      return { code: 0, stdout: line({ set: entry }), stderr: '' };
    }
    case 'remove': {
      const removed = await roster.remove(command.objectId, CLI_ACTOR);
      if (!removed) return { code: 1, stdout: line({ removed: false, objectId: command.objectId }), stderr: `staff:role: ${command.objectId} is not on the roster\n` };
      return { code: 0, stdout: line({ removed: true, objectId: command.objectId }), stderr: '' };
    }
  }
}

interface Connection {
  databaseUrl?: string;
  dataDir: string;
  keyFile?: string;
}

function splitOptions(argv: string[]): { connection: Connection; words: string[] } | CommandResult {
  const connection: Connection = { databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR || './data' };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--database-url' || arg === '--data-dir' || arg === '--key-file') {
      const value = argv[++i];
      if (value === undefined) return usageError(`${arg} needs a value`);
      if (arg === '--database-url') connection.databaseUrl = value;
      else if (arg === '--data-dir') connection.dataDir = value;
      else connection.keyFile = value;
    } else words.push(arg);
  }
  return { connection, words };
}

function auditKey(connection: Connection): Buffer | CommandResult {
  let text: string | undefined;
  try {
    text = connection.keyFile !== undefined ? readFileSync(connection.keyFile, 'utf8') : process.env.AUDIT_HMAC_KEY?.trim() || undefined;
  } catch (err) {
    return usageError(`cannot read ${connection.keyFile}: ${(err as Error).message}`);
  }
  if (text === undefined) {
    if (connection.databaseUrl) return usageError('give the audit key: AUDIT_HMAC_KEY or --key-file FILE (the entries join the audit chain)');
    return LOCAL_DEVELOPMENT_AUDIT_HMAC_KEY;
  }
  try {
    return parseAuditKey(text);
  } catch (err) {
    return usageError(`the audit key ${(err as Error).message}`);
  }
}

export async function main(argv: string[]): Promise<CommandResult> {
  const split = splitOptions(argv);
  if ('code' in split) return split;
  const command = parseCommand(split.words);
  if ('code' in command) return command;
  const key = auditKey(split.connection);
  if (!Buffer.isBuffer(key)) return key;
  const { databaseUrl, dataDir } = split.connection;
  if (!databaseUrl && !existsSync(dataDir)) return usageError(`no database at ${dataDir} (set DATA_DIR or DATABASE_URL)`);
  let db: Awaited<ReturnType<typeof openDatabase>>;
  try {
    db = await openDatabase({ databaseUrl, dataDir });
  } catch (err) {
    return { code: 2, stdout: '', stderr: `staff:role: cannot open the database: ${(err as Error).message}\n` };
  }
  try {
    if ((await pendingMigrations(db)).length > 0) return { code: 2, stdout: '', stderr: 'staff:role: the database has pending migrations (run npm run db:migrate)\n' };
    const roster = new SqlStaffRoles(db, new SqlAuditLog(db, systemClock, key), systemClock);
    return await runCommand(command, roster);
  } finally {
    await db.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (r) => {
      process.stdout.write(r.stdout);
      process.stderr.write(r.stderr);
      process.exitCode = r.code;
    },
    (err: unknown) => {
      process.stderr.write(`staff:role: ${(err as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
