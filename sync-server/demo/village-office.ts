/**
 * A day at a village akimat office of the demo: the specialist and the akim at their one device.
 * In the morning the device syncs (results the district sent yesterday arrive); the results
 * packets are opened and confirmed by results batch; then the work waiting from earlier days,
 * oldest first — results handed out, the commission ordered and its act recorded, corrections,
 * cancellations, returned files completed or closed; then the day's applicants, each registered with a talon or, for an incomplete package, refused
 * with a receipt (they come back with the whole package a few days later); services the village
 * renders itself (003-16) are signed by the akim and handed out while the applicant waits; in
 * the afternoon one transfer batch takes what is ready to the district; in the evening the
 * device syncs again.
 *
 * Every action is a command of the app on this office's device, and what may happen to a case
 * is its process's word, read from the device's own copy of the case.
 */
import type { CaseRow } from '../../src/db/schema';
import { addWorkingDays, type IsoDate } from '../../src/domain/calendar';
import { buildProcess } from '../../src/domain/process';
import type { Office } from '../../src/domain/reference';
import type { StaffRole } from '../../src/domain/roles';
import { toOffsetDateTime } from '../../src/domain/time';
import { commissionOf, decisionFor, inspectionAct, returnedRefusal } from './decisions';
import type { DemoDevice } from './device';
import { collectorOf } from './hand-out';
import { type Application, newApplication, packageAtDesk, slip } from './intake';
import type { DemoCase } from './ledger';
import { EVENING, OPENS } from './office-clock';
import type { Rng } from './random';
import {
  awaitedStep,
  type DemoWorld,
  expectOk,
  scheduleNext,
  takeUpBy,
  travelTogether,
} from './world';

/** The last applicant of the day comes by half past five. */
const LAST_ARRIVAL = 17 * 60 + 30;

/** Until the file leaves the village, its data may be corrected and the case cancelled. */
const BEFORE_FORWARD = new Set(['registered', 'commission_ordered', 'inspected']);

export class VillageOffice {
  private readonly rng: Rng;
  private readonly commission: string[];
  /** applicants refused at the desk, coming back with the whole package on a later day */
  private comingBack: { day: IsoDate; application: Application }[] = [];
  /** ids of the applications refused at the desk */
  readonly refusedAtIntake: string[] = [];

  constructor(
    readonly office: Office,
    readonly device: DemoDevice,
    private readonly world: DemoWorld,
    /** how many applicants a day: fewest and most */
    private readonly applicants: readonly [number, number],
  ) {
    this.rng = world.rng.fork(`office/${office.id}`);
    this.commission = commissionOf(this.rng.fork('commission'));
  }

  private get clock() {
    return this.device.clock;
  }

  async morning(day: IsoDate): Promise<void> {
    this.clock.startDay(day);
    await this.device.sync();
  }

  async evening(): Promise<void> {
    this.clock.moveTo(EVENING + this.rng.int(0, 20));
    await this.device.sync();
  }

  async work(day: IsoDate): Promise<void> {
    this.clock.moveTo(OPENS + this.rng.int(0, 15));
    await this.receiveResults(day);
    for (const c of this.world.ledger.due(day, 'village', this.office.id)) {
      await this.takeUp(c, day);
    }
    const back = this.comingBack.filter((b) => b.day <= day);
    this.comingBack = this.comingBack.filter((b) => b.day > day);
    // Who comes on a day is the day's own draw, whatever else the office had to do.
    const people = this.rng.fork(`day/${day}`);
    const count = people.int(this.applicants[0], this.applicants[1]);
    const queue: (Application | null)[] = [
      ...back.map((b) => b.application),
      ...Array.from({ length: count }, () => null),
    ];
    // Applicants come when they come, all day long; the desk is idle in between.
    const arrivals = queue.map(() => people.int(OPENS + 10, LAST_ARRIVAL)).sort((a, b) => a - b);
    for (const [i, returning] of people.shuffle(queue).entries()) {
      this.clock.moveTo(arrivals[i] ?? LAST_ARRIVAL);
      await this.receive(day, returning ?? newApplication(this.world, this.rng, this.office, day));
    }
    await this.sendBatch(day);
  }

