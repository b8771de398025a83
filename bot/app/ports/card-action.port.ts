/**
 * The contract between the Teams adapter and use cases for `adaptiveCard/action` invokes: the
 * adapter parses the invoke, looks the verb up in a CardActionHandlers map and turns the result
 * into Teams' `{ statusCode, type, value }` answer. Handlers parse `data` with zod themselves.
 */
export interface CardActionRequest {
  verb: string;
  /** The card's `data` as sent by the client: untrusted until a handler parses it. */
  data: unknown;
  /** Entra object id when Teams gives one, else the Teams user id. */
  actorId: string;
  tenantId: string | null;
  conversationId: string;
}

export type CardActionResult =
  | { kind: 'card'; card: Record<string, unknown> }
  | { kind: 'message'; text: string }
  | { kind: 'error'; status: 400 | 403 | 404 | 412 | 500; code: string; message: string };

export type CardActionHandler = (request: CardActionRequest) => Promise<CardActionResult>;

export type CardActionHandlers = Readonly<Record<string, CardActionHandler>>;
