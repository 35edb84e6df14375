/**
 * A day at the district department of the demo: the executor, the sector head and the head at
 * the department's device. In the morning the device syncs (yesterday's batches arrive); then
 * each file due today, oldest first: the executor confirms the paper file arrived or returns it
 * to the village, the head assigns it (or the executor takes it up without), the executor
 * drafts the decision, the sector head puts the visa where the regulation has one, the head
 * signs — or either sends the draft back once, as the case's fate says — and the executor sends
 * the result back; in the evening the device syncs again.
 */
import type { CaseRow } from '../../src/db/schema';
import type { IsoDate } from '../../src/domain/calendar';
import type { StaffRole } from '../../src/domain/roles';
import { decisionFor, returnFor, sendBackComment } from './decisions';
import type { DemoDevice } from './device';
import type { DemoCase } from './ledger';
import { EVENING, OPENS } from './office-clock';
import type { Rng } from './random';
import { actionsOn, awaitedStep, type DemoWorld, expectOk, scheduleNext } from './world';

export class DistrictDepartment {
  private readonly rng: Rng;

  constructor(
    readonly device: DemoDevice,
    private readonly world: DemoWorld,
  ) {
    this.rng = world.rng.fork('district');
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
    for (const c of this.world.ledger.due(day, 'district')) await this.takeUp(c, day);
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

  /** The department's work on a file, step after step while it is due today. */
  private async takeUp(c: DemoCase, day: IsoDate): Promise<void> {
    for (let steps = 0; steps < 12; steps++) {
      if (c.next === null || c.next > day || c.waitsAt !== 'district') return;
      const row = await this.row(c);
      const action = awaitedStep(row);
      if (!action) return;
      const id = c.caseId;
      const ref = c.regNumber;
      switch (action.type) {
        case 'case.received':
          this.clock.advance(this.rng.int(2, 6));
          // A file goes back to the village once at most; the second time it is complete.
          if (row.returnCount === 0 && this.world.fates.choose(c, 'returned') !== 'no') {
            this.clock.advance(this.rng.int(5, 10));
            const returned = actionsOn(row).find((a) => a.type === 'case.returned');
            expectOk(
              await this.as('district_executor', returned?.roles ?? [], c).returnCase(
                id,
                returnFor(c, row),
              ),
              `return of ${ref}`,
            );
          } else {
            expectOk(
              await this.as('district_executor', action.roles, c).receiveCase(id),
              `receipt of ${ref}`,
            );
          }
          break;
        case 'case.assigned':
          // The head's resolution is optional: without it the executor drafts at once.
          if (this.world.fates.choose(c, 'assigned')) {
            this.clock.advance(this.rng.int(1, 3));
            expectOk(
              await this.as('district_head', action.roles, c).assignCase(
                id,
                this.device.person('district_executor').id,
              ),
              `assignment of ${ref}`,
            );
          } else {
            await this.draft(c, row);
          }
          break;
        case 'case.decided':
          await this.draft(c, row);
          break;
        case 'case.endorsed':
          this.clock.advance(this.rng.int(4, 10));
          if (this.isSentBackNow(c)) await this.sendBack(c, 'district_sector_head');
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
          if (this.isSentBackNow(c)) await this.sendBack(c, 'district_head');
          else {
            expectOk(
              await this.as('district_head', action.roles, c).signCase(id),
              `signature of ${ref}`,
            );
          }
          break;
        case 'result.sent':
          this.clock.advance(this.rng.int(2, 5));
          expectOk(
            await this.as('district_executor', action.roles, c).sendResult(id),
            `result of ${ref}`,
          );
          break;
        default:
          throw new Error(`district: ${ref} awaits ${action.type} at the district`);
      }
      scheduleNext(this.world, c, await this.row(c), 'district', day);
    }
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
  private isSentBackNow(c: DemoCase): boolean {
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
