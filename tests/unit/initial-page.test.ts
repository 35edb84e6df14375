/**
 * The compact initial-sync page gives back every event exactly as stored, whether the compact
 * form can carry it or the event has to travel whole.
 */
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../src/domain/case/events';
import {
  decodeInitialPage,
  encodeInitialPage,
  PAGE_EVENT_TYPES,
  type PageEvent,
} from '../../src/domain/sync/initial-page';

const CASE = '01a04160-abfe-7010-80f0-b29b5a26ba84';

function event(overrides: Partial<PageEvent>): PageEvent {
  return {
    id: '01a04160-abfe-71e5-815f-f4ef105ccfc2',
    type: 'case.signed',
    caseId: CASE,
    officeId: 'akt-17',
    deviceId: '017d55db-359b-751e-8e20-b943dd2dfc66',
    deviceSeq: 1,
    staffId: 'akt-17-akimat_specialist',
    deviceTime: '2026-08-27T09:00:49+05:00',
    payload: {},
    serverSeq: 10,
    ...overrides,
  } as PageEvent;
}

describe('initial-sync page', () => {
  it('knows every event type', () => {
    expect([...PAGE_EVENT_TYPES].sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('gives back each event exactly, compact or whole', () => {
    const events: PageEvent[] = [
      event({}),
      event({
        id: '01a0431a-a2cd-77d1-8ca1-a7e89a0f41d9',
        type: 'batch.sent',
        deviceSeq: 22,
        deviceTime: '2026-08-27T17:03:34+05:00',
        payload: {
          batchId: '01a0431a-a2cd-7326-bacc-62e8e47fcb00',
          batchNumber: 'T-1',
          caseCount: 3,
        },
        serverSeq: 4_000,
      } as Partial<PageEvent>),
      // Milliseconds and Z, an id that is not a UUIDv7 of its time: these travel whole.
      event({
        id: 'ffffffff-ffff-7fff-bfff-ffffffffffff',
        deviceTime: '2026-08-28T04:00:00.5Z',
        serverSeq: 4_100,
      }),
      // Another offset and a time before the previous event's.
      event({
        id: '01a05670-a2a8-7748-af15-40a3b1c7f63e',
        deviceTime: '2026-08-20T11:10:17-03:30',
        serverSeq: 5_000,
      }),
      event({ id: '01a05682-5b94-742d-bef4-b3c4efa48df7', officeId: 'akt-01', serverSeq: 5_001 }),
    ];
    const body = encodeInitialPage([{ caseId: CASE, events }]);
    const compact = body.cases[0]?.[2] ?? [];
    expect(compact.filter(Array.isArray)).toHaveLength(3);
    const decoded = JSON.parse(JSON.stringify(body));
    expect(decodeInitialPage(decoded)).toEqual([{ caseId: CASE, events }]);
  });
});