  /** One applicant at the desk: a registration with its talon, or a refusal with its receipt. */
  private async receive(day: IsoDate, application: Application): Promise<void> {
    const { serviceId, citizen } = application;
    const { input, required, presented } = packageAtDesk(
      application,
      this.device.catalog,
      this.rng,
      toOffsetDateTime(this.clock.now()),
    );
    const commands = this.device.as('akimat_specialist');

    // Whoever comes back after a refusal has brought what was missing.
    if (required.length > 0 && !application.isBack && this.world.incomplete.draw()) {
      const missing = new Set(this.rng.sample(required, this.rng.int(1, 2)).map((d) => d.id));
      const isExpired = this.rng.chance(1 / 3);
      const [stale] = [...missing];
      this.clock.advance(this.rng.int(5, 12));
      const refused = expectOk(
        await commands.refuseApplication(
          isExpired && stale
            ? { ...input, expiredDocuments: [stale] }
            : { ...input, presentedDocuments: presented.filter((id) => !missing.has(id)) },
        ),
        `refusal at the desk (${serviceId})`,
      );
      this.refusedAtIntake.push(refused.caseId);
      this.comingBack.push({
        day: addWorkingDays(this.world.calendar, day, this.rng.int(1, 4)),
        application: { ...application, isBack: true },
      });
      return;
    }

    const steps =
      buildProcess({
        serviceId,
        channel: 'akim',
        edition: this.device.catalog.version,
        variant: input.variant ?? null,
      })?.steps ?? [];
    const rng = this.world.rng.fork(`case/${this.office.id}/${day}/${citizen.iin}`);
    const fate = this.world.fates.deal(steps, rng);
    const typedSurname = fate.corrected === 'surname' ? slip(citizen.surname) : citizen.surname;
    this.clock.advance(this.rng.int(6, 18));
    let registration = await commands.registerCase({
      ...input,
      applicant: { ...input.applicant, surname: typedSurname },
    });
    // The same IIN has an open case of the service: the specialist looks and confirms.
    if (!registration.ok && registration.problem.code === 'duplicate-open-case') {
      registration = await commands.registerCase({
        ...input,
        applicant: { ...input.applicant, surname: typedSurname },
        confirmDuplicate: true,
      });
    }
    const { caseId, regNumber } = expectOk(registration, `registration (${serviceId})`);
    const c: DemoCase = {
      caseId,
      regNumber,
      officeId: this.office.id,
      serviceId,
      applicant: citizen,
      ...(application.representative ? { representative: application.representative } : {}),
      fate,
      choices: {},
      rng,
      next: null,
      planned: null,
      lastPlace: 'village',
      waitsAt: 'village',
      isCorrected: false,
      isSentBack: false,
      isInBatch: false,
    };
    this.world.ledger.add(c);
    scheduleNext(this.world, c, await this.row(c), 'village', day);
    if (fate.corrected !== 'no') {
      takeUpBy(c, addWorkingDays(this.world.calendar, day, rng.int(0, 1)));
    }
    if (fate.cancelled !== 'no') {
      takeUpBy(c, addWorkingDays(this.world.calendar, day, rng.int(1, 2)));
    }
    // What is done while the applicant waits (003-16: the akim signs, the result is handed out).
    if (c.next === day) await this.takeUp(c, day);
  }

  private async row(c: DemoCase): Promise<CaseRow> {
    const row = await this.device.row(c.caseId);
    if (!row) throw new Error(`${this.office.id}: case ${c.regNumber} is not on the device`);
    return row;
  }

  /** Whoever of the office may take the step: the specialist where they may, else the akim. */
  private roleFor(roles: readonly StaffRole[]): StaffRole {
    if (roles.includes('akimat_specialist')) return 'akimat_specialist';
    if (roles.includes('akim')) return 'akim';
    throw new Error(`${this.office.id}: nobody at the village may take a step of ${roles.join()}`);
  }

  /** The work a case asks of the village today, step after step while it is due today. */
  private async takeUp(c: DemoCase, day: IsoDate): Promise<void> {
    for (let steps = 0; steps < 12; steps++) {
      if (c.next === null || c.next > day || c.waitsAt !== 'village' || c.isInBatch) return;
      const row = await this.row(c);
      const isAtDesk = BEFORE_FORWARD.has(row.status);
      if (c.fate.cancelled !== 'no' && isAtDesk) {
        this.clock.advance(this.rng.int(3, 6));
        expectOk(
          await this.device
            .as('akimat_specialist')
            .cancelCase(
              c.caseId,
              c.fate.cancelled,
              c.fate.cancelled === 'withdrawn'
                ? 'Өтініш беруші өтінішін кері қайтарып алды.'
                : 'Қызмет түрі қате таңдалған.',
            ),
          `cancellation of ${c.regNumber}`,
        );
        scheduleNext(this.world, c, await this.row(c), 'village', day);
        return;
      }
      if (c.fate.corrected !== 'no' && !c.isCorrected && isAtDesk) {
        await this.correct(c, row);
        c.next = c.planned;
        continue;
      }
      if (c.planned === null || c.planned > day) {
        c.next = c.planned;
        return;
      }
      const action = awaitedStep(row);
      if (!action) return;
      const id = c.caseId;
      const as = (roles: readonly StaffRole[]) => this.device.as(this.roleFor(roles));
      switch (action.type) {
        case 'batch.sent':
          if (row.status === 'returned' && c.choices.returned === 'refuse') {
            this.clock.advance(this.rng.int(5, 10));
            expectOk(
              await as(action.roles).refuseReturned(id, returnedRefusal(c)),
              `refusal of returned ${c.regNumber}`,
            );
            break;
          }
          c.isInBatch = true;
          return;
        case 'commission.ordered':
          this.clock.advance(this.rng.int(5, 10));
          expectOk(
            await as(action.roles).orderCommission(
              id,
              c.rng.chance(0.4) ? 'Отбасының материалдық жағдайы тексерілсін.' : undefined,
            ),
            `commission order of ${c.regNumber}`,
          );
          break;
        case 'commission.inspected':
          this.clock.advance(this.rng.int(10, 20));
          expectOk(
            await as(action.roles).recordInspection(
              id,
              inspectionAct(c, !this.world.fates.choose(c, 'notNeedy'), this.commission, day),
            ),
            `inspection act of ${c.regNumber}`,
          );
          break;
        case 'case.signed':
          this.clock.advance(this.rng.int(2, 5));
          expectOk(
            await as(action.roles).signCase(
              id,
              decisionFor(c, this.world.fates.choose(c, 'refused')),
            ),
            `signature of ${c.regNumber}`,
          );
          break;
        case 'result.received':
          this.clock.advance(this.rng.int(1, 4));
          expectOk(await as(action.roles).receiveResults([id]), `result of ${c.regNumber}`);
          break;
        case 'result.handed_out':
          this.clock.advance(this.rng.int(2, 8));
          expectOk(
            await as(action.roles).handOutResult(id, collectorOf(this.world, c, day)),
            `hand-out of ${c.regNumber}`,
          );
          break;
        default:
          throw new Error(`${this.office.id}: ${c.regNumber} awaits ${action.type} at the village`);
      }
      scheduleNext(this.world, c, await this.row(c), 'village', day);
    }
  }

