/**
 * The administrator's command line: `npm run -s cli -- <command> [options]`. Commands that work
 * on data (offices, enroll-code, report, export) open the same store as the server (DATA_DIR / DATABASE_URL),
 * migrate it, and create the demo district on an empty database, so they work before the server
 * ever ran. Reference commands (catalog, process, calendar, deadline, iin, bin) declare
 * `needsStore: false` and answer from the domain alone, without touching any database. Commands
 * live in one table; a new one is one entry.
 *
 * Exit codes: 0 done, 1 the command failed (e.g. unknown office), 2 wrong arguments.
 */
import { parseArgs } from 'node:util';
import { auditCommand } from './cli/audit';
import { backupCommand } from './cli/backup';
import { calendarCommand } from './cli/calendar';
import { catalogCommand } from './cli/catalog';
import {
  type Command,
  type CommandContext,
  CommandFailure,
  type CommandOutput,
  type OptionValue,
  UsageError,
} from './cli/command';
import { deadlineCommand } from './cli/deadline';
import { demoActivityCommand } from './cli/demo-activity';
import { enrollCodeCommand } from './cli/enroll-code';
import { binCommand, iinCommand } from './cli/id-check';
import { importUnsentCommand } from './cli/import-unsent';
import { officesCommand } from './cli/offices';
import { processCommand } from './cli/process';
import { exportCommand, reportCommand } from './cli/report';
import { restoreCommand } from './cli/restore';
import { statusLookupsCommand } from './cli/status-lookups';
import { systemClock } from './clock';
import { openStore, storeConfigFromEnv } from './db/open';
import { ApiError } from './http/errors';
import { ensureDemoDistrict } from './seed/demo';
import { pinCostFromEnv } from './sync/pin-work';

const COMMANDS: Record<string, Command> = {
  offices: officesCommand,
  'enroll-code': enrollCodeCommand,
  catalog: catalogCommand,
  process: processCommand,
  calendar: calendarCommand,
  deadline: deadlineCommand,
  iin: iinCommand,
  bin: binCommand,
  backup: backupCommand,
  restore: restoreCommand,
  'demo-activity': demoActivityCommand,
  'status-lookups': statusLookupsCommand,
  'import-unsent': importUnsentCommand,
  audit: auditCommand,
  report: reportCommand,
  export: exportCommand,
};

function help(): string {
  const rows = Object.values(COMMANDS).map((c) =>
    // A long usage gets its summary on the next line rather than a ragged column.
    c.usage.length <= 64
      ? `  ${c.usage.padEnd(58)} ${c.summary}`
      : `  ${c.usage}\n  ${''.padEnd(58)} ${c.summary}`,
  );
  return ['usage: npm run -s cli -- <command> [options]', '', 'commands:', ...rows].join('\n');
}

/** Runs the command, with the store opened around it only when the command works on data. */
async function execute(command: Command, context: CommandContext): Promise<CommandOutput> {
  command.validate?.(context);
  if (command.needsStore === false) return command.run(context);
  const db = await openStore(storeConfigFromEnv());
  try {
    // The server's PIN cost (`PIN_COST`), so a demo district the CLI seeds is the server's.
    await ensureDemoDistrict(db, context.now, process.env, pinCostFromEnv(process.env).cost);
    return await command.run({ ...context, db });
  } finally {
    await db.close();
  }
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
      allowPositionals: command.allowPositionals === true,
    });
  } catch (error) {
    console.error(`error: ${(error as Error).message}\nusage: ${command.usage}`);
    return 2;
  }

  try {
    const output = await execute(command, {
      // Only string and boolean options are declared, so arrays hold strings (`multiple`).
      options: parsed.values as Record<string, OptionValue>,
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
    if (error instanceof ApiError || error instanceof CommandFailure) {
      console.error(`error: ${error.code}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

// `catalog --json | head` closes the pipe early; that is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
