// The one error shape of the product: a stable code from a typed union per area, and a message
// for people. Edges map the code (never the message) to an answer: one table in adapters/teams
// for invoke answers, one in adapters/http for HTTP statuses. Messages carry ids and codes only.
export class CodedError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    message: string,
    /** Non-identifying detail for the caller (ids, rule names, counts); never personal data. */
    readonly details?: Readonly<Record<string, string | number | boolean | null | readonly string[]>>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** True when `err` is a CodedError whose code is one of `codes`. */
export function hasCode<C extends string>(err: unknown, codes: readonly C[]): err is CodedError<C> {
  return err instanceof CodedError && (codes as readonly string[]).includes(err.code);
}

/** A pure rule's answer: the next value, or a coded refusal. */
export type Result<T, C extends string> = { ok: true; value: T } | { ok: false; code: C; message: string };
