// What counts as "this machine": the one definition that local mode's HOST rule and the
// https-only rule for outside endpoints (Graph, sign-in, Bot Framework, the API's keys) share.
import { isIP } from 'node:net';

export function isLoopbackHost(host: string): boolean {
  const bare = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1';
  return false;
}

/** An http(s) URL whose host is loopback (false for anything unparsable). */
export function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Tokens, keys or case data cross this URL: https, or plain http to this machine only (tests). */
export function isSecureEndpointUrl(url: string): boolean {
  return url.startsWith('https://') || (url.startsWith('http://') && isLoopbackUrl(url));
}
