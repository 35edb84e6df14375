/**
 * The administrator's command line: `npm run -s cli -- <command> [options]`. It opens the same
 * store as the server (DATA_DIR / DATABASE_URL), migrates it, and creates the demo district on
 * an empty database, so it works before the server ever ran. Commands live in one table; a new
 * one (catalog, calendar, backup, …) is one entry.
 *
 * Exit codes: 0 done, 1 the command failed (e.g. unknown office), 2 wrong arguments.
 */
import { parseArgs } from 'node:util';
import { type Command, UsageError } from './cli/command';
import { enrollCodeCommand } from './cli/enroll-code';
import { officesCommand } from './cli/offices';
import { systemClock } from './clock';
import { openStore, storeConfigFromEnv } from './db/open';
import { ApiError } from './http/errors';
import { ensureDemoDistrict } from './seed/demo';

const COMMANDS: Record<string, Command> = {
  offices: officesCommand,
  'enroll-code': enrollCodeCommand,
};

function help(): string {
  const rows = Object.entries(COMMANDS).map(([, c]) => `  ${c.usage.padEnd(58)} ${c.summary}`);
  return ['usage: npm run -s cli -- <command> [options]', '', 'commands:', ...rows].join('\n');
}

async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(help());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`error: unknown command "${name}"\n\n${help()}`);
    return 2;
  }

  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, json: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    console.error(`error: ${(error as Error).message}\nusage: ${command.usage}`);
    return 2;
  }

  const db = await openStore(storeConfigFromEnv());
  try {
    await ensureDemoDistrict(db, systemClock.now());
    const output = await command.run({
      db,
      // Our options are single-valued (no `multiple`), so arrays never occur.
      options: parsed.values as Record<string, string | boolean | undefined>,
      positionals: parsed.positionals,
      now: systemClock.now(),
    });
    console.log(parsed.values.json ? JSON.stringify(output.json, null, 2) : output.text);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\nusage: ${command.usage}`);
      return 2;
    }
    if (error instanceof ApiError) {
      console.error(`error: ${error.code}: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
