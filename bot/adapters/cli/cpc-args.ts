// Argument parsing for `cpc`: positionals plus `--name value` / `--name=value` options.
// Every problem is a UsageError: one line naming it, exit code 2.

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface OptionSpec {
  /** May be given more than once (--anchor). */
  repeatable?: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string[]>;
}

/** A token that is a value, not an option: anything not starting with "--" (so "-3" is a number). */
const isOptionToken = (token: string) => token.startsWith('--');

export function parseArgs(argv: readonly string[], specs: Record<string, OptionSpec>): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (!isOptionToken(token)) {
      positionals.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const name = eq === -1 ? token.slice(2) : token.slice(2, eq);
    const spec = specs[name];
    if (!spec) throw new UsageError(`unknown option --${name}`);
    let value: string | undefined;
    if (eq !== -1) value = token.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined || isOptionToken(next)) throw new UsageError(`--${name} needs a value`);
      value = next;
      i++;
    }
    const values = options.get(name) ?? [];
    if (values.length > 0 && !spec.repeatable) throw new UsageError(`--${name} given more than once`);
    values.push(value);
    options.set(name, values);
  }
  return { positionals, options };
}

export function single(args: ParsedArgs, name: string): string | undefined {
  return args.options.get(name)?.[0];
}

export function required(args: ParsedArgs, name: string): string {
  const value = single(args, name);
  if (value === undefined) throw new UsageError(`missing --${name}`);
  return value;
}
