// One GET from the API as page state: the answer, the server's error (ApiError, shown as its
// message), and reload() after a change. A newer request supersedes an older one.
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiClient, ApiError } from '../shell/api-client';

export interface ApiData<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

export function useApiData<T>(api: ApiClient, path: string | null): ApiData<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick is the reload trigger
  useEffect(() => {
    if (path === null) return;
    const ask = ++latest.current;
    const ctrl = new AbortController();
    setLoading(true);
    api
      .get<T>(path, { signal: ctrl.signal })
      .then((body) => {
        if (ask !== latest.current) return;
        setData(body);
        setError(null);
      })
      .catch((err: unknown) => {
        if (ask !== latest.current || (err as Error).name === 'AbortError') return;
        setError(err instanceof ApiError ? err : new ApiError(0, 'CLIENT', (err as Error).message));
      })
      .finally(() => {
        if (ask === latest.current) setLoading(false);
      });
    return () => ctrl.abort();
  }, [api, path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
