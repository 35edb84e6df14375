/**
 * A day at the district department of the demo: the executor, the sector head and the head at
 * the department's device, working as the desk lets them. In the morning the device syncs
 * (yesterday's batches arrive). Then, round after round while anything is due today: each
 * transfer batch is checked against its register and confirmed in one action, but for a file
 * returned to the village now and then; the head assigns the day's cases to the executor in one
 * action (or the executor takes them up without); the executor drafts each decision, the sector
 * head puts the visa where the regulation has one, the head signs — or either sends the draft
 * back once, as the case's fate says; the signed results of an akimat go back in one numbered
 * results batch on the days the department's car goes there (twice a week); results of the department's own applications are handed out at its desk.
 * Then the day's applicants at the department's own desk (`DepartmentDesk`). In the evening the
 * device syncs again.
 */
import type { CaseRow } from '../../src/db/schema';
import { addWorkingDays, type IsoDate } from '../../src/domain/calendar';
import type { NextAction } from '../../src/domain/process';
import type { StaffRole } from '../../src/domain/roles';
import { commissionOf, decisionFor, inspectionAct, returnFor, sendBackComment } from './decisions';
import { DepartmentDesk } from './department-desk';
import type { DemoDevice } from './device';
import { collectorOf } from './hand-out';
import type { DemoCase } from './ledger';
import { EVENING, OPENS } from './office-clock';
import type { Rng } from './random';
import {
  actionsOn,
  awaitedStep,
  type DemoWorld,
  expectOk,
  scheduleNext,
  travelTogether,
} from './world';

/** A case due today and the step it waits for. */
interface Due {
  c: DemoCase;
  row: CaseRow;
  action: NextAction;
}

/** Steps taken one case at a time: each needs its own reading. */
const ONE_BY_ONE = new Set([
  'commission.ordered',
  'commission.inspected',
  'case.decided',
  'case.endorsed',
  'case.signed',
  'result.handed_out',
]);

/**
 * The days the department's car goes to an akimat with its results: twice a week, Monday and
 * Thursday for the okrugs of even code, Tuesday and Friday for the others. A result signed in
 * between waits for the car, with the others of its akimat.
 */
function isCourierDay(officeId: string, day: IsoDate): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  const isEven = Number(officeId.replace(/\D/g, '')) % 2 === 0;
  return (isEven ? [1, 4] : [2, 5]).includes(weekday);
}

/** Whoever of the department may take the step: the executor where they may, else the head. */
function deskRole(roles: readonly StaffRole[]): StaffRole {
  return roles.includes('district_executor') ? 'district_executor' : 'district_head';
}

export class DistrictDepartment {
  private readonly rng: Rng;
  private readonly commission: string[];
  readonly desk: DepartmentDesk;

  constructor(
    readonly device: DemoDevice,
    private readonly world: DemoWorld,
  ) {
    this.rng = world.rng.fork('district');
    this.commission = commissionOf(this.rng.fork('commission'));
    this.desk = new DepartmentDesk(device, world);
  }

  private get clock() {
    return this.device.clock;
  }

  async morning(day: IsoDate): Promise<void> {
    this.clock.startDay(day);
    await this.device.sync();
  }

  async evening(): Promise<void> {
    this.clock.moveTo(EVENING + this.rng.int(10, 40));
    await this.device.sync();
  }

  async work(day: IsoDate): Promise<void> {
    this.clock.moveTo(OPENS + this.rng.int(0, 10));
    // A case the process offers nothing more today is not looked at again today.
    const idle = new Set<string>();
    const toSend: Due[] = [];
    for (let round = 0; round < 12; round++) {
      const due: Due[] = [];
      for (const c of this.world.ledger.due(day, 'district')) {
        if (idle.has(c.caseId)) continue;
        const row = await this.row(c);
        const action = awaitedStep(row);
        if (action) due.push({ c, row, action });
        else idle.add(c.caseId);
      }
      if (due.length === 0) break;
      const of = (type: string) => due.filter((d) => d.action.type === type);
      const unknown = due.find(
        (d) =>
          !ONE_BY_ONE.has(d.action.type) &&
          !['case.received', 'case.assigned', 'result.sent'].includes(d.action.type),
      );
      if (unknown) {
        throw new Error(`district: ${unknown.c.regNumber} awaits ${unknown.action.type}`);
      }
      await this.receiveBatches(of('case.received'), day);
      await this.assign(of('case.assigned'), day);
      for (const d of due.filter((x) => ONE_BY_ONE.has(x.action.type))) await this.step(d, day);
      // Results wait for the day's last round: those signed today go in the same batch.
      for (const d of of('result.sent')) {
        toSend.push(d);
        idle.add(d.c.caseId);
      }
    }
    await this.sendResults(toSend, day);
    await this.desk.receive(day);
  }

