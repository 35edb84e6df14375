/**
 * The citizen's status answer from the domain, for every position a case reaches along each
 * process's walk and its branches, and for an application refused at the desk: the stage in
 * plain words of either language, the status group, the date; nothing of the person; one null for
 * an unknown number and for wrong digits.
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/domain/case/reducer';
import { SERVICE_NAMES } from '../../src/domain/catalog/names';
import {
  answerLines,
  answerStatus,
  isIin4,
  publicLangOf,
  publicStageOf,
  publicStatusOf,
} from '../../src/domain/public-status';
import { positionsOf, SERVICE_NAMES as SERVICES, stateAt } from '../server/process-cases';

/** The stage each position's last step leaves the case in, by the step's name. */
const STAGE_AFTER: Record<string, string> = {
  registered: 'accepted',
  corrected: 'accepted',
  ordered: 'commission',
  inspected: 'accepted',
  sent: 'sent',
  received: 'review',
  assigned: 'review',
  decided: 'review',
  endorsed: 'review',
  sent_back: 'review',
  returned: 'returned',
  refused: 'refused',
  handed_out: 'issued',
  cancelled: 'cancelled',
};

function expectedStage(name: string, state: Case): string {
  const last = name.split('→').at(-1) ?? 'registered';
  // "sent" is the batch on its way, or the result on its way back; "received" is the file at
  // the district, or the result back at the village, ready.
  if (last === 'sent' && state.status === 'result_sent') return 'result_on_way';
  if (last === 'received' && state.status === 'result_received') return 'ready';
  if (last === 'signed') return state.at === 'village' ? 'ready' : 'result_on_way';
  return STAGE_AFTER[last] ?? `unexpected ${last}`;
}

describe('the public stage of every position of every process', () => {
  for (const service of SERVICES) {
    for (const position of positionsOf(service)) {
      it(`${service}: ${position.name}`, () => {
        const state = stateAt(position);
        const stage = publicStageOf(state);
        expect(stage.id).toBe(expectedStage(position.name, state));
        for (const lang of ['kk', 'ru'] as const) {
          const answer = publicStatusOf(state, SERVICE_NAMES, lang);
          expect(Object.keys(answer)).toEqual([
            'number',
            'service',
            'status',
            'stage',
            'expectedDate',
          ]);
          expect(answer.service).toBe(SERVICE_NAMES[state.serviceId]?.[lang]);
          expect(answer.stage.length).toBeGreaterThan(5);
          const text = JSON.stringify(answer);
          expect(text).not.toContain(state.applicant.iin);
          expect(text).not.toContain(state.applicant.surname);
          if (state.status === 'cancelled') expect(answer.expectedDate).toBeNull();
          else if (state.status === 'closed') expect(answer.expectedDate).toBe('2026-03-18');
          else expect(answer.expectedDate).toBe(state.resultDue);
        }
      });
    }
  }

  it('says where: accepted and ready at the village, reviewed at the district', () => {
    const walk = positionsOf('003-06');
    const at = (name: string) => {
      const position = walk.find((p) => p.name === name);
      if (!position) throw new Error(name);
      return publicStatusOf(stateAt(position), SERVICE_NAMES, 'kk').stage;
    };
    expect(at('registered')).toBe('Құжаттар ауылдық округ әкімі аппаратында қабылданды');
    expect(at('sent→received')).toBe('Аудандық бөлімде қаралуда');
    expect(at('sent→received→assigned→decided→signed→sent→received')).toBe(
      'Нәтиже дайын, ауылдық округ әкімі аппаратынан алуға болады',
    );
    expect(at('sent→received→assigned→decided→signed→sent→received→handed_out')).toBe(
      'Нәтиже берілді',
    );
  });
});

describe('answerStatus', () => {
  const first = positionsOf('003-06')[0];
  if (!first) throw new Error('no position');
  const registered = stateAt(first);
  const iin4 = registered.applicant.iin.slice(-4);
  const wrong = String((Number(iin4) + 1) % 10_000).padStart(4, '0');

  it('answers the right digits, and nothing for wrong digits or an unknown number', () => {
    expect(answerStatus([registered], iin4, SERVICE_NAMES, 'kk')?.number).toBe(
      registered.regNumber,
    );
    expect(answerStatus([registered], wrong, SERVICE_NAMES, 'kk')).toBeNull();
    expect(answerStatus([], iin4, SERVICE_NAMES, 'kk')).toBeNull();
  });

  it('finds the one of two cases of a number whose applicant the digits name', () => {
    const other = {
      ...registered,
      id: 'other',
      applicant: { ...registered.applicant, iin: `90010130${wrong}` },
    };
    expect(answerStatus([registered, other], wrong, SERVICE_NAMES, 'ru')?.number).toBe(
      registered.regNumber,
    );
  });

  it('answers an application refused at the desk with no date', () => {
    const refused: Case = {
      ...registered,
      regNumber: 'R01-26-01-0003',
      status: 'refused_at_intake',
      done: {},
      completions: {},
    };
    expect(publicStatusOf(refused, SERVICE_NAMES, 'ru')).toEqual({
      number: 'R01-26-01-0003',
      service: SERVICE_NAMES['003-06']?.ru,
      status: 'refused_at_intake',
      stage: 'Заявление не принято из-за неполного пакета документов, выдана расписка об отказе',
      expectedDate: null,
    });
  });

  it('writes the date with its month in words, labelled by whether the case is finished', () => {
    const answer = publicStatusOf(registered, SERVICE_NAMES, 'kk');
    expect(answerLines(answer, 'kk').at(-1)).toEqual({
      label: 'Нәтиже дайын болатын күн',
      value: '17\u00a0сәуір 2026\u00a0ж.',
    });
    expect(answerLines({ ...answer, status: 'issued' }, 'ru').at(-1)?.label).toBe(
      'Дата завершения',
    );
    expect(answerLines({ ...answer, expectedDate: null }, 'ru')).toHaveLength(2);
  });

  it('takes four ASCII digits and a known language only', () => {
    for (const good of ['0000', '1234']) expect(isIin4(good)).toBe(true);
    for (const bad of ['123', '12345', '12a4', '１２３４', ' 1234', undefined, 1234]) {
      expect(isIin4(bad)).toBe(false);
    }
    expect(publicLangOf(undefined)).toBe('kk');
    expect(publicLangOf('ru')).toBe('ru');
    expect(publicLangOf('en')).toBeNull();
  });
});
