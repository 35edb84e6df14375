/**
 * Alphabetical order of Kazakh and Russian text without Intl collation: the browsers the offices
 * use may ship no Kazakh collation data, and comparing tens of thousands of names through
 * `Intl.Collator` on every sort is slow on a cheap laptop. `sortKey` maps each Cyrillic letter
 * to its place in the Kazakh alphabet (which holds the Russian one in the same order), so plain
 * string comparison of keys gives alphabetical order, case-insensitively.
 */
const KAZAKH_ALPHABET = 'аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя';

/**
 * Letters take places in the private-use area: after digits, Latin letters, punctuation and any
 * other letter, and never equal to a character of real text.
 */
const FIRST_LETTER = 0xe000;

const PLACE = new Map<string, string>(
  [...KAZAKH_ALPHABET].map((letter, i) => [letter, String.fromCharCode(FIRST_LETTER + i)]),
);

/** A key whose code-unit order is the text's alphabetical order. */
export function sortKey(text: string): string {
  let key = '';
  for (const char of text.toLocaleLowerCase('kk')) key += PLACE.get(char) ?? char;
  return key;
}
