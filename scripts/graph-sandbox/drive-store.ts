// The sandbox's SharePoint document libraries: items (folders and files with their bytes), the
// permissions granted on them by invite, and the upload sessions in progress. Tables in schema
// graph_sandbox beside the mailboxes, created with them (sandbox-store.ts).
import { randomBytes } from 'node:crypto';
import type { SqlExecutor } from '../../bot/adapters/store/database';

export const DRIVE_DDL = [
  `CREATE TABLE IF NOT EXISTS graph_sandbox.drive_items (
     id text PRIMARY KEY, drive_id text NOT NULL, parent_id text, name text NOT NULL, is_folder boolean NOT NULL,
     content bytea, size bigint NOT NULL DEFAULT 0, mime_type text, created_at text NOT NULL, updated_at text NOT NULL)`,
  // One name per folder, case-insensitively, as SharePoint; the root has no parent.
  `CREATE UNIQUE INDEX IF NOT EXISTS drive_items_name ON graph_sandbox.drive_items (drive_id, coalesce(parent_id, ''), lower(name))`,
  `CREATE TABLE IF NOT EXISTS graph_sandbox.drive_permissions (
     id text PRIMARY KEY, drive_id text NOT NULL, item_id text NOT NULL, roles jsonb NOT NULL, email text, object_id text,
     expiration text, sign_in_required boolean NOT NULL, invitation_sent boolean NOT NULL, created_at text NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS graph_sandbox.upload_sessions (
     id text PRIMARY KEY, drive_id text NOT NULL, parent_id text NOT NULL, name text NOT NULL, conflict text NOT NULL,
     file_size bigint, received bigint NOT NULL DEFAULT 0, content bytea NOT NULL, expires_at text NOT NULL, created_at text NOT NULL)`,
];

export interface DriveItemRow {
  id: string;
  driveId: string;
  parentId: string | null;
  name: string;
  isFolder: boolean;
  size: number;
  mimeType: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DrivePermissionRow {
  id: string;
  driveId: string;
  itemId: string;
  roles: string[];
  email: string | null;
  objectId: string | null;
  expiration: string | null;
  signInRequired: boolean;
  invitationSent: boolean;
}

export interface UploadSessionRow {
  id: string;
  driveId: string;
  parentId: string;
  name: string;
  conflict: string;
  fileSize: number | null;
  received: number;
  expiresAt: string;
}

/** SharePoint-looking ids: "01" and 32 base32 characters. */
export function driveItemId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return `01${[...randomBytes(32)].map((b) => alphabet[b % 32]).join('')}`;
}

const ITEM_COLUMNS = 'id, drive_id, parent_id, name, is_folder, size, mime_type, created_at, updated_at';

interface ItemSql {
  id: string;
  drive_id: string;
  parent_id: string | null;
  name: string;
  is_folder: boolean;
  size: string | number;
  mime_type: string | null;
  created_at: string;
  updated_at: string;
}

