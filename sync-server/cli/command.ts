/**
 * The shape of a CLI command. Each command declares its options and returns data; the runner in
 * `cli.ts` parses arguments, opens the store, and prints either the data as JSON (`--json`, for
 * scripts: stable keys, two-space indent) or the command's text for people.
 */
import type { Db } from '../db/types';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export interface CommandContext {
  db: Db;
  options: Record<string, string | boolean | undefined>;
  positionals: string[];
  now: Date;
}

export interface CommandOutput {
  json: unknown;
  text: string;
}

export interface Command {
  summary: string;
  usage: string;
  options: OptionSpec;
  run(context: CommandContext): Promise<CommandOutput>;
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}

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
