import type { CaseRow } from '../../../db/schema';
import type { Service } from '../../../domain/catalog/schema';
import type { Process } from '../../../domain/process';

/** What every action's form gets: the case, its process and its catalog service (once loaded). */
export interface ActionProps {
  caseRow: CaseRow;
  process: Process;
  service: Service | undefined;
}
