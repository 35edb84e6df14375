/**
 * What each released version changed, in the person's words, Kazakh and Russian. The build
 * writes the entry of its own version (package.json's) into `version.json`; a device still on
 * the previous version reads that file when the new one waits, and shows it in the offer.
 *
 * The notes are `whats-new.json` (the build reads it too). A version with no entry is offered
 * with a general line instead (`update.noNotes`).
 */
import notes from './whats-new.json' with { type: 'json' };

export interface ReleaseNotes {
  kk: readonly string[];
  ru: readonly string[];
}

export interface Release {
  version: string;
  notes: ReleaseNotes | null;
}

/** Version → what it changed; a release adds its entry when package.json's version is raised. */
export const WHATS_NEW: Readonly<Record<string, ReleaseNotes>> = notes;

/** The release file's content for `version`. */
export function releaseOf(version: string): Release {
  return { version, notes: WHATS_NEW[version] ?? null };
}

/**
 * A release file as the server gave it, or null when it is not one: an older server or a broken
 * download must not break the offer, which then shows the general line.
 */
export function parseRelease(data: unknown): Release | null {
  if (!data || typeof data !== 'object') return null;
  const { version, notes } = data as { version?: unknown; notes?: unknown };
  if (typeof version !== 'string') return null;
  const isList = (v: unknown): v is string[] =>
    Array.isArray(v) && v.every((line) => typeof line === 'string');
  const n = notes as { kk?: unknown; ru?: unknown } | null | undefined;
  return { version, notes: n && isList(n.kk) && isList(n.ru) ? { kk: n.kk, ru: n.ru } : null };
}
