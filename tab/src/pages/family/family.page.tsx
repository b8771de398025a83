// /tab/family?t=<signed link>: the family's page, opened from their invitation e-mail with no
// account. Reads GET /api/v1/family-view (the link is the access) and reads again every 10 s so
// "what happens now" follows the meeting; a refused link stops the reading.
import { useEffect, useState } from 'react';
import { FamilyPageView } from '../../family/family-page-view';
import type { FamilyPageState } from '../../family/family-page-words';
import { ApiError, type ApiClient } from '../../shell/api-client';
import type { FamilyView } from '../../shell/api-types';
import { mountPage } from '../../shell/mount-page';

const REFRESH_MS = 10_000;

function FamilyPage(props: { api: ApiClient; token: string | null }) {
  const { api, token } = props;
  const [state, setState] = useState<FamilyPageState>(token ? { kind: 'loading' } : { kind: 'no-link' });
  useEffect(() => {
    if (!token) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      try {
        const view = await api.get<FamilyView>(`/family-view?token=${encodeURIComponent(token)}`);
        if (stopped) return;
        setState({ kind: 'ready', view });
        timer = setTimeout(read, REFRESH_MS);
      } catch (err) {
        if (stopped) return;
        const code = err instanceof ApiError ? err.code : 'OTHER';
        // A network blip keeps the last answer on screen and tries again; a refused link stops.
        if (code === 'NETWORK') {
          setState((s) => (s.kind === 'ready' ? s : { kind: 'refused', code }));
          timer = setTimeout(read, REFRESH_MS);
        } else {
          setState({ kind: 'refused', code });
        }
      }
    };
    void read();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [api, token]);
  return <FamilyPageView state={state} />;
}

mountPage(({ api, query }) => <FamilyPage api={api} token={query.get('t')} />, { signIn: 'none' });