  private async correct(c: DemoCase, row: CaseRow): Promise<void> {
    this.clock.advance(this.rng.int(3, 6));
    const commands = this.device.as('akimat_specialist');
    if (c.fate.corrected === 'surname') {
      expectOk(
        await commands.correctCase(
          c.caseId,
          [{ field: 'surname', from: row.applicant.surname, to: c.applicant.surname }],
          'Тегі жеке куәлікке сәйкес түзетілді.',
        ),
        `correction of ${c.regNumber}`,
      );
    } else {
      expectOk(
        await commands.correctCase(
          c.caseId,
          [{ field: 'phone', from: row.applicant.phone ?? '', to: this.world.citizens.phone() }],
          'Өтініш беруші байланыс телефонын өзгертті.',
        ),
        `correction of ${c.regNumber}`,
      );
    }
    c.isCorrected = true;
  }

  /** The day's transfer batch: everything ready for the district, with its paper register. */
  private async sendBatch(day: IsoDate): Promise<void> {
    const ready = this.world.ledger.cases.filter(
      (c) => c.isInBatch && c.officeId === this.office.id,
    );
    if (ready.length === 0) return;
    this.clock.moveTo(16 * 60 + this.rng.int(0, 45));
    this.clock.advance(5 + 2 * ready.length);
    const first = ready[0];
    const row = first && (await this.row(first));
    const roles = (row && awaitedStep(row)?.roles) ?? ['akimat_specialist'];
    expectOk(
      await this.device.as(this.roleFor(roles)).sendBatch(ready.map((c) => c.caseId)),
      `batch of ${ready.length} from ${this.office.id}`,
    );
    for (const c of ready) {
      c.isInBatch = false;
      scheduleNext(this.world, c, await this.row(c), 'village', day);
    }
    travelTogether(ready);
  }

  /**
   * The results packets that arrived, opened first thing: each results batch confirmed in one
   * action against its register — but now and then one result is missing from the packet and
   * is confirmed alone when it comes, a day or two later. Results sent singly, one by one.
   */
  private async receiveResults(day: IsoDate): Promise<void> {
    const packets = new Map<string, DemoCase[]>();
    for (const c of this.world.ledger.due(day, 'village', this.office.id)) {
      if (c.planned === null || c.planned > day) continue;
      const row = await this.row(c);
      if (awaitedStep(row)?.type !== 'result.received') continue;
      const key = row.resultBatchNumber ?? c.caseId;
      packets.set(key, [...(packets.get(key) ?? []), c]);
    }
    for (const packet of packets.values()) {
      const row = await this.row(packet[0] as DemoCase);
      const roles = awaitedStep(row)?.roles ?? ['akimat_specialist'];
      const missing = packet.length > 1 && this.world.missingResult.draw() ? packet.at(-1) : null;
      const arrived = packet.filter((c) => c !== missing);
      this.clock.advance(2 + arrived.length);
      expectOk(
        await this.device.as(this.roleFor(roles)).receiveResults(arrived.map((c) => c.caseId)),
        `results ${row.resultBatchNumber ?? row.regNumber} at ${this.office.id}`,
      );
      for (const c of arrived) scheduleNext(this.world, c, await this.row(c), 'village', day);
      if (missing) {
        const later = addWorkingDays(this.world.calendar, day, missing.rng.int(1, 2));
        missing.planned = later;
        missing.next = later;
      }
    }
  }
}
