import { describe, expect, it } from 'vitest';
import { sortKey } from '../../src/domain/collation';

const sorted = (names: string[]) =>
  [...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));

describe('alphabetical order of Kazakh and Russian names', () => {
  it('puts the Kazakh letters in their places of the alphabet, not after я', () => {
    expect(
      sorted(['Яковлев', 'Әбенова', 'Абаев', 'Бекова', 'Ғабитов', 'Гусев', 'Іскаков']),
    ).toEqual(['Абаев', 'Әбенова', 'Бекова', 'Гусев', 'Ғабитов', 'Іскаков', 'Яковлев']);
    expect(sorted(['Құрманова', 'Кенжебаев', 'Лебедев'])).toEqual([
      'Кенжебаев',
      'Құрманова',
      'Лебедев',
    ]);
    expect(sorted(['Үсенов', 'Ұзақов', 'Уәлиев', 'Фомин'])).toEqual([
      'Уәлиев',
      'Ұзақов',
      'Үсенов',
      'Фомин',
    ]);
  });

  it('ignores case and keeps Russian order for Russian names', () => {
    expect(sortKey('ӘБЕНОВА')).toBe(sortKey('әбенова'));
    expect(sorted(['Щукин', 'Жуков', 'ёлкин', 'Еремеев', 'Ильин', 'Йошкин'])).toEqual([
      'Еремеев',
      'ёлкин',
      'Жуков',
      'Ильин',
      'Йошкин',
      'Щукин',
    ]);
  });

  it('puts digits and Latin letters before Cyrillic', () => {
    expect(sorted(['Абаев', '7 топ', 'Zed'])).toEqual(['7 топ', 'Zed', 'Абаев']);
  });
});
