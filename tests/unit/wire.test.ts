/**
 * Event ids made from the envelope, and events on the wire without them: whatever an event
 * holds, the receiver gets it back exactly, and only an id the envelope derives is left out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveEventId } from '../../src/domain/case/event-id';
import { type CaseEvent, EVENT_TYPES, eventContent } from '../../src/domain/case/events';
import { fromWireEvent, toWireEvent, wireEventJson } from '../../src/domain/sync/wire';

const ENVELOPE = {
  deviceId: '01a20ced-4553-7208-96da-ad65b909fbcb',
  deviceSeq: 41,
  deviceTime: '2026-11-24T14:40:08+05:00',
  caseId: '01a20ced-4db4-7516-943c-a0806712ea49',
  type: 'case.signed',
};

describe('deriveEventId', () => {
  it('makes a UUIDv7 of the device time, the same for the same envelope', () => {
    const id = deriveEventId(ENVELOPE);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ms = Number.parseInt((id ?? '').replace(/-/g, '').slice(0, 12), 16);
    expect(new Date(ms).toISOString()).toBe('2026-11-24T09:40:08.000Z');
    expect(deriveEventId({ ...ENVELOPE })).toBe(id);
  });

  it('gives another id for another device, seq, case or type', () => {
    const ids = new Set([
      deriveEventId(ENVELOPE),
      deriveEventId({ ...ENVELOPE, deviceId: '01a20ced-4553-7208-96da-ad65b909fbcc' }),
      deriveEventId({ ...ENVELOPE, deviceSeq: 42 }),
      deriveEventId({ ...ENVELOPE, caseId: '01a20ced-4db4-7516-943c-a0806712ea4a' }),
      deriveEventId({ ...ENVELOPE, type: 'result.sent' }),
    ]);
    expect(ids.size).toBe(5);
  });

  it('makes no id from a time it cannot read', () => {
    expect(deriveEventId({ ...ENVELOPE, deviceTime: 'yesterday' })).toBeNull();
    expect(deriveEventId({ ...ENVELOPE, deviceTime: '1960-01-01T00:00:00Z' })).toBeNull();
  });
});

const text = fc.string({ unit: 'binary', maxLength: 12 });
const eventArb = fc
  .record({
    derived: fc.boolean(),
    otherId: fc.uuid({ version: 7 }),
    type: fc.constantFrom(...EVENT_TYPES),
    caseId: fc.uuid({ version: 7 }),
    officeId: fc.constantFrom('akt-01', 'akt-17'),
    deviceId: fc.uuid({ version: 7 }),
    deviceSeq: fc.integer({ min: 1, max: 2 ** 40 }),
    staffId: fc.constantFrom('akt-01-akim', 'akt-district-district_head'),
    deviceTime: fc.constantFrom(
      '2026-11-24T14:40:08+05:00',
      '2026-03-01T00:00:00-03:30',
      '2026-08-28T04:00:00.5Z',
    ),
    payload: fc.dictionary(fc.constantFrom('id', 'reason', 'recipient', 'x"y'), text),
  })
  .map(({ derived, otherId, ...rest }) => {
    const event = { ...rest, id: otherId } as unknown as CaseEvent;
    return derived ? { ...event, id: deriveEventId(event) ?? otherId } : event;
  });

describe('events on the wire', () => {
  it('leave out exactly the ids their envelopes derive, and come back whole', () => {
    fc.assert(
      fc.property(eventArb, (event) => {
        const wire = toWireEvent(event);
        expect('id' in wire).toBe(event.id !== deriveEventId(event));
        const back = fromWireEvent(JSON.parse(JSON.stringify(wire)));
        expect(back).toEqual(event);
      }),
    );
  });

  it('are written from stored content without parsing it, as the receiver reads them', () => {
    fc.assert(
      fc.property(eventArb, fc.nat(), (event, serverSeq) => {
        const json = wireEventJson(eventContent(event), serverSeq, event);
        const wire = JSON.parse(json) as Record<string, unknown>;
        expect('id' in wire).toBe(event.id !== deriveEventId(event));
        expect(fromWireEvent(wire)).toEqual({ ...event, serverSeq });
      }),
    );
  });

  it('leave an event without an id and without a readable time for the schema to refuse', () => {
    const { id: _id, ...rest } = { ...ENVELOPE, id: 'x', deviceTime: 'soon' };
    expect(fromWireEvent(rest)).toEqual(rest);
    expect(fromWireEvent([1])).toEqual([1]);
    expect(fromWireEvent(null)).toBeNull();
  });
});
