/**
 * A pull page is written from the stored JSON of its events without parsing them: what a device
 * reads back must still be exactly the event it pushed, with its serverSeq — Kazakh letters,
 * quotes, backslashes and control characters in the payload included — and in its wire form:
 * an id the envelope derives left out, any other id kept.
 */
import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../src/domain/case/events';
import {
  call,
  type Device,
  enrollDevice,
  type Harness,
  newCaseId,
  registration,
  STORES,
  staffOf,
  startServer,
} from './helpers';

describe.each(STORES)('pull page on $name', (store) => {
  let h: Harness;
  let village: Device;
  beforeAll(async () => {
    h = await startServer(store);
    village = await enrollDevice(h, 'akt-01', 'akimat');
  });
  afterAll(async () => {
    await h.close();
  });

  it('gives back each event as pushed, with its serverSeq, ids left out only where derived', async () => {
    const specialist = staffOf('akt-01', 'akimat_specialist');
    const plain = registration(1);
    const odd = {
      ...registration(2),
      applicant: {
        ...registration(2).applicant,
        surname: 'Әбдіқадыр "Ұлы" \\ қ\u0001',
        givenName: 'Гүлнұр}',
      },
    };
    // An event made before ids were derived (or renumbered after it was made) keeps its own.
    const ownId = {
      ...village.event('case.registered', newCaseId(), specialist, plain),
      id: uuidv7(),
    };
    const events = [ownId, village.event('case.registered', newCaseId(), specialist, odd)];
    const pushed = await village.push(events);
    expect(pushed.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);

    const district = await enrollDevice(h, 'akt-district', 'district');
    const raw = await call<{ events: Record<string, unknown>[] }>(
      h,
      'GET',
      '/api/v1/sync/pull?cursor=0',
      { token: district.enrollment.token },
    );
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toMatch(/^application\/json/);
    expect(raw.headers.get('cache-control')).toBe('no-store');
    const { id: _derived, ...second } = events[1] as CaseEvent;
    expect(raw.body.events).toEqual([
      { ...ownId, serverSeq: 1 },
      { ...second, serverSeq: 2 },
    ]);

    const page = await district.pull();
    expect(page.body.events).toEqual(events.map((event, i) => ({ ...event, serverSeq: i + 1 })));
    expect(page.body).toMatchObject({ cursor: 2, hasMore: false, headSeq: 2 });
  });

  it('answers in Brotli where the client takes it, in gzip otherwise, the same page', async () => {
    const specialist = staffOf('akt-01', 'akimat_specialist');
    await village.push(
      Array.from({ length: 20 }, (_, i) =>
        village.event('case.registered', newCaseId(), specialist, registration(100 + i)),
      ),
    );
    const district = await enrollDevice(h, 'akt-district', 'district');
    const fetchPage = (acceptEncoding: string) =>
      rawGet(`${h.base}/api/v1/sync/pull?cursor=0`, {
        authorization: `Bearer ${district.enrollment.token}`,
        'accept-encoding': acceptEncoding,
      });
    const plain = await fetchPage('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const page = JSON.parse(plain.body.toString()) as { events: unknown[] };
    expect(page.events).toHaveLength(22);

    const br = await fetchPage('gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.length).toBeLessThan(plain.body.length / 4);
    const gz = await fetchPage('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    // the server's receipt time is the one thing two fetches may differ in
    const same = (body: Buffer) => JSON.parse(body.toString()).events;
    expect(same(brotliDecompressSync(br.body))).toEqual(page.events);
    expect(same(gunzipSync(gz.body))).toEqual(page.events);
  });
});

/** A GET whose body comes as sent on the wire, not decoded. */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ headers: response.headers, body: Buffer.concat(chunks) }),
        );
        response.on('error', reject);
      })
      .on('error', reject);
  });
}
