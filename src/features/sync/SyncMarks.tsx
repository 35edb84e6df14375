/**
 * Which cases have events the server does not hold yet, read once for every list on the screen
 * (`caseSyncMarks`) and handed to the rows through context: a list of thousands of rows asks
 * IndexedDB once, not once a row, and every row follows as the outbox empties.
 */
import { createContext, type ReactNode, useContext } from 'react';
import { type CaseSyncMark, caseSyncMarks } from '../../db/queries';
import { useLive } from '../../db/useLive';
import { useRuntime } from '../app/runtime';

const NONE: ReadonlyMap<string, CaseSyncMark> = new Map();
const SyncMarksContext = createContext<ReadonlyMap<string, CaseSyncMark>>(NONE);

export function SyncMarksProvider({ children }: { children: ReactNode }) {
  const { db } = useRuntime();
  const marks = useLive(() => caseSyncMarks(db), []);
  return (
    <SyncMarksContext.Provider value={marks.data ?? NONE}>{children}</SyncMarksContext.Provider>
  );
}

/** The case's mark, if it has events not sent or refused. */
export function useSyncMark(caseId: string): CaseSyncMark | undefined {
  return useContext(SyncMarksContext).get(caseId);
}
