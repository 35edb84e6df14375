/**
 * The problems the last save or refusal reported, by field: the code (a field that checks as it
 * is typed shows its own live problem otherwise) and the sentence in the interface language.
 */
import type { FieldProblem } from '../../domain/case/intake';
import type { ErrorCode } from '../../domain/errors';
import { describeProblem } from '../../i18n';

export interface ProblemText {
  (field: string): string | undefined;
  code(field: string): ErrorCode | undefined;
}

type T = Parameters<typeof describeProblem>[0];

export function problemTextOf(problems: readonly FieldProblem[], t: T): ProblemText {
  const code = (field: string) => problems.find((p) => p.field === field)?.code;
  // Every problem of the field: a package can be both incomplete and out of date.
  const text = (field: string) => {
    const found = problems.filter((p) => p.field === field);
    return found.length > 0
      ? found.map((p) => describeProblem(t, { code: p.code })).join(' ')
      : undefined;
  };
  return Object.assign(text, { code });
}
