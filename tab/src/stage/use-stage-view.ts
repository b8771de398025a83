// The stage view, kept fresh: read now and every few seconds (the stage changes a handful of times
// a meeting; everyone in the room watches the same screen). With the signed token it needs no
// sign-in (people in the call without an account); otherwise the bearer read.
import { useEffect, useRef, useState } from 'react';
import { type ApiClient, ApiError } from '../shell/api-client';
import type { StageView } from '../shell/api-types';

export const STAGE_POLL_MS = 3000;

export function stageViewPath(conferenceId: string, token: string | null): string {
  return token ? `/stage-view?token=${encodeURIComponent(token)}` : `/conferences/${encodeURIComponent(conferenceId)}/stage-view`;
}

export function useStageView(api: ApiClient, conferenceId: string, token: string | null): { view: StageView | null; error: ApiError | null } {
  const [view, setView] = useState<StageView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // The shell makes a new client when it re-renders (a theme change): keep polling, do not restart.
  const client = useRef(api);
  client.current = api;
  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      try {
        setView(await client.current.get<StageView>(stageViewPath(conferenceId, token), { signal: abort.signal }));
        setError(null);
      } catch (err) {
        if ((err as Error).name === 'AbortError') return;
        setError(err instanceof ApiError ? err : new ApiError(0, 'UNKNOWN', 'The stage view could not be read.'));
        // A refused link or access stays refused: stop asking.
        if (err instanceof ApiError && err.status >= 400 && err.status < 500) return;
      }
      timer = setTimeout(read, STAGE_POLL_MS);
    };
    void read();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [conferenceId, token]);
  return { view, error };
}
