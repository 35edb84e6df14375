/**
 * The district department's own desk in the demo (the provider's channel of the catalog): a few
 * people a day come to the department itself rather than to their akimat — none on some days,
 * one or two on others, from any okrug of the district. The executor registers each with a
 * talon in the department's own numbering, or refuses an incomplete package with a receipt (one
 * package in two of a listed checklist; the applicant comes back with the whole package a few
 * days later). The case then walks at the department — the draft, the signature, the
 * hand-out at its desk — with the department's files (`DistrictDepartment`), never in a batch.
 */
import { addWorkingDays, type IsoDate } from '../../src/domain/calendar';
import { deskServices } from '../../src/domain/process/desk';
import { toOffsetDateTime } from '../../src/domain/time';
import { AKIMAT_OFFICES, DEMO_DISTRICT, DISTRICT_OFFICE } from '../seed/aktogay';
import type { DemoDevice } from './device';
import { type Application, newApplication, packageAtDesk } from './intake';
import type { DemoCase } from './ledger';
import { OPENS } from './office-clock';
import { Deck, type Rng } from './random';
import { type DemoWorld, expectOk, scheduleNext } from './world';

/** The last applicant of the day comes by half past five. */
const LAST_ARRIVAL = 17 * 60 + 30;

export class DepartmentDesk {
  private readonly rng: Rng;
  private readonly services: Deck<string>;
  private readonly incomplete: Deck<boolean>;
  private comingBack: { day: IsoDate; application: Application }[] = [];

  constructor(
    readonly device: DemoDevice,
    private readonly world: DemoWorld,
  ) {
    this.rng = world.rng.fork('department-desk');
    const offered = deskServices(device.catalog, DEMO_DISTRICT.actIds, 'district');
    // The child benefit of 004-01 (the one checklist the seeds list in full) is what most people
    // come to the department for; the rest now and then.
    const isListed = (s: (typeof offered)[number]) =>
      (s.checklist.documents ?? []).some((d) => !d.isOptional && !d.condition);
    this.services = new Deck(
      this.rng.fork('services'),
      offered.flatMap((s) => Array.from({ length: isListed(s) ? 8 : 1 }, () => s.id)),
    );
    this.incomplete = Deck.oneIn(this.rng.fork('incomplete'), 1, 2);
  }

  private get clock() {
    return this.device.clock;
  }

  /** The day's applicants at the department, each at the time they come. */
  async receive(day: IsoDate): Promise<void> {
    const back = this.comingBack.filter((b) => b.day <= day);
    this.comingBack = this.comingBack.filter((b) => b.day > day);
    const people = this.rng.fork(`day/${day}`);
    const count = people.pick([0, 0, 1, 1, 2]);
    const queue: (Application | null)[] = [
      ...back.map((b) => b.application),
      ...Array.from({ length: count }, () => null),
    ];
    const arrivals = queue.map(() => people.int(OPENS + 10, LAST_ARRIVAL)).sort((a, b) => a - b);
    for (const [i, returning] of people.shuffle(queue).entries()) {
      this.clock.moveTo(arrivals[i] ?? LAST_ARRIVAL);
      const home = people.pick(AKIMAT_OFFICES);
      await this.register(
        day,
        returning ?? newApplication(this.world, this.rng, home, day, this.services.draw()),
      );
    }
  }

  private async register(day: IsoDate, application: Application): Promise<void> {
    const { serviceId, citizen } = application;
    const { input, required, presented } = packageAtDesk(
      application,
      this.device.catalog,
      this.rng,
      toOffsetDateTime(this.clock.now()),
      'provider',
    );
    const commands = this.device.as('district_executor');
    if (required.length > 0 && !application.isBack && this.incomplete.draw()) {
      const missing = new Set(this.rng.sample(required, 1).map((d) => d.id));
      this.clock.advance(this.rng.int(5, 12));
      expectOk(
        await commands.refuseApplication({
          ...input,
          presentedDocuments: presented.filter((id) => !missing.has(id)),
        }),
        `refusal at the department's desk (${serviceId})`,
      );
      this.comingBack.push({
        day: addWorkingDays(this.world.calendar, day, this.rng.int(1, 4)),
        application: { ...application, isBack: true },
      });
      return;
    }
    this.clock.advance(this.rng.int(6, 18));
    let registration = await commands.registerCase(input);
    if (!registration.ok && registration.problem.code === 'duplicate-open-case') {
      registration = await commands.registerCase({ ...input, confirmDuplicate: true });
    }
    const { caseId, regNumber } = expectOk(
      registration,
      `registration at the department (${serviceId})`,
    );
    const rng = this.world.rng.fork(`case/${DISTRICT_OFFICE.id}/${day}/${citizen.iin}`);
    const c: DemoCase = {
      caseId,
      regNumber,
      officeId: DISTRICT_OFFICE.id,
      serviceId,
      applicant: citizen,
      ...(application.representative ? { representative: application.representative } : {}),
      // The department's own cases are neither corrected, cancelled nor left lying: the demo's
      // lateness and corrections are the akimats'.
      fate: { corrected: 'no', cancelled: 'no', stallAt: null },
      choices: {},
      rng,
      next: null,
      planned: null,
      lastPlace: 'district',
      waitsAt: 'district',
      isCorrected: false,
      isSentBack: false,
      isInBatch: false,
    };
    this.world.ledger.add(c);
    const row = await this.device.row(caseId);
    if (!row) throw new Error(`department: case ${regNumber} is not on the device`);
    scheduleNext(this.world, c, row, 'district', day);
  }
}
