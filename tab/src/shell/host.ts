// Where the page runs: inside Teams (TeamsJS gives the context, the theme and an SSO token) or in a
// plain browser (local mode: the person is chosen at the local sign-in, the theme from ?theme=).
// Outside an iframe TeamsJS is never initialised: it would wait for a parent that is not there.
import { app, authentication, meeting } from '@microsoft/teams-js';

export type ThemeName = 'default' | 'dark' | 'contrast';

export interface HostContext {
  userObjectId?: string;
  meetingId?: string;
  chatId?: string;
  /** Teams' frame: 'sidePanel', 'meetingStage', 'content', … */
  frameContext?: string;
}

export interface TabHost {
  kind: 'teams' | 'browser';
  theme: ThemeName;
  context: HostContext;
  onThemeChange(handler: (theme: ThemeName) => void): void;
  /** Teams: the SSO token (null for anonymous users: SSO is not available to them). */
  ssoToken(): Promise<string | null>;
  /** Teams meetings only: share a URL of this app to the meeting stage. */
  shareToStage?(url: string): Promise<void>;
}

const THEMES: ThemeName[] = ['default', 'dark', 'contrast'];
const asTheme = (value: string | null | undefined): ThemeName => (THEMES.includes(value as ThemeName) ? (value as ThemeName) : 'default');

function browserHost(): TabHost {
  const query = new URLSearchParams(location.search);
  const prefersDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  const prefersContrast = typeof matchMedia === 'function' && matchMedia('(forced-colors: active)').matches;
  const theme = query.has('theme') ? asTheme(query.get('theme')) : prefersContrast ? 'contrast' : prefersDark ? 'dark' : 'default';
  return { kind: 'browser', theme, context: {}, onThemeChange: () => undefined, ssoToken: async () => null };
}

const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer in ${ms} ms`)), ms))]);

export async function detectHost(): Promise<TabHost> {
  if (window.parent === window) return browserHost();
  try {
    await withTimeout(app.initialize(), 5000, 'Teams');
  } catch {
    // Framed by something that is not Teams (or Teams did not answer): work as a plain page.
    return browserHost();
  }
  const context = await app.getContext();
  const host: TabHost = {
    kind: 'teams',
    theme: asTheme(context.app.theme),
    context: {
      ...(context.user?.id ? { userObjectId: context.user.id } : {}),
      ...(context.meeting?.id ? { meetingId: context.meeting.id } : {}),
      ...(context.chat?.id ? { chatId: context.chat.id } : {}),
      ...(context.page.frameContext ? { frameContext: String(context.page.frameContext) } : {}),
    },
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((t) => handler(asTheme(t))),
    ssoToken: async () => {
      try {
        return await authentication.getAuthToken();
      } catch {
        return null;
      }
    },
    shareToStage: (url) =>
      new Promise<void>((resolve, reject) => {
        meeting.shareAppContentToStage((error) => (error ? reject(new Error(error.message ?? String(error.errorCode))) : resolve()), url);
      }),
  };
  app.notifySuccess();
  return host;
}
