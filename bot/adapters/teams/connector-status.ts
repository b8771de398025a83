// The HTTP status of a failed Bot Framework connector call: botbuilder puts it in `statusCode`,
// the underlying HTTP client in `response.status`.
export const connectorStatusOf = (err: unknown): number | undefined => {
  const e = err as { statusCode?: unknown; response?: { status?: unknown } };
  return typeof e.statusCode === 'number' ? e.statusCode : typeof e.response?.status === 'number' ? e.response.status : undefined;
};
