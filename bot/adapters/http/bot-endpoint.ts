import type { Logger } from '../logging/logger';

/** What the HTTP layer hands POST /api/messages to (implemented by the Teams adapter). */
export interface BotEndpointRequest {
  /** The Authorization header, '' when absent. */
  authorization: string;
  /** Parsed JSON, not yet known to be an activity. */
  body: unknown;
  log: Logger;
}

export interface BotEndpointResponse {
  status: number;
  body?: unknown;
  /** Non-identifying fields for the request's summary log line (ids, types, outcome codes). */
  logFields?: Record<string, string | number | boolean | null>;
}

export interface BotEndpoint {
  handle(request: BotEndpointRequest): Promise<BotEndpointResponse>;
}
