/**
 * The release notes (src/features/update/whatsNew.ts): the version package.json names has its
 * notes, in Kazakh and Russian line for line, and the release file a previous version reads is
 * taken only in its own shape.
 */
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { parseRelease, releaseOf, WHATS_NEW } from '../../src/features/update/whatsNew';

describe('what changed', () => {
  it("has the current version's notes in both languages, line for line", () => {
    const release = releaseOf(pkg.version);
    expect(release.version).toBe(pkg.version);
    expect(release.notes?.kk.length).toBeGreaterThan(0);
    for (const [version, notes] of Object.entries(WHATS_NEW)) {
      expect(notes.ru.length, version).toBe(notes.kk.length);
      for (const line of [...notes.kk, ...notes.ru]) expect(line.trim(), version).not.toBe('');
    }
  });

  it('reads a release file as the build writes it, and nothing else', () => {
    const written = JSON.parse(JSON.stringify(releaseOf(pkg.version)));
    expect(parseRelease(written)).toEqual(releaseOf(pkg.version));
    expect(parseRelease({ version: '9.9.9', notes: null })).toEqual({
      version: '9.9.9',
      notes: null,
    });
    expect(parseRelease({ version: '9.9.9', notes: { kk: ['а'], ru: 3 } })).toEqual({
      version: '9.9.9',
      notes: null,
    });
    expect(parseRelease('<!doctype html>')).toBeNull();
    expect(parseRelease({ notes: { kk: [], ru: [] } })).toBeNull();
  });
});
