/**
 * The cases at the district department, overdue and due soon first, with the deadline mark of
 * each, grouped by the stage they wait at (draft, visa, signature), by executor or by akimat —
 * the switch and the "urgent only" filter kept in the address. The head picks one or several
 * cases waiting for a resolution and names their executor in one action.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DeskCase, deskCases, peopleById } from '../../db/desk';
import { officeStaff } from '../../db/queries';
import { useLive } from '../../db/useLive';
import { processOf } from '../../domain/case/reducer';
import { shortName } from '../../domain/names';
import { actionsFor } from '../../domain/process';
import type { Person } from '../../domain/reference';
import { useSession } from '../../state/session';
import { useRuntime } from '../app/runtime';
import { useLang } from '../app/useLang';
import { useNow } from '../app/useNow';
import { useCommand } from '../case/actions/useCommand';
import { CaseLine } from './CaseLine';
import { DeskProblem } from './DeskProblem';
import { DESK_GROUPINGS, type DeskGrouping, useDeskView } from './params';

const NOT_ASSIGNED = '';

interface Group {
  key: string;
  title: string;
  cases: DeskCase[];
}

export function WorkLists() {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { db, commands } = useRuntime();
  const staff = useSession((s) => s.staff);
  const now = useNow();
  const [view, setView] = useDeskView();
  const cases = useLive(() => deskCases(db, now), [now]);
  const people = useLive(() => peopleById(db), []);
  const offices = useLive(() => db.offices.toArray(), []);
  const executors = useLive(
    () => officeStaff(db, staff?.officeId ?? '', 'district_executor'),
    [staff?.officeId],
  );
  const cmd = useCommand();
  const [selected, setSelected] = useState<string[]>([]);
  const [chosen, setChosen] = useState('');

  // Results to send back have a part of their own below.
  const all = (cases.data ?? []).filter((d) => d.stage !== 'send');
  const shown = view.isUrgentOnly
    ? all.filter((d) => d.deadline.colour === 'overdue' || d.deadline.colour === 'due_soon')
    : all;
  const mayAssign = (d: DeskCase) =>
    staff !== null &&
    actionsFor(processOf(d.row), d.row, staff.role).some((a) => a.type === 'case.assigned');
  const assignable = shown.filter(mayAssign);
  const picked = selected.filter((id) => assignable.some((d) => d.row.id === id));
  const executorList = executors.data ?? [];
  const executorId = chosen || executorList[0]?.id || '';
  const person = (id: string | undefined): Person | undefined =>
    id ? people.data?.get(id) : undefined;
  const officeName = (id: string) => {
    const office = offices.data?.find((o) => o.id === id);
    return office ? loc(office.name) : id;
  };
  const groups = groupCases(shown, view.by, {
    stage: (s) => t(`desk.stage.${s}`),
    executor: (id) =>
      id ? (person(id) ? shortName(person(id) as Person) : id) : t('desk.notAssigned'),
    office: officeName,
  });

  return (
    <section aria-labelledby="desk-work" className="desk-part">
      <h2 id="desk-work">
        {t('desk.workTitle')} ({shown.length})
      </h2>
      <div className="desk-view no-print">
        <fieldset>
          <legend>{t('desk.groupBy')}</legend>
          {DESK_GROUPINGS.map((by) => (
            <label key={by}>
              <input
                type="radio"
                name="desk-by"
                checked={view.by === by}
                onChange={() => setView({ ...view, by })}
              />{' '}
              {t(`desk.by.${by}`)}
            </label>
          ))}
        </fieldset>
        <label>
          <input
            type="checkbox"
            checked={view.isUrgentOnly}
            onChange={(e) => setView({ ...view, isUrgentOnly: e.target.checked })}
          />{' '}
          {t('desk.urgentOnly')}
        </label>
      </div>
      {assignable.length > 0 && (
        <fieldset className="desk-assign">
          <legend>{t('assign.title')}</legend>
          <label>
            {t('assign.executor')}{' '}
            <select value={executorId} onChange={(e) => setChosen(e.target.value)}>
              {executorList.map((s) => (
                <option key={s.id} value={s.id}>
                  {shortName(s)}
                </option>
              ))}
            </select>
          </label>{' '}
          <button
            type="button"
            disabled={cmd.isBusy || !executorId}
            onClick={async () => {
              if (picked.length === 0) {
                cmd.setProblem({ code: 'selection-empty' });
                return;
              }
              if (await cmd.run(() => commands.assignCases(picked, executorId))) setSelected([]);
            }}
          >
            {t('desk.assignSelected', { count: picked.length })}
          </button>
          <DeskProblem problem={cmd.problem} />
        </fieldset>
      )}
      {cases.status === 'ready' && shown.length === 0 && <p className="hint">{t('desk.noWork')}</p>}
      {groups.map((g) => (
        <section key={g.key} aria-labelledby={`desk-group-${g.key}`} className="desk-group">
          <h3 id={`desk-group-${g.key}`}>
            {g.title} ({g.cases.length})
          </h3>
          <ul className="plain desk-rows">
            {g.cases.map((d) => (
              <li key={d.row.id} className={`row-${d.deadline.colour}`}>
                {mayAssign(d) && (
                  <input
                    type="checkbox"
                    aria-label={`${t('desk.select')} ${d.row.regNumber}`}
                    checked={picked.includes(d.row.id)}
                    onChange={(e) =>
                      setSelected((list) =>
                        e.target.checked
                          ? [...list, d.row.id]
                          : list.filter((id) => id !== d.row.id),
                      )
                    }
                  />
                )}{' '}
                <CaseLine dated={d}>
                  <span className="hint">
                    {view.by !== 'stage' && ` · ${t(`desk.stage.${d.stage}`)}`}
                    {d.row.status === 'rework' && ` · ${t('status.rework')}`}
                    {view.by !== 'office' && ` · ${officeName(d.row.officeId)}`}
                    {view.by !== 'executor' &&
                      ` · ${t('desk.executor')}: ${
                        person(d.row.executorId)
                          ? shortName(person(d.row.executorId) as Person)
                          : t('desk.notAssigned')
                      }`}
                  </span>
                </CaseLine>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

/**
 * The cases in groups of the chosen kind: stages in the order of the process, executors and
 * akimats by name (the cases with no executor last); within each, the order given (urgent first).
 */
function groupCases(
  cases: readonly DeskCase[],
  by: DeskGrouping,
  titles: Record<DeskGrouping, (key: string) => string>,
): Group[] {
  const keyOf = (d: DeskCase) =>
    by === 'stage'
      ? d.stage
      : by === 'executor'
        ? (d.row.executorId ?? NOT_ASSIGNED)
        : d.row.officeId;
  const groups = new Map<string, Group>();
  for (const d of cases) {
    const key = keyOf(d);
    const group = groups.get(key) ?? {
      key: `${by}-${key || 'none'}`,
      title: titles[by](key),
      cases: [],
    };
    group.cases.push(d);
    groups.set(key, group);
  }
  const stageOrder = ['draft', 'visa', 'sign', 'send'];
  return [...groups.entries()]
    .sort(([a, ga], [b, gb]) => {
      if (by === 'stage') return stageOrder.indexOf(a) - stageOrder.indexOf(b);
      if (a === NOT_ASSIGNED || b === NOT_ASSIGNED) return a === NOT_ASSIGNED ? 1 : -1;
      return ga.title.localeCompare(gb.title, 'kk');
    })
    .map(([, g]) => g);
}
