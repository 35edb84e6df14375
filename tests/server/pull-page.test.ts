/**
 * A pull page is written from the stored JSON of its events without parsing them: what a device
 * reads back must still be exactly the event it pushed, with its serverSeq and serverTime —
 * Kazakh letters, quotes, backslashes and control characters in the payload included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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

  it('gives back each event as pushed, with serverSeq and serverTime', async () => {
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
    const events = [
      village.event('case.registered', newCaseId(), specialist, plain),
      village.event('case.registered', newCaseId(), specialist, odd),
    ];
    const pushed = await village.push(events);
    expect(pushed.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);

    const district = await enrollDevice(h, 'akt-district', 'district');
    const page = await district.pull();
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^application\/json/);
    expect(page.body.events).toEqual(
      events.map((event, i) => ({
        ...event,
        serverSeq: i + 1,
        serverTime: pushed.body.serverTime,
      })),
    );
    expect(page.body).toMatchObject({ cursor: 2, hasMore: false, headSeq: 2 });
  });
});
