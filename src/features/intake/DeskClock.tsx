/**
 * When this applicant's form was opened, and the minutes the regulation gives the desk where it
 * gives any: the desk time recorded with the case runs from that moment to the registration.
 */
import { useTranslation } from 'react-i18next';

interface Props {
  /** offset date-time */
  openedAt: string;
  limitMinutes: number | undefined;
}

export function DeskClock({ openedAt, limitMinutes }: Props) {
  const { t } = useTranslation();
  if (!openedAt) return null;
  return (
    <p className="hint desk-clock" data-testid="desk-clock">
      {t('intake.deskOpened', { time: openedAt.slice(11, 16) })}
      {limitMinutes !== undefined &&
        ` ${t('intake.deskLimit', { limit: t('units.minutes', { count: limitMinutes }) })}`}
    </p>
  );
}
