// The product's API (/api/v1, docs/api.md) as a person uses it: a local-mode dev sign-in token
// (signed and checked with the product's clock), JSON bodies, the ETag → If-Match versions.
// Answers are returned as the product gave them; `ok` throws with the error envelope's code.

// biome-ignore lint/suspicious/noExplicitAny: the demo reads the API's JSON answers freely
export type Json = Record<string, any>;

export interface ApiAnswer {
  status: number;
  json: Json;
  etag: string | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${status} ${code}: ${message}`);
    this.name = 'ApiError';
  }
}

export class ProductApi {
  constructor(private readonly botUrl: string) {}

  /** A fresh token each call: the demo's clock jumps hours ahead, past a token's hour. */
  private async token(personId: string): Promise<string> {
    const res = await fetch(`${this.botUrl}/api/v1/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: personId }),
    });
    if (!res.ok) throw new ApiError(res.status, 'DEMO.SIGN_IN', await res.text());
    return ((await res.json()) as { accessToken: string }).accessToken;
  }

  async call(method: string, path: string, as: { id: string }, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer> {
    const res = await fetch(`${this.botUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${await this.token(as.id)}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let json: Json = {};
    try {
      json = text ? (JSON.parse(text) as Json) : {};
    } catch {
      json = { text };
    }
    return { status: res.status, json, etag: res.headers.get('etag') };
  }

  /** The call, which must answer 2xx; else an ApiError with the product's code. */
  async ok(method: string, path: string, as: { id: string }, body?: unknown, ifMatch?: string | number | null): Promise<ApiAnswer> {
    const headers: Record<string, string> = ifMatch === undefined || ifMatch === null ? {} : { 'if-match': typeof ifMatch === 'number' ? `"${ifMatch}"` : ifMatch };
    const answer = await this.call(method, path, as, body, headers);
    if (answer.status < 200 || answer.status > 299) {
      const error = answer.json.error as { code?: string; message?: string } | undefined;
      throw new ApiError(answer.status, error?.code ?? 'HTTP', `${method} ${path}: ${error?.message ?? JSON.stringify(answer.json).slice(0, 300)}`);
    }
    return answer;
  }
}
