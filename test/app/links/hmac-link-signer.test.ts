import { HmacLinkSigner, linkKeyFrom } from '../../../bot/adapters/links/hmac-link-signer';
import { TEST_AUDIT_KEY } from '../../store/fixtures';

const signer = new HmacLinkSigner(linkKeyFrom(TEST_AUDIT_KEY));
const claims = { purpose: 'attendance' as const, conferenceId: 'conf-1', inviteeId: 'inv-2', expiresAt: '2026-12-10T17:00:00.000Z' };
const before = new Date('2026-12-09T09:00:00Z');

describe('signed links', () => {
  it('round-trips its claims until it expires', () => {
    const token = signer.sign(claims);
    expect(signer.verify(token, 'attendance', before)).toEqual(claims);
    expect(() => signer.verify(token, 'attendance', new Date('2026-12-10T17:00:00Z'))).toThrow(expect.objectContaining({ code: 'LINK.EXPIRED' }));
  });

  it('refuses another purpose, an altered body, a forged mac and another key', () => {
    const token = signer.sign(claims);
    expect(() => signer.verify(token, 'report', before)).toThrow(expect.objectContaining({ code: 'LINK.WRONG_PURPOSE' }));
    const [body, mac] = token.split('.');
    const altered = Buffer.from(JSON.stringify({ p: 'attendance', c: 'conf-1', i: 'inv-3', e: claims.expiresAt })).toString('base64url');
    expect(() => signer.verify(`${altered}.${mac}`, 'attendance', before)).toThrow(expect.objectContaining({ code: 'LINK.INVALID' }));
    expect(() => signer.verify(`${body}.${'A'.repeat(43)}`, 'attendance', before)).toThrow(expect.objectContaining({ code: 'LINK.INVALID' }));
    const other = new HmacLinkSigner(linkKeyFrom(Buffer.alloc(32, 1)));
    expect(() => other.verify(token, 'attendance', before)).toThrow(expect.objectContaining({ code: 'LINK.INVALID' }));
    for (const junk of ['', '.', 'a.b.c', 'x'.repeat(3000)]) expect(() => signer.verify(junk, 'attendance', before)).toThrow(expect.objectContaining({ code: 'LINK.INVALID' }));
  });

  it('never carries a name: only ids, the purpose and the expiry', () => {
    const body = signer.sign(claims).split('.')[0]!;
    expect(Object.keys(JSON.parse(Buffer.from(body, 'base64url').toString()))).toEqual(['p', 'c', 'i', 'e']);
  });
});
