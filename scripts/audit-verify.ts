// npm run audit:verify — checks the audit log's keyed hash chain and prints one JSON line:
//   {"ok":true,"entries":N,"headSeq":N,"headHash":"…"}  or  {"ok":false,…,"firstBad":{"seq":N,"problem":"edited"}}
// with "anchor":{…} when an expected head is given, or "keyProblem":"wrong-key"|"unkeyed-chain".
// Exit 0 intact, 1 tampered, 2 usage or connection error, or a key that does not fit the chain.
//
// Database: DATABASE_URL, else DATA_DIR (default ./data); `--database-url URL`, `--data-dir DIR`.
// Key: `--key-file FILE`, else AUDIT_HMAC_KEY; on the embedded database with neither, the local
// development key. Expected head, kept outside the database: `--expect-head SEQ:HASH` or
// `--expect-head-file FILE`; `--write-head FILE` records the head after an intact run.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { auditKeyId, type ChainVerdict, type ExpectedHead } from '../bot/adapters/store/audit-chain';
import { pendingMigrations } from '../bot/adapters/store/migrate';
import { openDatabase } from '../bot/adapters/store/open-database';
import { verifyAuditChain } from '../bot/adapters/store/sql-audit-log';
import { parseAuditKey } from '../bot/config/audit-config';
import { LOCAL_DEVELOPMENT_AUDIT_HMAC_KEY } from './local/sandbox-defaults';

const USAGE = `usage: npm run audit:verify [-- --database-url URL | --data-dir DIR] [--key-file FILE]
       [--expect-head SEQ:HASH | --expect-head-file FILE] [--write-head FILE]`;

function usage(message: string): never {
  console.error(`audit:verify: ${message}\n${USAGE}`);
  process.exit(2);
}

interface Options {
  databaseUrl?: string;
  dataDir: string;
  key: Buffer;
  expected?: ExpectedHead;
  writeHead?: string;
}

const hash64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits');
const headFileSchema = z.object({ seq: z.number().int().min(0), hash: hash64, keyId: z.string().regex(/^[0-9a-f]{16}$/).optional() });

function parseHead(text: string): ExpectedHead {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  if (!m) usage(`--expect-head must be SEQ:HASH (as printed by a previous run), got ${JSON.stringify(text)}`);
  return { seq: Number(m[1]), hash: m[2]! };
}

function readHeadFile(path: string): ExpectedHead {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    usage(`cannot read the expected head ${path}: ${(err as Error).message}`);
  }
  const r = headFileSchema.safeParse(parsed);
  if (!r.success) usage(`${path} is not a head file written by --write-head`);
  return r.data;
}

function readKey(keyFile: string | undefined, embedded: boolean): Buffer {
  const text = keyFile !== undefined ? readText(keyFile) : process.env.AUDIT_HMAC_KEY?.trim() || undefined;
  const source = keyFile !== undefined ? `--key-file ${keyFile}` : 'AUDIT_HMAC_KEY';
  if (text === undefined) {
    if (!embedded) usage('give the audit key: AUDIT_HMAC_KEY or --key-file FILE');
    console.error('audit:verify: no AUDIT_HMAC_KEY: checking with the local development key');
    return LOCAL_DEVELOPMENT_AUDIT_HMAC_KEY;
  }
  try {
    return parseAuditKey(text);
  } catch (err) {
    usage(`${source} ${(err as Error).message}`);
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    usage(`cannot read ${path}: ${(err as Error).message}`);
  }
}

function parseArgs(argv: string[]): Options {
  let databaseUrl = process.env.DATABASE_URL || undefined;
  let dataDir = process.env.DATA_DIR || './data';
  let keyFile: string | undefined;
  let expected: ExpectedHead | undefined;
  let writeHead: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (value === undefined) usage(`unknown or incomplete argument ${JSON.stringify(arg)}`);
    if (arg === '--database-url') databaseUrl = value;
    else if (arg === '--data-dir') dataDir = value;
    else if (arg === '--key-file') keyFile = value;
    else if (arg === '--expect-head' || arg === '--expect-head-file') {
      if (expected) usage('give one expected head');
      expected = arg === '--expect-head' ? parseHead(value) : readHeadFile(value);
    } else if (arg === '--write-head') writeHead = value;
    else usage(`unknown or incomplete argument ${JSON.stringify(arg)}`);
    i++;
  }
  return { databaseUrl, dataDir, key: readKey(keyFile, !databaseUrl), expected, writeHead };
}

/** Written beside, then renamed: a crash never leaves half a head file. */
function writeHeadFile(path: string, verdict: ChainVerdict, key: Buffer): void {
  const body = { seq: verdict.headSeq, hash: verdict.headHash, keyId: auditKeyId(key), writtenAt: new Date().toISOString() };
  writeFileSync(`${path}.tmp`, `${JSON.stringify(body)}\n`, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

const KEY_HINT: Record<NonNullable<ChainVerdict['keyProblem']>, string> = {
  'wrong-key': 'no entry verifies with this key: the wrong AUDIT_HMAC_KEY (or every entry was rewritten without it)',
  'unkeyed-chain':
    'this log was written before the audit chain was keyed (an older build). No deployment has one; for a local data folder, stop the bot and delete the folder (or point DATA_DIR at a new one)',
};

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  // Opening a missing folder would create an empty database and call it intact.
  if (!options.databaseUrl && !existsSync(options.dataDir)) usage(`no database at ${options.dataDir} (set DATA_DIR or DATABASE_URL)`);
  let db: Awaited<ReturnType<typeof openDatabase>>;
  try {
    db = await openDatabase(options);
  } catch (err) {
    console.error(`audit:verify: cannot open the database: ${(err as Error).message}`);
    return 2;
  }
  try {
    if ((await pendingMigrations(db)).includes('002-audit-log')) {
      console.error('audit:verify: the database has no audit log yet (run npm run db:migrate)');
      return 2;
    }
    const verdict = await verifyAuditChain(db, options.key, options.expected);
    console.log(JSON.stringify(verdict));
    if (verdict.keyProblem) {
      console.error(`audit:verify: ${KEY_HINT[verdict.keyProblem]}`);
      return 2;
    }
    if (!verdict.ok) return 1;
    if (options.writeHead) writeHeadFile(options.writeHead, verdict, options.key);
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`audit:verify: ${(err as Error).message}`);
    process.exitCode = 2;
  },
);