const toItem = (r: ItemSql): DriveItemRow => ({
  id: r.id,
  driveId: r.drive_id,
  parentId: r.parent_id,
  name: r.name,
  isFolder: r.is_folder,
  size: Number(r.size),
  mimeType: r.mime_type,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

interface PermissionSql {
  id: string;
  drive_id: string;
  item_id: string;
  roles: unknown;
  email: string | null;
  object_id: string | null;
  expiration: string | null;
  sign_in_required: boolean;
  invitation_sent: boolean;
}

const toPermission = (r: PermissionSql): DrivePermissionRow => ({
  id: r.id,
  driveId: r.drive_id,
  itemId: r.item_id,
  roles: (typeof r.roles === 'string' ? JSON.parse(r.roles) : r.roles) as string[],
  email: r.email,
  objectId: r.object_id,
  expiration: r.expiration,
  signInRequired: r.sign_in_required,
  invitationSent: r.invitation_sent,
});

const toBuffer = (v: unknown): Buffer => (Buffer.isBuffer(v) ? v : v instanceof Uint8Array ? Buffer.from(v) : Buffer.from(String(v ?? ''), 'hex'));

export class DriveStore {
  constructor(private readonly db: SqlExecutor) {}

  /** The drive's root folder, made on first use. */
  async root(driveId: string, now: string): Promise<DriveItemRow> {
    const found = await this.db.query<ItemSql>(`SELECT ${ITEM_COLUMNS} FROM graph_sandbox.drive_items WHERE drive_id = $1 AND parent_id IS NULL`, [driveId]);
    if (found.rows[0]) return toItem(found.rows[0]);
    await this.db.query(
      `INSERT INTO graph_sandbox.drive_items (id, drive_id, parent_id, name, is_folder, created_at, updated_at)
       VALUES ($1, $2, NULL, 'root', true, $3, $3) ON CONFLICT DO NOTHING`,
      [driveItemId(), driveId, now],
    );
    return this.root(driveId, now);
  }

  async item(driveId: string, id: string): Promise<DriveItemRow | undefined> {
    const r = await this.db.query<ItemSql>(`SELECT ${ITEM_COLUMNS} FROM graph_sandbox.drive_items WHERE drive_id = $1 AND id = $2`, [driveId, id]);
    return r.rows[0] ? toItem(r.rows[0]) : undefined;
  }

  async child(driveId: string, parentId: string, name: string): Promise<DriveItemRow | undefined> {
    const r = await this.db.query<ItemSql>(
      `SELECT ${ITEM_COLUMNS} FROM graph_sandbox.drive_items WHERE drive_id = $1 AND parent_id = $2 AND lower(name) = lower($3)`,
      [driveId, parentId, name],
    );
    return r.rows[0] ? toItem(r.rows[0]) : undefined;
  }

  async children(driveId: string, parentId: string): Promise<DriveItemRow[]> {
    const r = await this.db.query<ItemSql>(`SELECT ${ITEM_COLUMNS} FROM graph_sandbox.drive_items WHERE drive_id = $1 AND parent_id = $2 ORDER BY name`, [
      driveId,
      parentId,
    ]);
    return r.rows.map(toItem);
  }

  async insertItem(item: Omit<DriveItemRow, 'createdAt' | 'updatedAt'>, content: Buffer | null, now: string): Promise<DriveItemRow> {
    await this.db.query(
      `INSERT INTO graph_sandbox.drive_items (id, drive_id, parent_id, name, is_folder, content, size, mime_type, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
      [item.id, item.driveId, item.parentId, item.name, item.isFolder, content, item.size, item.mimeType, now],
    );
    return { ...item, createdAt: now, updatedAt: now };
  }

  async replaceContent(id: string, content: Buffer, mimeType: string | null, now: string): Promise<void> {
    await this.db.query('UPDATE graph_sandbox.drive_items SET content = $2, size = $3, mime_type = $4, updated_at = $5 WHERE id = $1', [
      id,
      content,
      content.length,
      mimeType,
      now,
    ]);
  }

  async content(id: string): Promise<Buffer | undefined> {
    const r = await this.db.query<{ content: unknown }>('SELECT content FROM graph_sandbox.drive_items WHERE id = $1', [id]);
    return r.rows[0] ? toBuffer(r.rows[0].content) : undefined;
  }

  /** Deletes the item, everything under it and their permissions. */
  async deleteItem(driveId: string, id: string): Promise<void> {
    for (const c of await this.children(driveId, id)) await this.deleteItem(driveId, c.id);
    await this.db.query('DELETE FROM graph_sandbox.drive_permissions WHERE item_id = $1', [id]);
    await this.db.query('DELETE FROM graph_sandbox.drive_items WHERE id = $1', [id]);
  }

  async listItems(driveId?: string): Promise<DriveItemRow[]> {
    const r = await this.db.query<ItemSql>(
      `SELECT ${ITEM_COLUMNS} FROM graph_sandbox.drive_items ${driveId ? 'WHERE drive_id = $1' : ''} ORDER BY created_at, name`,
      driveId ? [driveId] : [],
    );
    return r.rows.map(toItem);
  }

  async permissions(itemId: string): Promise<DrivePermissionRow[]> {
    const r = await this.db.query<PermissionSql>('SELECT * FROM graph_sandbox.drive_permissions WHERE item_id = $1 ORDER BY created_at, id', [itemId]);
    return r.rows.map(toPermission);
  }

  async listPermissions(): Promise<DrivePermissionRow[]> {
    const r = await this.db.query<PermissionSql>('SELECT * FROM graph_sandbox.drive_permissions ORDER BY created_at, id');
    return r.rows.map(toPermission);
  }

  async insertPermission(p: DrivePermissionRow, now: string): Promise<void> {
    await this.db.query(
      `INSERT INTO graph_sandbox.drive_permissions (id, drive_id, item_id, roles, email, object_id, expiration, sign_in_required, invitation_sent, created_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10)`,
      [p.id, p.driveId, p.itemId, JSON.stringify(p.roles), p.email, p.objectId, p.expiration, p.signInRequired, p.invitationSent, now],
    );
  }

  async updatePermission(id: string, roles: string[], expiration: string | null): Promise<void> {
    await this.db.query('UPDATE graph_sandbox.drive_permissions SET roles = $2::jsonb, expiration = $3 WHERE id = $1', [id, JSON.stringify(roles), expiration]);
  }

  async deletePermission(itemId: string, id: string): Promise<boolean> {
    const r = await this.db.query('DELETE FROM graph_sandbox.drive_permissions WHERE item_id = $1 AND id = $2', [itemId, id]);
    return r.rowCount === 1;
  }

  async insertSession(s: UploadSessionRow, now: string): Promise<void> {
    await this.db.query(
      `INSERT INTO graph_sandbox.upload_sessions (id, drive_id, parent_id, name, conflict, file_size, content, expires_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [s.id, s.driveId, s.parentId, s.name, s.conflict, s.fileSize, Buffer.alloc(0), s.expiresAt, now],
    );
  }

  /** FOR UPDATE: two fragments racing on one session are applied one after the other. */
  async session(id: string): Promise<(UploadSessionRow & { content: Buffer }) | undefined> {
    const r = await this.db.query<{
      id: string;
      drive_id: string;
      parent_id: string;
      name: string;
      conflict: string;
      file_size: string | number | null;
      received: string | number;
      content: unknown;
      expires_at: string;
    }>('SELECT * FROM graph_sandbox.upload_sessions WHERE id = $1 FOR UPDATE', [id]);
    const row = r.rows[0];
    if (!row) return undefined;
    return {
      id: row.id,
      driveId: row.drive_id,
      parentId: row.parent_id,
      name: row.name,
      conflict: row.conflict,
      fileSize: row.file_size === null ? null : Number(row.file_size),
      received: Number(row.received),
      expiresAt: row.expires_at,
      content: toBuffer(row.content),
    };
  }

  async appendToSession(id: string, content: Buffer, fileSize: number, expiresAt: string): Promise<void> {
    await this.db.query('UPDATE graph_sandbox.upload_sessions SET content = $2, received = $3, file_size = $4, expires_at = $5 WHERE id = $1', [
      id,
      content,
      content.length,
      fileSize,
      expiresAt,
    ]);
  }

  async deleteSession(id: string): Promise<boolean> {
    const r = await this.db.query('DELETE FROM graph_sandbox.upload_sessions WHERE id = $1', [id]);
    return r.rowCount === 1;
  }
}
