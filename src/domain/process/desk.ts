/**
 * The services an office's desk offers. A village offers every service with a rural akim's
 * channel. The district department offers those whose provider channel it walks from intake to
 * hand-out itself: a process that sends the file on to another body (003-11 forwards it to the
 * oblast) has a handover nobody in Qabyldau receives, so it is not taken in at the department.
 */
import type { Catalog } from '../catalog';
import type { Service } from '../catalog/schema';
import { servicesFor } from '../catalog/select';
import { DESK_CHANNEL } from '../intake-point';
import type { OfficeKind } from '../roles';
import { buildProcess } from './build';
import type { Process, StepEvent } from './model';

const HANDOVERS: readonly StepEvent[] = [
  'batch.sent',
  'case.received',
  'result.sent',
  'result.received',
];

/** Whether every step anyone records happens at the district department, with no handover. */
export function staysAtDistrict(process: Process): boolean {
  return process.steps.every(
    (s) =>
      s.records === null ||
      s.performers.length === 0 ||
      (s.at === 'district' && !HANDOVERS.includes(s.records)),
  );
}

export function deskServices(
  catalog: Catalog,
  actIds: readonly string[],
  kind: OfficeKind,
): Service[] {
  const channel = DESK_CHANNEL[kind];
  const offered = servicesFor(catalog, actIds, channel);
  if (kind === 'akimat') return offered;
  return offered.filter((s) => {
    const process = buildProcess({ serviceId: s.id, channel, edition: catalog.version });
    return process !== null && staysAtDistrict(process);
  });
}
