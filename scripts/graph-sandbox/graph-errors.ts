// Graph's error body: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}.
// Handlers throw GraphError; the router turns it into that shape with the request's ids.

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export interface GraphErrorBody {
  error: { code: string; message: string; innerError: { date: string; 'request-id': string; 'client-request-id': string } };
}

export function graphErrorBody(code: string, message: string, requestId: string, clientRequestId: string, now: Date): GraphErrorBody {
  return {
    error: {
      code,
      message,
      innerError: { date: now.toISOString().replace(/\.\d{3}Z$/, ''), 'request-id': requestId, 'client-request-id': clientRequestId },
    },
  };
}

// Shorthands with Graph's codes and messages (Outlook workload codes for mail and calendar).
export const badRequest = (message: string, code = 'BadRequest') => new GraphError(400, code, message);
export const bodyRead = (message: string) => new GraphError(400, 'RequestBodyRead', message);
export const invalidRequest = (message: string) => new GraphError(400, 'ErrorInvalidRequest', message);
export const itemNotFound = () => new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
export const notFound = (message: string) => new GraphError(404, 'NotFound', message);
export const methodNotAllowed = (method: string) => new GraphError(405, 'BadRequest', `The HTTP method '${method}' is not allowed for this resource.`);
export const segmentNotFound = (segment: string) => new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);

export function unauthorized(message: string): GraphError {
  return new GraphError(401, 'InvalidAuthenticationToken', message, {
    'WWW-Authenticate':
      'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
  });
}

/** AADSTS error body of the token endpoint. */
export function aadError(
  status: number,
  error: string,
  aadsts: number,
  description: string,
  now: Date,
  traceId: string,
  correlationId: string,
): { status: number; body: Record<string, unknown> } {
  const timestamp = now.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${aadsts}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [aadsts],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${aadsts}`,
    },
  };
}
