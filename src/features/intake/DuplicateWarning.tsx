/**
 * The warning when the IIN already has an open case of the service: the open case's number,
 * and a deliberate second registration. Everything typed stays in the form.
 */
import { useTranslation } from 'react-i18next';
import { caseByRegNumber } from '../../db/queries';
import { useLive } from '../../db/useLive';
import { hrefOf } from '../app/router';
import { useRuntime } from '../app/runtime';

interface Props {
  regNumber: string;
  isBusy: boolean;
  onConfirm(): void;
}

export function DuplicateWarning({ regNumber, isBusy, onConfirm }: Props) {
  const { t } = useTranslation();
  const { db } = useRuntime();
  const open = useLive(() => caseByRegNumber(db, regNumber), [regNumber]);
  return (
    <div role="alert" className="notice" aria-labelledby="duplicate-title">
      <p id="duplicate-title">
        <strong>{t('intake.duplicate', { regNumber })}</strong>
      </p>
      <p className="hint">{t('intake.duplicateHint')}</p>
      {open.data && (
        <a className="button secondary" href={hrefOf({ name: 'case', caseId: open.data.id })}>
          {t('intake.openExisting', { regNumber })}
        </a>
      )}
      <button type="button" disabled={isBusy} onClick={onConfirm}>
        {t('intake.registerAnyway')}
      </button>
    </div>
  );
}
