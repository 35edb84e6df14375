/**
 * The citizen's status lookup on the district server, on every store: the JSON answer with
 * exactly its keys and values in both languages, an application refused at the desk found by its
 * refusal number, one and the same 404 for an unknown number and for wrong digits, 400 for
 * malformed digits or language, 429 after the limit (made small here) for the API and the page
 * together, every try in `status_lookups` without the digits, and the page itself: no script,
 * a few kilobytes, never the app's shell.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PayloadOf } from '../../src/domain/case/events';
import { SERVICE_NAMES } from '../../src/domain/catalog/names';
import { networkOf } from '../../sync-server/http/public-status';
import { latestLookups } from '../../sync-server/queries/status';
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

const NUMBER = '01-26-01-0007';
const REFUSAL = 'R01-26-01-0003';
const IIN = '900101300123';
const SPECIALIST = staffOf('akt-01', 'akimat_specialist');
const LIMIT = 5;

/** Each test asks from its own address (the harness trusts X-Forwarded-For from loopback). */
function ask(h: Harness, path: string, from: string, init: RequestInit = {}) {
  return fetch(`${h.base}${path}`, {
    ...init,
    headers: { 'x-forwarded-for': from, ...(init.headers ?? {}) },
  });
}

const postForm = (h: Harness, path: string, from: string, form: Record<string, string>) =>
  ask(h, path, from, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });

describe('networkOf', () => {
  it('keeps the network and drops the host', () => {
    expect(networkOf('10.20.30.40')).toBe('10.20.30.0/24');
    expect(networkOf('::ffff:10.20.30.40')).toBe('10.20.30.0/24');
    expect(networkOf('2001:db8:abcd:12::1')).toBe('2001:db8:abcd::/48');
    expect(networkOf('::1')).toBe('0:0:0::/48');
  });
});

