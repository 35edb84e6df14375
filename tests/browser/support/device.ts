/**
 * Reads of the device's IndexedDB from a test, for what the screen shows computed from it (a
 * case's completions, the calendar the device counts with).
 */
import type { Page } from 'playwright-core';
import type { CaseRow } from '../../../src/db/schema';

/** The case projection of this registration number on the device. */
export function readCase(page: Page, regNumber: string): Promise<CaseRow> {
  return page.evaluate(
    (n) =>
      new Promise<CaseRow>((resolve, reject) => {
        const open = indexedDB.open('qabyldau');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result
            .transaction('cases')
            .objectStore('cases')
            .index('regNumber')
            .get(n);
          request.onsuccess = () => {
            open.result.close();
            if (request.result) resolve(request.result as CaseRow);
            else reject(new Error(`no case ${n} on the device`));
          };
          request.onerror = () => reject(request.error);
        };
      }),
    regNumber,
  );
}

/** A value of the device's `meta` table. */
export function readMeta<T>(page: Page, key: string): Promise<T | undefined> {
  return page.evaluate(
    (k) =>
      new Promise<T | undefined>((resolve, reject) => {
        const open = indexedDB.open('qabyldau');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('meta').objectStore('meta').get(k);
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as { value: T } | undefined)?.value);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    key,
  );
}
