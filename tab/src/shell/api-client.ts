// The API as the browser calls it: /api/v1 on this server, with the bearer token of whoever is
// signed in (Teams SSO, or the local sign-in). Errors come back as ApiError with the API's own
// envelope {error:{code,message,details}}, so a page can show the server's words.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface SendOptions {
  /** The version last read (ETag without quotes); sent as If-Match. */
  ifMatch?: string | number;
  /** Idempotency-Key for creating requests (a card or form submitted twice makes one thing). */
  idempotencyKey?: string;
}

export interface ApiResponse<T> {
  status: number;
  body: T;
  etag: string | null;
}

export class ApiClient {
  constructor(private readonly token: () => Promise<string | null>) {}

  async get<T>(path: string, init?: { signal?: AbortSignal }): Promise<T> {
    return (await this.request<T>('GET', path, undefined, {}, init?.signal)).body;
  }

  async send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, options: SendOptions = {}): Promise<ApiResponse<T>> {
    return this.request<T>(method, path, body, options);
  }

  /** The headers of an authenticated request (for streams the client reads itself, e.g. SSE). */
  async headers(extra: Record<string, string> = {}): Promise<Record<string, string>> {
    const token = await this.token();
    return { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra };
  }

  private async request<T>(method: string, path: string, body: unknown, options: SendOptions, signal?: AbortSignal): Promise<ApiResponse<T>> {
    const headers = await this.headers({ accept: 'application/json' });
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    let res: Response;
    try {
      res = await fetch(`/api/v1${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}), ...(signal ? { signal } : {}) });
    } catch (err) {
      if ((err as Error).name === 'AbortError') throw err;
      throw new ApiError(0, 'NETWORK', 'The server could not be reached. Check the connection and try again.');
    }
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!res.ok) {
      const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
      throw new ApiError(res.status, error?.code ?? `HTTP_${res.status}`, error?.message ?? `The server answered ${res.status}.`, error?.details);
    }
    return { status: res.status, body: json as T, etag: res.headers.get('etag')?.replace(/^W\//, '').replace(/"/g, '') ?? null };
  }
}
