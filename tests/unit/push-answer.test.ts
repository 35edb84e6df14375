/**
 * The compact push answer (docs/sync-protocol.md, "Push"): accepted events as runs of serverSeqs,
 * every other answer by its place. Read back, it gives every event its own result again; an
 * answer that does not add up to one result per event is refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromPushAnswer, type PushResult, toPushAnswer } from '../../src/domain/sync/protocol';

const kindArb = fc.constantFrom('accepted', 'duplicate', 'gap', 'transition') as fc.Arbitrary<
  'accepted' | 'duplicate' | 'gap' | 'transition'
>;

/** Results as a push makes them: accepted ones take serverSeqs upwards, maybe with jumps. */
const resultsArb = fc
  .array(fc.tuple(kindArb, fc.nat(3), fc.nat(1000)), { maxLength: 60 })
  .map((rows) => {
    let seq = 100;
    return rows.map(([kind, jump, old], i): PushResult => {
      const id = `e${i}`;
      if (kind === 'accepted') {
        seq += 1 + jump;
        return { id, status: 'accepted', serverSeq: seq };
      }
      if (kind === 'duplicate') return { id, status: 'duplicate', serverSeq: old + 1 };
      if (kind === 'gap') {
        return {
          id,
          status: 'rejected',
          code: 'sequence-gap',
          details: { expected: 5, received: 9 },
        };
      }
      return { id, status: 'rejected', code: 'transition-not-allowed' };
    });
  });

describe('push answer', () => {
  it('reads back as the results it was made from', () => {
    fc.assert(
      fc.property(resultsArb, (results) => {
        const answer = toPushAnswer(results);
        expect(
          fromPushAnswer(
            results.map((r) => r.id),
            JSON.parse(JSON.stringify(answer)),
          ),
        ).toEqual(results);
      }),
    );
  });

  it('is one run when the accepted events have consecutive serverSeqs', () => {
    const results: PushResult[] = [
      { id: 'a', status: 'accepted', serverSeq: 41 },
      { id: 'b', status: 'duplicate', serverSeq: 7 },
      { id: 'c', status: 'accepted', serverSeq: 42 },
      { id: 'd', status: 'rejected', code: 'case-not-found' },
      { id: 'e', status: 'accepted', serverSeq: 43 },
    ];
    expect(toPushAnswer(results)).toEqual({
      accepted: [[41, 3]],
      others: [
        { i: 1, status: 'duplicate', serverSeq: 7 },
        { i: 3, status: 'rejected', code: 'case-not-found' },
      ],
    });
  });

  it('is refused when it does not give one result per event', () => {
    const ids = ['a', 'b', 'c'];
    // Too few serverSeqs, too many, an index outside the push, the same index twice.
    expect(fromPushAnswer(ids, { accepted: [[1, 2]], others: [] })).toBeNull();
    expect(
      fromPushAnswer(ids, {
        accepted: [[1, 3]],
        others: [{ i: 0, status: 'duplicate', serverSeq: 9 }],
      }),
    ).toBeNull();
    expect(
      fromPushAnswer(ids, {
        accepted: [[1, 2]],
        others: [{ i: 3, status: 'duplicate', serverSeq: 9 }],
      }),
    ).toBeNull();
    expect(
      fromPushAnswer(ids, {
        accepted: [[1, 1]],
        others: [
          { i: 0, status: 'duplicate', serverSeq: 9 },
          { i: 0, status: 'duplicate', serverSeq: 9 },
        ],
      }),
    ).toBeNull();
    expect(fromPushAnswer(ids, { accepted: [[1, 3]], others: [] })).toEqual([
      { id: 'a', status: 'accepted', serverSeq: 1 },
      { id: 'b', status: 'accepted', serverSeq: 2 },
      { id: 'c', status: 'accepted', serverSeq: 3 },
    ]);
  });
});
