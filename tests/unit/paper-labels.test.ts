/**
 * The papers' words: Russian has every Kazakh word (the type checker holds the keys; this holds
 * that none is left empty or in Kazakh), and the counts read as each language counts.
 */
import { describe, expect, it } from 'vitest';
import { PAPER_LABELS } from '../../src/features/print/labels';

/** Every string of the table, with its path, nested groups included. */
function entries(group: unknown, path = ''): [string, string][] {
  if (typeof group === 'string') return [[path, group]];
  if (!group || typeof group !== 'object') return [];
  return Object.entries(group).flatMap(([k, v]) => entries(v, path ? `${path}.${k}` : k));
}

describe('paper labels', () => {
  it('has every word in both languages, none empty, Russian without Kazakh letters', () => {
    const kk = entries(PAPER_LABELS.kk);
    const ru = entries(PAPER_LABELS.ru);
    expect(ru.map(([path]) => path)).toEqual(kk.map(([path]) => path));
    for (const [path, text] of [...kk, ...ru]) expect(text.trim(), path).not.toBe('');
    for (const [path, text] of ru) expect(text, path).not.toMatch(/[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/);
  });

  it('counts in Russian with the three forms after a number', () => {
    const { register, journal, duration } = PAPER_LABELS.ru;
    expect(register.total(1, 2)).toBe('Всего: 1 дело, 2 документа');
    expect(register.total(11, 21)).toBe('Всего: 11 дел, 21 документ');
    expect(register.total(16, 0)).toBe('Всего: 16 дел, 0 документов');
    expect(register.total(22, 114)).toBe('Всего: 22 дела, 114 документов');
    expect(journal.total(1)).toBe('Всего: 1 заявление');
    expect(journal.total(5)).toBe('Всего: 5 заявлений');
    expect(duration(1, 'working_days')).toBe('1 рабочий день');
    expect(duration(3, 'working_days')).toBe('3 рабочих дня');
    expect(duration(13, 'working_days')).toBe('13 рабочих дней');
    expect(duration(1.5, 'calendar_days')).toBe('1,5 календарных дня');
    expect(duration(15, 'minutes')).toBe('15 минут');
  });

  it('counts in Kazakh with the noun in one form', () => {
    const { register, journal, duration } = PAPER_LABELS.kk;
    expect(register.total(16, 3)).toBe('Барлығы: 16 іс, 3 құжат');
    expect(journal.total(1)).toBe('Барлығы: 1 өтініш');
    expect(duration(5, 'working_days')).toBe('5 жұмыс күні');
    expect(duration(30, 'calendar_days')).toBe('30 күнтізбелік күн');
  });
});
