// Every page starts here: find the host (Teams or a plain browser), sign in, pick the Teams theme
// (and follow its changes), and render the page inside Fluent UI with Griffel writing its styles
// into a <style> element that carries the page's CSP nonce.
import { createDOMRenderer, FluentProvider, RendererProvider, Spinner } from '@fluentui/react-components';
import { type ReactNode, StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiClient } from './api-client';
import { detectHost, type TabHost, type ThemeName } from './host';
import { LocalSignIn } from './local-sign-in';
import { localSession, localUserId, type Session, teamsSession } from './session';
import { fluentTheme } from './theme';

export interface PageContext {
  host: TabHost;
  api: ApiClient;
  session: Session;
  query: URLSearchParams;
  /** The path after /tab/, split on '/', decoded (e.g. ['conferences', '<id>']). */
  path: string[];
}

export interface PageOptions {
  /** 'required': the page needs someone signed in (local mode shows the sign-in); 'none': a public page. */
  signIn: 'required' | 'none';
}

function nonceOf(): string | undefined {
  return document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? undefined;
}

function Shell(props: { host: TabHost; render: (ctx: PageContext) => ReactNode; options: PageOptions }) {
  const { host } = props;
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  const [session, setSession] = useState<Session | null>(() => {
    if (host.kind === 'teams') return teamsSession(host);
    const id = localUserId();
    return id ? localSession(id) : null;
  });
  useEffect(() => host.onThemeChange(setTheme), [host]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  let content: ReactNode;
  if (!session && props.options.signIn === 'required') {
    content = <LocalSignIn onSignedIn={(id) => setSession(localSession(id))} />;
  } else {
    const active = session ?? { userId: null, token: async () => null, signOut: () => undefined };
    const ctx: PageContext = {
      host,
      session: active,
      api: new ApiClient(() => active.token()),
      query: new URLSearchParams(location.search),
      path: location.pathname.replace(/^\/tab\/?/, '').split('/').filter(Boolean).map(decodeURIComponent),
    };
    content = props.render(ctx);
  }
  return (
    <FluentProvider theme={fluentTheme(theme)} style={{ minHeight: '100vh' }} data-theme={theme} data-testid="tab-shell">
      {content}
    </FluentProvider>
  );
}

export function mountPage(render: (ctx: PageContext) => ReactNode, options: PageOptions = { signIn: 'required' }): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root element');
  const nonce = nonceOf();
  const renderer = createDOMRenderer(document, nonce ? { styleElementAttributes: { nonce } } : {});
  const reactRoot = createRoot(root);
  reactRoot.render(<Spinner label="Loading" />);
  void detectHost().then((host) => {
    reactRoot.render(
      <StrictMode>
        <RendererProvider renderer={renderer} targetDocument={document}>
          <Shell host={host} render={render} options={options} />
        </RendererProvider>
      </StrictMode>,
    );
  });
}
