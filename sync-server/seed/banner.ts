/**
 * What the server prints on start: where to open the app and, for a demo district, fresh
 * one-time enrollment codes for a village and a district device plus the demo PINs. New codes are
 * made on every start (unused ones stay valid), so whoever starts the server can always enroll.
 * A store with no district at all (started with `DEMO=0`) gets a pointer to how to load one.
 */
import { networkInterfaces } from 'node:os';
import type { Db } from '../db/types';
import { listDistricts } from '../queries/reference';
import { issueEnrollCode } from '../sync/enroll';
import { AKIMAT_OFFICES, DEMO_DISTRICT, DEMO_PINS, DISTRICT_OFFICE } from './aktogay';

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((net) => net && net.family === 'IPv4' && !net.internal)
    .map((net) => net?.address ?? '');
}

export async function printStartBanner(
  db: Db,
  info: { port: number; store: string; isNewDemo: boolean },
): Promise<void> {
  const lines = [
    '',
    `Qabyldau district sync server — ${info.store}`,
    `  open  http://localhost:${info.port}/`,
    ...lanAddresses().map((ip) => `        http://${ip}:${info.port}/`),
  ];
  const districts = await listDistricts(db);
  if (districts.length === 0) {
    lines.push(
      '',
      'No district in this store yet (DEMO=0): devices cannot enroll until one is loaded with',
      '  npm run -s cli -- restore <district file>      — see docs/operations.md',
    );
  }
  const demo = districts.find((d) => d.id === DEMO_DISTRICT.id && d.isDemo);
  if (demo) {
    const village = AKIMAT_OFFICES[0];
    const now = new Date();
    if (info.isNewDemo)
      lines.push('', `Created the demo district: ${demo.name.kk} / ${demo.name.ru}`);
    lines.push('', 'One-time enrollment codes (new ones on every start):');
    if (village) {
      const code = await issueEnrollCode(db, village.id, 'akimat', now);
      lines.push(`  village device  ${village.id} ${village.name.kk}:  ${code}`);
    }
    const districtCode = await issueEnrollCode(db, DISTRICT_OFFICE.id, 'district', now);
    lines.push(`  district device ${DISTRICT_OFFICE.id}:  ${districtCode}`);
    lines.push(
      '',
      'Demo PINs:',
      ...Object.entries(DEMO_PINS).map(([role, pin]) => `  ${role.padEnd(21)} ${pin}`),
      '',
      'This is DEMO data (invented staff); the app shows a demo banner.',
    );
  }
  console.log(lines.join('\n'));
}
