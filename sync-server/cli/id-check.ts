/**
 * `iin <number>` and `bin <number>`: the same checks intake runs on an IIN (ЖСН) or a BIN
 * (БСН), for staff checking a number from a paper or a phone call. An invalid number is an
 * answer, not a failure, so both exit 0 either way; only a missing argument is an error.
 */
import { checkBin, checkIin } from '../../src/domain/iin';
import { type PureCommand, requireSinglePositional } from './command';

export const iinCommand: PureCommand = {
  needsStore: false,
  allowPositionals: true,
  summary: 'check an IIN: check digit, birth date and sex',
  usage: 'iin <12 digits> [--json]',
  options: {},
  async run(context) {
    const check = checkIin(requireSinglePositional(context, 'iin'));
    // Fixed key order whatever the branch, so scripts and people see the same layout.
    const json = check.valid
      ? {
          valid: true,
          ...(check.birthDate ? { birthDate: check.birthDate } : {}),
          ...(check.sex ? { sex: check.sex } : {}),
          notices: check.notices,
        }
      : { valid: false, reason: check.reason };
    const text = check.valid
      ? [
          'valid',
          check.birthDate && `born ${check.birthDate}`,
          check.sex,
          ...check.notices.map((n) => `(${n})`),
        ]
          .filter(Boolean)
          .join(', ')
      : `invalid: ${check.reason}`;
    return { json, text };
  },
};

export const binCommand: PureCommand = {
  needsStore: false,
  allowPositionals: true,
  summary: 'check a BIN: check digit, registration month, entity type, division',
  usage: 'bin <12 digits> [--json]',
  options: {},
  async run(context) {
    const check = checkBin(requireSinglePositional(context, 'bin'));
    const json = check.valid
      ? {
          valid: true,
          ...(check.registeredMonth ? { registeredMonth: check.registeredMonth } : {}),
          ...(check.entityType ? { entityType: check.entityType } : {}),
          ...(check.division ? { division: check.division } : {}),
          notices: check.notices,
        }
      : { valid: false, reason: check.reason };
    const text = check.valid
      ? [
          'valid',
          check.registeredMonth && `registered ${check.registeredMonth}`,
          check.entityType,
          check.division,
          ...check.notices.map((n) => `(${n})`),
        ]
          .filter(Boolean)
          .join(', ')
      : `invalid: ${check.reason}`;
    return { json, text };
  },
};
