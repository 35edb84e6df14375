/**
 * The shape of a CLI command. Each command declares its options and returns data; the runner in
 * `cli.ts` parses arguments, opens the store when the command needs it, and prints either the
 * data as JSON (`--json`, for scripts: stable keys, two-space indent) or the command's text for
 * people.
 *
 * Reference commands (catalog, process, calendar, deadline, iin, bin) answer from the domain alone and
 * declare `needsStore: false`, so an administrator can check a number or a deadline on any
 * machine without creating, migrating or seeding a database there.
 */
import type { Db } from '../db/types';

export type OptionSpec = Record<
  string,
  { type: 'string' | 'boolean'; short?: string; multiple?: boolean }
>;

/** A `multiple` option arrives as an array; every other one as a single value. */
export type OptionValue = string | boolean | string[] | undefined;

export interface CommandContext {
  options: Record<string, OptionValue>;
  positionals: string[];
  now: Date;
}

export interface StoreContext extends CommandContext {
  db: Db;
}

export interface CommandOutput {
  json: unknown;
  text: string;
}

interface CommandBase {
  summary: string;
  usage: string;
  options: OptionSpec;
  /** `iin <number>` takes its argument bare; commands that do not say so reject positionals */
  allowPositionals?: boolean;
  /**
   * Checks the options before the store is opened (throws `UsageError`): a command called
   * wrongly then neither creates nor migrates a store.
   */
  validate?(context: CommandContext): void;
}

/** Works on the store (the default): the runner opens and migrates it first. */
export interface StoreCommand extends CommandBase {
  needsStore?: true;
  run(context: StoreContext): Promise<CommandOutput>;
}

/** Answers from the domain alone: the runner never touches DATA_DIR or DATABASE_URL. */
export interface PureCommand extends CommandBase {
  needsStore: false;
  run(context: CommandContext): Promise<CommandOutput>;
}

export type Command = StoreCommand | PureCommand;

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/**
 * The command was called correctly but cannot do what was asked, for a reason that has no code
 * in the product's error registry (e.g. a channel whose regulation lists no steps): exit code 1.
 */
export class CommandFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function requireString(context: CommandContext, name: string): string {
  const value = context.options[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new UsageError(`--${name} is required`);
  }
  return value.trim();
}

export function requireOneOf<T extends string>(
  context: CommandContext,
  name: string,
  allowed: readonly T[],
): T {
  const value = requireString(context, name);
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of: ${allowed.join(', ')}`);
  }
  return value as T;
}

/** Values of a repeatable option, in the order given; none when it was not given. */
export function optionList(context: CommandContext, name: string): string[] {
  const value = context.options[name];
  if (Array.isArray(value)) return value;
  return typeof value === 'string' ? [value] : [];
}

/** The one bare argument of a command such as `iin <number>`. */
export function requireSinglePositional(context: CommandContext, name: string): string {
  const [value, ...extra] = context.positionals;
  if (value === undefined || value.trim() === '') throw new UsageError(`<${name}> is required`);
  if (extra.length > 0) {
    throw new UsageError(`expected one <${name}>, got ${context.positionals.length} arguments`);
  }
  return value.trim();
}
