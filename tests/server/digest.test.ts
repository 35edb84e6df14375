/**
 * The server makes event ids with Node's SHA-256 and the app with @noble/hashes: the two must
 * give the same bytes for every text, or the server would store a pushed event under an id its
 * device does not know (and a pull page would carry ids the device cannot make again).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveEventId, sha256Text } from '../../src/domain/case/event-id';
import { nodeSha256 } from '../../sync-server/digest';

describe("the server's SHA-256", () => {
  it("gives the bytes of the app's for any text, unpaired surrogates included", () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(Buffer.from(nodeSha256(text)).toString('hex')).toBe(
          Buffer.from(sha256Text(text)).toString('hex'),
        );
      }),
      { numRuns: 2_000 },
    );
    expect(Buffer.from(nodeSha256('\uD800')).equals(Buffer.from(sha256Text('\uFFFD')))).toBe(true);
  });

  it('derives the ids the app derives', () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.integer({ min: 1, max: 2 ** 40 }),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.uuid(),
        fc.constantFrom('case.registered', 'case.decided', 'case.handed-out'),
        (deviceId, deviceSeq, time, caseId, type) => {
          const envelope = { deviceId, deviceSeq, deviceTime: time.toISOString(), caseId, type };
          const id = deriveEventId(envelope, nodeSha256);
          expect(id).toMatch(
            /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
          );
          expect(id).toBe(deriveEventId(envelope));
        },
      ),
    );
  });
});