describe.each(STORES)('the status lookup on $name', (store) => {
  let h: Harness;
  let village: Device;
  let dist: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'qabyldau-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Qabyldau app shell</title>');
    h = await startServer(store, dist, {
      rateLimit: { devicePerMinute: 0, addressPerMinute: 0, statusPerMinute: LIMIT },
    });
    village = await enrollDevice(h, 'akt-01', 'akimat');
    const registered = {
      ...registration(7),
      regNumber: NUMBER,
      applicant: { iin: IIN, surname: 'Серікова', givenName: 'Әсел' },
    };
    const { regNumber, registeredAt, resultDue, acceptedBy, ...particulars } = registration(3);
    const refused: PayloadOf<'application.refused'> = {
      ...particulars,
      serviceId: '003-06',
      applicant: { iin: '850505400456', surname: 'Омаров', givenName: 'Бекзат' },
      refusalNumber: REFUSAL,
      problems: [{ id: 'application', problem: 'missing' }],
      refusedAt: registeredAt,
      refusedBy: acceptedBy,
    };
    const reply = await village.push([
      village.event('case.registered', newCaseId(), SPECIALIST, registered),
      village.event('application.refused', newCaseId(), SPECIALIST, refused),
    ]);
    expect(reply.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
  });

  afterAll(async () => {
    await h?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers the number and the right digits with exactly the public keys, in either language', async () => {
    const kk = await ask(h, `/api/v1/public/status/${NUMBER}?iin4=0123`, '10.0.1.1');
    expect(kk.status).toBe(200);
    const body = await kk.json();
    expect(Object.keys(body)).toEqual(['number', 'service', 'status', 'stage', 'expectedDate']);
    expect(body).toEqual({
      number: NUMBER,
      service: SERVICE_NAMES['003-01']?.kk,
      status: 'at_village',
      stage: 'Құжаттар ауылдық округ әкімі аппаратында қабылданды',
      expectedDate: '2026-04-17',
    });
    // Nothing of the person: neither name nor IIN anywhere in the answer.
    const text = JSON.stringify(body);
    for (const secret of [IIN, 'Серікова', 'Әсел']) expect(text).not.toContain(secret);
    expect(kk.headers.get('cache-control')).toBe('no-store');

    const ru = await ask(h, `/api/v1/public/status/${NUMBER}?iin4=0123&lang=ru`, '10.0.1.1');
    expect(await ru.json()).toEqual({
      number: NUMBER,
      service: SERVICE_NAMES['003-01']?.ru,
      status: 'at_village',
      stage: 'Документы приняты в аппарате акима сельского округа',
      expectedDate: '2026-04-17',
    });
  });

  it('finds an application refused at the desk by its refusal number, with no date', async () => {
    const reply = await ask(h, `/api/v1/public/status/${REFUSAL}?iin4=0456`, '10.0.2.1');
    expect(reply.status).toBe(200);
    expect(await reply.json()).toEqual({
      number: REFUSAL,
      service: SERVICE_NAMES['003-06']?.kk,
      status: 'refused_at_intake',
      stage: 'Құжаттар толық болмағандықтан өтініш қабылданбады, бас тарту қолхаты берілді',
      expectedDate: null,
    });
  });

  it('gives one and the same 404 for wrong digits and for an unknown number', async () => {
    const wrong = await ask(h, `/api/v1/public/status/${NUMBER}?iin4=0124`, '10.0.3.1');
    const unknown = await ask(h, '/api/v1/public/status/01-26-01-9999?iin4=0123', '10.0.3.1');
    const junk = await ask(h, `/api/v1/public/status/${'9'.repeat(60)}?iin4=0123`, '10.0.3.1');
    expect([wrong.status, unknown.status, junk.status]).toEqual([404, 404, 404]);
    const [a, b, c] = await Promise.all([wrong.text(), unknown.text(), junk.text()]);
    expect(a).toBe(b);
    expect(a).toBe(c);
    expect(JSON.parse(a)).toMatchObject({ error: { code: 'not-found' } });
    expect(wrong.headers.get('content-type')).toBe(unknown.headers.get('content-type'));
  });

  it('refuses malformed digits and an unknown language with 400 and a code', async () => {
    const queries = ['iin4=123', 'iin4=12345', 'iin4=12a4', 'iin4=', '', 'iin4=%EF%BC%91234'];
    for (const [i, query] of queries.entries()) {
      // Each from an address of its own: more tries than the limit lets one address make.
      const reply = await ask(h, `/api/v1/public/status/${NUMBER}?${query}`, `10.0.4.${i + 10}`);
      expect(reply.status, query).toBe(400);
      expect(await reply.json(), query).toMatchObject({ error: { code: 'iin4-invalid' } });
    }
    const lang = await ask(h, `/api/v1/public/status/${NUMBER}?iin4=0123&lang=en`, '10.0.4.2');
    expect(lang.status).toBe(400);
    expect(await lang.json()).toMatchObject({ error: { code: 'lang-unknown' } });
  });

  it('records every try with its network and outcome, never the digits', async () => {
    const rows = await latestLookups(h.db, 1000);
    const of = (network: string) =>
      rows
        .filter((r) => r.address === network)
        .map((r) => `${r.via} ${r.number} ${r.outcome}`)
        .sort();
    expect(of('10.0.1.0/24')).toEqual([`api ${NUMBER} found`, `api ${NUMBER} found`]);
    expect(of('10.0.2.0/24')).toEqual([`api ${REFUSAL} found`]);
    expect(of('10.0.3.0/24')).toEqual(
      [
        `api ${NUMBER} not_found`,
        'api 01-26-01-9999 not_found',
        `api ${'9'.repeat(40)} not_found`,
      ].sort(),
    );
    expect(of('10.0.4.0/24')).toEqual(Array(7).fill(`api ${NUMBER} invalid`));
    expect(JSON.stringify(rows)).not.toMatch(/0123|0124/);
    for (const row of rows) expect(Date.parse(row.at)).not.toBeNaN();
  });

  it('answers 429 after the limit, the page and the API counting together, and records it', async () => {
    const from = '10.0.5.1';
    for (let i = 0; i < LIMIT - 1; i++) {
      const reply = await ask(h, `/api/v1/public/status/${NUMBER}?iin4=0123`, from);
      expect(reply.status, `try ${i + 1}`).toBe(200);
    }
    const fifth = await postForm(h, `/s/${NUMBER}`, from, { iin4: '0123' });
    expect(fifth.status).toBe(200);
    const api = await ask(h, `/api/v1/public/status/${NUMBER}?iin4=0123`, from);
    expect(api.status).toBe(429);
    // Five a minute, the clock standing still: the next try is exactly 12 s away.
    expect(api.headers.get('retry-after')).toBe('12');
    expect(await api.json()).toMatchObject({ error: { code: 'rate-limited' } });
    const page = await postForm(h, `/s/${NUMBER}`, from, { iin4: '0123' });
    expect(page.status).toBe(429);
    const html = await page.text();
    expect(html).toContain('Тексеру тым жиі сұралды. 12 секундтан кейін қайталап көріңіз.');
    // Another address is not held back by this one.
    expect((await ask(h, `/api/v1/public/status/${NUMBER}?iin4=0123`, '10.0.6.1')).status).toBe(
      200,
    );
    const rows = (await latestLookups(h.db, 1000)).filter((r) => r.address === '10.0.5.0/24');
    expect(rows.filter((r) => r.outcome === 'rate_limited')).toHaveLength(2);
    expect(rows.filter((r) => r.outcome === 'found')).toHaveLength(LIMIT);

    // The try comes back when the clock has moved its 12 s, not before.
    h.clock.advance(6_000);
    const early = await ask(h, `/api/v1/public/status/${NUMBER}?iin4=0123`, from);
    expect(early.status).toBe(429);
    expect(early.headers.get('retry-after')).toBe('6');
    h.clock.advance(6_000);
    expect((await postForm(h, `/s/${NUMBER}`, from, { iin4: '0123' })).status).toBe(200);
    expect((await ask(h, `/api/v1/public/status/${NUMBER}?iin4=0123`, from)).status).toBe(429);
  });

  it('serves the page: a form, then the answer in words, with no script and in a few kilobytes', async () => {
    const form = await ask(h, `/s/${NUMBER}`, '10.0.7.1');
    expect(form.status).toBe(200);
    expect(form.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(form.headers.get('content-security-policy')).toContain("default-src 'none'");
    const formHtml = await form.text();
    expect(formHtml).not.toContain('app shell');
    expect(formHtml).not.toMatch(/<script/i);
    expect(formHtml).toContain('<html lang="kk">');
    expect(formHtml).toContain(`action="/s/${NUMBER}?lang=kk"`);

    const answer = await postForm(h, `/s/${NUMBER}`, '10.0.7.1', { iin4: '0123' });
    expect(answer.status).toBe(200);
    const html = await answer.text();
    expect(Buffer.byteLength(html)).toBeLessThan(4096);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Құжаттар ауылдық округ әкімі аппаратында қабылданды');
    expect(html).toContain('17\u00a0сәуір 2026\u00a0ж.');
    expect(html).not.toContain('Серікова');

    const ru = await postForm(h, `/s/${NUMBER}?lang=ru`, '10.0.7.1', { iin4: '0123' });
    const ruHtml = await ru.text();
    expect(ruHtml).toContain('<html lang="ru">');
    expect(ruHtml).toContain('Документы приняты в аппарате акима сельского округа');
    expect(ruHtml).toContain('17\u00a0апреля 2026\u00a0г.');

    const wrong = await postForm(h, `/s/${NUMBER}`, '10.0.7.1', { iin4: '9999' });
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).toContain(
      'Бұл нөмір мен ЖСН-ның соңғы цифрлары бойынша өтініш табылмады',
    );
    const bad = await postForm(h, `/s/${NUMBER}`, '10.0.7.1', { iin4: 'abcd' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('ЖСН-ның соңғы төрт цифрын енгізіңіз');
  });

  it('answers any number, digits and form with a status of its own and nothing of the person', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(NUMBER), fc.constant(REFUSAL), fc.string({ maxLength: 60 })),
        fc.oneof(fc.constant('0123'), fc.string({ maxLength: 8 })),
        fc.constantFrom('api', 'page', 'page-json', 'page-text'),
        async (number, iin4, via) => {
          n += 1;
          const from = `10.1.${Math.floor(n / 200)}.${n % 200}`;
          const path = `/s/${encodeURIComponent(number)}`;
          const reply =
            via === 'api'
              ? await ask(
                  h,
                  `/api/v1/public/status/${encodeURIComponent(number)}?iin4=${encodeURIComponent(iin4)}`,
                  from,
                )
              : via === 'page'
                ? await postForm(h, path, from, { iin4 })
                : await ask(h, path, from, {
                    method: 'POST',
                    headers: {
                      'content-type': via === 'page-json' ? 'application/json' : 'text/plain',
                    },
                    body: via === 'page-json' ? JSON.stringify({ iin4 }) : iin4,
                  });
          expect([200, 400, 404, 415]).toContain(reply.status);
          const text = await reply.text();
          for (const secret of [IIN, 'Серікова', '850505400456', 'Омаров']) {
            expect(text).not.toContain(secret);
          }
          if (via !== 'api' && reply.status !== 415) expect(text).not.toMatch(/<script/i);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('never serves the app shell under /s/', async () => {
    for (const path of ['/s/', '/s/a/b']) {
      const reply = await ask(h, path, '10.0.8.1');
      expect(reply.status, path).toBe(404);
      expect(await reply.text(), path).not.toContain('app shell');
    }
    // An app route still gets the shell.
    expect(await (await ask(h, '/journal', '10.0.8.1')).text()).toContain('app shell');
  });
});