  private async row(c: DemoCase): Promise<CaseRow> {
    const row = await this.device.row(c.caseId);
    if (!row) throw new Error(`district: case ${c.regNumber} has not arrived on the device`);
    return row;
  }

  private as(role: StaffRole, roles: readonly StaffRole[], c: DemoCase) {
    if (!roles.includes(role)) {
      throw new Error(`district: ${role} may not take the step ${c.regNumber} awaits`);
    }
    return this.device.as(role);
  }

  private async schedule(c: DemoCase, day: IsoDate): Promise<void> {
    scheduleNext(this.world, c, await this.row(c), 'district', day);
  }

  /**
   * The files of each transfer batch checked against its register: a file goes back to the
   * village once at most (the second time it is complete); the rest of the batch is confirmed
   * in one action.
   */
  private async receiveBatches(files: Due[], day: IsoDate): Promise<void> {
    const batches = new Map<string, Due[]>();
    for (const d of files) {
      const key = d.row.batchId ?? d.c.caseId;
      batches.set(key, [...(batches.get(key) ?? []), d]);
    }
    for (const batch of batches.values()) {
      const confirmed: Due[] = [];
      for (const d of batch) {
        this.clock.advance(this.rng.int(2, 6));
        if (d.row.returnCount === 0 && this.world.fates.choose(d.c, 'returned') !== 'no') {
          this.clock.advance(this.rng.int(5, 10));
          const returned = actionsOn(d.row).find((a) => a.type === 'case.returned');
          expectOk(
            await this.as('district_executor', returned?.roles ?? [], d.c).returnCase(
              d.c.caseId,
              returnFor(d.c, d.row),
            ),
            `return of ${d.c.regNumber}`,
          );
        } else {
          confirmed.push(d);
        }
      }
      const [first] = confirmed;
      if (first) {
        expectOk(
          await this.as('district_executor', first.action.roles, first.c).receiveCases(
            confirmed.map((d) => d.c.caseId),
          ),
          `receipt of ${first.row.batchNumber ?? first.c.regNumber} (${confirmed.length} files)`,
        );
      }
      for (const d of batch) await this.schedule(d.c, day);
    }
  }

  /**
   * The head's resolution is optional: the cases the head takes up are assigned to the executor
   * in one action; the executor drafts the others at once.
   */
  private async assign(cases: Due[], day: IsoDate): Promise<void> {
    // Where the regulation writes a resolution (not optional), the head always assigns.
    const assigned = cases.filter(
      (d) =>
        !actionsOn(d.row).some((a) => a.type === 'case.decided') ||
        this.world.fates.choose(d.c, 'assigned'),
    );
    const [first] = assigned;
    if (first) {
      this.clock.advance(this.rng.int(1, 3) + assigned.length);
      expectOk(
        await this.as('district_head', first.action.roles, first.c).assignCases(
          assigned.map((d) => d.c.caseId),
          this.device.person('district_executor').id,
        ),
        `assignment of ${assigned.length} cases`,
      );
    }
    for (const d of cases) {
      if (!assigned.includes(d)) await this.draft(d.c, d.row);
      await this.schedule(d.c, day);
    }
  }

