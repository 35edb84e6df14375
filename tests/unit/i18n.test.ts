import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/domain/errors';
import { kk } from '../../src/i18n/kk';
import { ru } from '../../src/i18n/ru';
import { kkWork } from '../../src/i18n/work/kk';
import { ruWork } from '../../src/i18n/work/ru';

/** Flattened keys with i18next plural suffixes folded, so kk (one/other) and ru (one/few/many/other) compare. */
function keys(dict: object, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(dict)) {
    const key = `${prefix}${k.replace(/_(one|few|many|other)$/, '')}`;
    if (v && typeof v === 'object') for (const inner of keys(v, `${key}.`)) out.add(inner);
    else out.add(key);
  }
  return out;
}

describe('dictionaries', () => {
  it('Russian has every Kazakh key and no other', () => {
    expect([...keys(ru)].sort()).toEqual([...keys(kk)].sort());
    expect([...keys(ruWork)].sort()).toEqual([...keys(kkWork)].sort());
  });

  it("the work screens' texts and the start-up texts share no group", () => {
    for (const group of Object.keys(kkWork)) expect(kk, group).not.toHaveProperty([group]);
  });

  it('every error code has a text in both languages', () => {
    for (const code of Object.keys(ERROR_CODES)) {
      expect(kk.errors, code).toHaveProperty([code]);
      expect(ru.errors, code).toHaveProperty([code]);
    }
  });

  it('Russian plural groups have all four forms', () => {
    for (const [key, value] of Object.entries(ruWork.units)) {
      expect(value, key).toContain('{{count}}');
    }
    expect(Object.keys(ruWork.units).filter((k) => k.startsWith('working_days_'))).toHaveLength(4);
  });
});
