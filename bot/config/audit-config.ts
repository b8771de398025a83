// The audit log's HMAC key (AUDIT_HMAC_KEY). It keys the hash chain so that someone who can write
// to the database, but does not hold the key, cannot forge, rewrite or re-chain entries. It comes
// from configuration (Key Vault in Azure) and never from the database.

export interface AuditConfig {
  hmacKey: Buffer;
}

export const AUDIT_HMAC_KEY_MIN_BYTES = 32;

export class AuditKeyInvalid extends Error {
  readonly code = 'CONFIG.AUDIT_KEY_INVALID';
}

const HEX_RE = /^(?:[0-9a-fA-F]{2})+$/;
const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Hex (`openssl rand -hex 32`) or base64 (`openssl rand -base64 32`) of at least 32 bytes; an
 * optional 'hex:' or 'base64:' prefix removes the guess. Surrounding whitespace is ignored (files).
 */
export function parseAuditKey(text: string): Buffer {
  const raw = text.trim();
  const prefixed = /^(hex|base64):(.*)$/s.exec(raw);
  const body = prefixed ? prefixed[2]!.trim() : raw;
  const asHex = prefixed ? prefixed[1] === 'hex' : HEX_RE.test(body) && body.length >= 2 * AUDIT_HMAC_KEY_MIN_BYTES;
  if (asHex && !HEX_RE.test(body)) throw new AuditKeyInvalid('is not valid hex');
  if (!asHex && !BASE64_RE.test(body)) throw new AuditKeyInvalid('is neither hex nor base64');
  const key = Buffer.from(body, asHex ? 'hex' : 'base64');
  if (key.length < AUDIT_HMAC_KEY_MIN_BYTES) {
    throw new AuditKeyInvalid(`is ${key.length} bytes; at least ${AUDIT_HMAC_KEY_MIN_BYTES} are needed (openssl rand -base64 32)`);
  }
  return key;
}

/**
 * Throws AuditKeyInvalid (the caller names the variable). Required outside local mode; in local
 * mode, unset, the launcher's public development key (`developmentKey`) is used.
 */
export function readAuditConfig(env: Record<string, string | undefined>, developmentKey: Buffer | null): AuditConfig {
  const value = env.AUDIT_HMAC_KEY?.trim();
  if (!value) {
    if (developmentKey) return { hmacKey: developmentKey };
    throw new AuditKeyInvalid('is required when MicrosoftAppId is set (base64 or hex of at least 32 random bytes; keep it in Key Vault)');
  }
  return { hmacKey: parseAuditKey(value) };
}