  /** A step on one case: the draft, the visa, the signature, the hand-out at the desk. */
  private async step({ c, row, action }: Due, day: IsoDate): Promise<void> {
    const id = c.caseId;
    const ref = c.regNumber;
    switch (action.type) {
      // The department's own 004-01 applications: the head orders the commission's inspection.
      case 'commission.ordered':
        this.clock.advance(this.rng.int(5, 10));
        expectOk(
          await this.as(deskRole(action.roles), action.roles, c).orderCommission(id),
          `commission order of ${ref}`,
        );
        break;
      case 'commission.inspected':
        this.clock.advance(this.rng.int(10, 20));
        expectOk(
          await this.as(deskRole(action.roles), action.roles, c).recordInspection(
            id,
            inspectionAct(c, !this.world.fates.choose(c, 'notNeedy'), this.commission, day),
          ),
          `inspection act of ${ref}`,
        );
        break;
      case 'case.decided':
        await this.draft(c, row);
        break;
      case 'case.endorsed':
        this.clock.advance(this.rng.int(4, 10));
        if (this.isSentBackNow(c, row)) await this.sendBack(c, 'district_sector_head');
        else {
          expectOk(
            await this.as('district_sector_head', action.roles, c).endorseCase(
              id,
              c.rng.chance(0.3) ? 'Келісемін.' : undefined,
            ),
            `visa on ${ref}`,
          );
        }
        break;
      case 'case.signed':
        this.clock.advance(this.rng.int(3, 8));
        if (this.isSentBackNow(c, row)) await this.sendBack(c, 'district_head');
        else {
          // Where the process has no draft, the head's signature is the decision itself.
          expectOk(
            await this.as('district_head', action.roles, c).signCase(
              id,
              row.outcome ? undefined : decisionFor(c, this.world.fates.choose(c, 'refused')),
            ),
            `signature of ${ref}`,
          );
        }
        break;
      case 'result.handed_out': {
        this.clock.advance(this.rng.int(2, 8));
        expectOk(
          await this.as(deskRole(action.roles), action.roles, c).handOutResult(
            id,
            collectorOf(this.world, c, day),
          ),
          `hand-out of ${ref} at the department`,
        );
        break;
      }
      default:
        throw new Error(`district: ${ref} awaits ${action.type} at the district`);
    }
    await this.schedule(c, day);
  }

  /**
   * The signed results of an akimat go back together: on a day one of them is due to go, every
   * signed result of that akimat waiting at the district goes in the same numbered results
   * batch (a result left lying stays).
   */
  private async sendResults(due: Due[], day: IsoDate): Promise<void> {
    const offices = [...new Set(due.map((d) => d.c.officeId))];
    for (const officeId of offices) {
      if (!isCourierDay(officeId, day)) {
        const next = this.nextCourierDay(officeId, day);
        for (const d of due.filter((x) => x.c.officeId === officeId)) {
          d.c.planned = next;
          d.c.next = next;
        }
        continue;
      }
      const waiting: Due[] = [];
      for (const c of this.world.ledger.cases) {
        if (c.officeId !== officeId || c.waitsAt !== 'district' || c.planned === null) continue;
        // A file the akimat sent today is not on the department's device before the evening.
        const row = await this.device.row(c.caseId);
        const action = row && awaitedStep(row);
        if (row && action?.type === 'result.sent') waiting.push({ c, row, action });
      }
      const [first] = waiting;
      if (!first) continue;
      this.clock.advance(this.rng.int(2, 5) + waiting.length);
      expectOk(
        await this.as('district_executor', first.action.roles, first.c).sendResults(
          waiting.map((d) => d.c.caseId),
        ),
        `results of ${waiting.length} cases to ${officeId}`,
      );
      for (const d of waiting) await this.schedule(d.c, day);
      travelTogether(waiting.map((d) => d.c));
    }
  }

  private nextCourierDay(officeId: string, day: IsoDate): IsoDate {
    for (let n = 1; n < 10; n++) {
      const next = addWorkingDays(this.world.calendar, day, n);
      if (isCourierDay(officeId, next)) return next;
    }
    return addWorkingDays(this.world.calendar, day, 1);
  }

  private async draft(c: DemoCase, row: CaseRow): Promise<void> {
    const decide = actionsOn(row).find((a) => a.type === 'case.decided');
    this.clock.advance(this.rng.int(15, 35));
    expectOk(
      await this.as('district_executor', decide?.roles ?? [], c).decideCase(
        c.caseId,
        decisionFor(c, this.world.fates.choose(c, 'refused')),
      ),
      `draft decision on ${c.regNumber}`,
    );
  }

  /** A draft goes back once at most: at the first review that sees it, if its choice says so. */
  private isSentBackNow(c: DemoCase, row: CaseRow): boolean {
    // Without a draft (the head decides alone) there is nothing to send back.
    if (!actionsOn(row).some((a) => a.type === 'case.sent_back')) return false;
    return !c.isSentBack && this.world.fates.choose(c, 'sentBack');
  }

  private async sendBack(c: DemoCase, role: StaffRole): Promise<void> {
    const row = await this.row(c);
    const back = actionsOn(row).find((a) => a.type === 'case.sent_back');
    expectOk(
      await this.as(role, back?.roles ?? [], c).sendBack(c.caseId, sendBackComment(c)),
      `send-back of ${c.regNumber}`,
    );
    c.isSentBack = true;
  }
}
