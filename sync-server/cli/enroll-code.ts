/** `enroll-code`: a one-time code that enrolls one device of an office. */
import { OFFICE_KINDS } from '../../src/domain/roles';
import { issueEnrollCode } from '../sync/enroll';
import { type Command, requireOneOf, requireString } from './command';

export const enrollCodeCommand: Command = {
  summary: 'issue a one-time enrollment code for a device of an office',
  usage: 'enroll-code --office <id> --role <akimat|district> [--json]',
  options: { office: { type: 'string' }, role: { type: 'string' } },
  async run(context) {
    const officeId = requireString(context, 'office');
    const role = requireOneOf(context, 'role', OFFICE_KINDS);
    const code = await issueEnrollCode(context.db, officeId, role, context.now);
    return { json: { code }, text: `${code}  (one-time code for a ${role} device of ${officeId})` };
  },
};
