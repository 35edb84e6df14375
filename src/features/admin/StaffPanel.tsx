/**
 * The district's people: who works where in which role, who was deactivated and whose sign-in is
 * locked after wrong PINs (since when, on which device); for one chosen person, a new role (of
 * their office's kind), the lifting of her lock, a new PIN and deactivation — the last three
 * after a confirmation that says when devices learn of it. A new person is added below the list.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { districtOffices } from '../../db/offices';
import { useLive } from '../../db/useLive';
import { fullName, shortName } from '../../domain/names';
import { ROLES_BY_OFFICE_KIND, type StaffRole } from '../../domain/roles';
import { useSession } from '../../state/session';
import { ConfirmButton } from '../app/ConfirmButton';
import { useRuntime } from '../app/runtime';
import { useLang } from '../app/useLang';
import { AddPersonForm } from './AddPersonForm';
import { AdminMessage } from './AdminMessage';
import { PinResetFields } from './PinResetFields';
import { useAdmin } from './useAdmin';
import { useDistrictStaff } from './useDistrictStaff';
import { useSignInLockText } from './useSignInLockText';

export function StaffPanel() {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { db } = useRuntime();
  const self = useSession((s) => s.staff);
  const offices = useLive(() => districtOffices(db), []).data ?? [];
  const { people, refresh } = useDistrictStaff();
  const { run, message } = useAdmin();
  const [chosenId, setChosenId] = useState('');
  const [role, setRole] = useState('');
  const lockText = useSignInLockText();
  const chosen = people.find((p) => p.id === chosenId);
  const office = offices.find((o) => o.id === chosen?.officeId);
  const officeName = (id: string) => loc(offices.find((o) => o.id === id)?.name);
  const roles: readonly StaffRole[] = office ? ROLES_BY_OFFICE_KIND[office.kind] : [];
  const isSelf = chosen?.id === self?.id;
  const name = chosen ? fullName({ ...chosen, patronymic: chosen.patronymic ?? undefined }) : '';

  const act = (action: Parameters<typeof run>[0]) =>
    run(async (c) => {
      await action(c);
      await refresh();
    });

  const chosenLock = chosen ? lockText(chosen.signInLock) : null;

  return (
    <section aria-labelledby="staff-title">
      <h2 id="staff-title">{t('staffAdmin.title')}</h2>
      <p className="hint">{t('staffAdmin.explain')}</p>
      <table>
        <thead>
          <tr>
            <th>{t('staffAdmin.person')}</th>
            <th>{t('staffAdmin.office')}</th>
            <th>{t('staffAdmin.role')}</th>
            <th>{t('staffAdmin.state')}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id} className={p.isActive ? undefined : 'muted'}>
              <td>{fullName({ ...p, patronymic: p.patronymic ?? undefined })}</td>
              <td>{officeName(p.officeId)}</td>
              <td>{t(`roles.${p.role}`)}</td>
              <td>
                {p.isActive ? t('staffAdmin.active') : t('staffAdmin.inactive')}
                {p.signInLock && (
                  <>
                    <br />
                    <strong className="error">{lockText(p.signInLock)}</strong>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label>
        {t('staffAdmin.person')}
        <select
          name="person"
          value={chosenId}
          onChange={(e) => {
            setChosenId(e.target.value);
            setRole(people.find((p) => p.id === e.target.value)?.role ?? '');
          }}
        >
          <option value="">—</option>
          {people
            .filter((p) => p.isActive)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {shortName({ ...p, patronymic: p.patronymic ?? undefined })} —{' '}
                {t(`roles.${p.role}`)} — {officeName(p.officeId)}
              </option>
            ))}
        </select>
      </label>
      {chosen && (
        <fieldset>
          <legend>{name}</legend>
          <label>
            {t('staffAdmin.changeRole', { name })}
            <select
              name="role"
              value={role}
              disabled={isSelf}
              onChange={(e) => setRole(e.target.value)}
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={isSelf || role === chosen.role}
            onClick={() => void act((c) => c.changeRole(chosen.id, role as StaffRole))}
          >
            {t('staffAdmin.saveRole')}
          </button>
          {chosenLock && (
            // A div: the confirmation's dialog inside it is not phrasing content.
            <div>
              <strong className="error">{chosenLock}</strong>{' '}
              <ConfirmButton
                label={t('staffAdmin.unlock')}
                question={<p>{t('staffAdmin.unlockQuestion', { name })}</p>}
                onConfirm={() => act((c) => c.unlockPerson(chosen.id))}
              />
            </div>
          )}
          <PinResetFields
            key={chosen.id}
            name={name}
            onReset={(pin) => act((c) => c.resetPin(chosen.id, pin))}
          />
          <ConfirmButton
            label={t('staffAdmin.deactivate')}
            isDisabled={isSelf}
            question={<p>{t('staffAdmin.deactivateQuestion', { name })}</p>}
            onConfirm={() =>
              act(async (c) => {
                await c.deactivate(chosen.id);
                setChosenId('');
              })
            }
          />
        </fieldset>
      )}
      <AdminMessage message={message} />
      <AddPersonForm onAdded={refresh} />
    </section>
  );
}
