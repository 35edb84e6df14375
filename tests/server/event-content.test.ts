/**
 * An event's stored content (`eventContent`, `canonicalJson`) is what a retry is compared with,
 * so its text must stay exactly what earlier versions of the server wrote: a different text for
 * the same event would turn a device's harmless retry of an old event into `event-id-conflict`.
 * The functions are written for speed; here they are held to the plain definition they replaced.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CaseEvent, canonicalJson, eventContent } from '../../src/domain/case/events';
import { registration } from './helpers';

/** The definition the stored events were written with. */
function referenceCanonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(referenceCanonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${referenceCanonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function referenceEventContent(event: CaseEvent): string {
  const { id, type, caseId, officeId, deviceId, deviceSeq, staffId, deviceTime, payload } = event;
  return referenceCanonicalJson({
    id,
    type,
    caseId,
    officeId,
    deviceId,
    deviceSeq,
    staffId,
    deviceTime,
    payload,
  });
}

/**
 * Text JSON escapes (quotes, backslashes, control characters, lone surrogates) and text it does
 * not (U+2028, astral characters); keys that sort differently by code unit than by locale, and
 * some that look like indexes.
 */
const textArb = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary-ascii' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '"',
    '\\',
    '\n',
    '\u0000',
    '\u001f',
    '\u007f',
    '\u2028',
    '\ud800',
    'a\udc00b',
    '😀',
  ),
);
const keyArb = fc.oneof(
  textArb,
  fc.constantFrom('', 'a', 'B', 'b', 'é', 'Z', '_', '10', '2', '__proto__', 'ä', '😀', '\uffff'),
);

/** JSON-like values with undefined members and elements too, as objects built in code have. */
const valueArb = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    textArb,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(keyArb, tie('value'), { maxKeys: 6 }),
  ),
})).value;

describe('canonical event content', () => {
  it('is the same text as the plain definition for any value', () => {
    fc.assert(
      fc.property(valueArb, (value) => {
        expect(canonicalJson(value)).toBe(referenceCanonicalJson(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('is the same text as the plain definition for events, whatever their key order', () => {
    const eventArb = fc
      .record({
        id: fc.uuid(),
        caseId: fc.uuid(),
        officeId: fc.constantFrom('akt-01', 'akt-district'),
        deviceId: fc.string({ minLength: 1 }),
        deviceSeq: fc.integer({ min: 1 }),
        staffId: fc.string(),
        deviceTime: fc.constant('2026-03-18T10:30:00+05:00'),
        type: fc.constantFrom('case.registered', 'case.decided', 'case.signed'),
        payload: fc.oneof(
          fc.constant(registration(1) as unknown),
          fc.constant({}),
          fc.dictionary(keyArb, valueArb, { maxKeys: 4 }),
        ),
        // Fields outside the content must not change it.
        serverSeq: fc.option(fc.integer(), { nil: undefined }),
      })
      .chain((fields) =>
        fc
          .shuffledSubarray(Object.keys(fields), { minLength: Object.keys(fields).length })
          .map((order) =>
            Object.fromEntries(order.map((k) => [k, fields[k as keyof typeof fields]])),
          ),
      );
    fc.assert(
      fc.property(eventArb, (event) => {
        expect(eventContent(event as CaseEvent)).toBe(referenceEventContent(event as CaseEvent));
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with the plain definition on values JSON writes otherwise', () => {
    const exotic: unknown[] = [
      { at: new Date(0), n: Number.NaN, big: [Number.POSITIVE_INFINITY, -0] },
      { f: () => 1, s: Symbol('s'), kept: 'x' },
      [undefined, () => 1, Symbol('s'), null],
      // biome-ignore lint/suspicious/noSparseArray: a hole is one of the cases
      [1, , 3],
      { toJSON: 1, b: { toJSON: () => 'replaced', c: 1 } },
      Object.assign(Object.create(null), { b: 1, a: 2 }),
      JSON.parse('{"__proto__":{"x":1},"a":1}'),
      { 10: 'a', 2: 'b', a: 'c', '': 'd', '-1': 'e', '01': 'f' },
      Object.assign(new String('ab'), { z: 1 }),
      Object.assign([1, 2], { extra: 3 }),
      new Uint8Array([3, 1, 2]),
    ];
    for (const value of exotic) {
      expect(canonicalJson(value)).toBe(referenceCanonicalJson(value));
    }
  });

  it('writes keys sorted at every level and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: 'x' }], é: null, Z: true })).toBe(
      '{"Z":true,"a":[{"c":"x"}],"b":1,"é":null}',
    );
  });
});
