// One chair action at a time: runs the API call, then reads the meeting again so the answer shows
// at once (the stream brings it too, within a second). A refusal is shown in the server's words.
import { useCallback, useState } from 'react';
import { ApiError } from '../shell/api-client';

export interface ChairAction {
  /** The key of the action running now (e.g. 'stage:open-family'), or null. */
  busy: string | null;
  error: string | null;
  run<T>(key: string, call: () => Promise<T>): Promise<T | undefined>;
}

export function useChairAction(refresh: () => Promise<void>): ChairAction {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async <T,>(key: string, call: () => Promise<T>): Promise<T | undefined> => {
      setBusy(key);
      setError(null);
      try {
        const answer = await call();
        await refresh();
        return answer;
      } catch (err) {
        setError(err instanceof ApiError ? err.message : 'Something went wrong. Try again.');
        return undefined;
      } finally {
        setBusy(null);
      }
    },
    [refresh],
  );
  return { busy, error, run };
}
