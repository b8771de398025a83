// LinkSigner with HMAC-SHA256: token = base64url(claims JSON) "." base64url(mac). The key is
// derived from the audit key with HKDF (info "cpc-links-v1"), so a deployment has one secret to
// keep in Key Vault and a link key that can never verify an audit entry or the reverse.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { type LinkClaims, LinkError, type LinkPurpose, type LinkSigner } from '../../app/ports/link-signer.port';

const PURPOSES: readonly LinkPurpose[] = ['attendance', 'report', 'record', 'run-sheet', 'family-view', 'stage-view'];

export function linkKeyFrom(auditKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', auditKey, Buffer.alloc(0), 'cpc-links-v1', 32));
}

export class HmacLinkSigner implements LinkSigner {
  constructor(private readonly key: Buffer) {}

  private mac(body: string): Buffer {
    return createHmac('sha256', this.key).update(body).digest();
  }

  sign(claims: LinkClaims): string {
    const body = Buffer.from(JSON.stringify({ p: claims.purpose, c: claims.conferenceId, i: claims.inviteeId, e: claims.expiresAt })).toString('base64url');
    return `${body}.${this.mac(body).toString('base64url')}`;
  }

  verify(token: string, purpose: LinkPurpose, now: Date): LinkClaims {
    const [body, mac, extra] = token.split('.');
    if (!body || !mac || extra !== undefined || token.length > 2000) throw new LinkError('LINK.INVALID', 'the link is not valid');
    const given = Buffer.from(mac, 'base64url');
    const expected = this.mac(body);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new LinkError('LINK.INVALID', 'the link is not valid');
    let raw: { p?: unknown; c?: unknown; i?: unknown; e?: unknown };
    try {
      raw = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      throw new LinkError('LINK.INVALID', 'the link is not valid');
    }
    const { p, c, i, e } = raw;
    if (typeof p !== 'string' || !PURPOSES.includes(p as LinkPurpose) || typeof c !== 'string' || typeof i !== 'string' || typeof e !== 'string' || Number.isNaN(Date.parse(e))) {
      throw new LinkError('LINK.INVALID', 'the link is not valid');
    }
    if (p !== purpose) throw new LinkError('LINK.WRONG_PURPOSE', 'this link is for something else');
    if (now.getTime() >= Date.parse(e)) throw new LinkError('LINK.EXPIRED', 'the link has expired');
    return { purpose: p as LinkPurpose, conferenceId: c, inviteeId: i, expiresAt: e };
  }
}
