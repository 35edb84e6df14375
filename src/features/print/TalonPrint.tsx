/**
 * The talon the citizen takes home: registration number and date, the service, the date the
 * result can be collected, who accepted the documents (surname and initials), the office, and
 * a QR code with the talon's number. Printable on A4 and on 80 mm rolls, in Kazakh (default)
 * or Russian independent of the interface language.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseById } from '../../db/queries';
import { useLive } from '../../db/useLive';
import { formatDateKz, formatDateTimeKz } from '../../domain/time';
import { usePrefs } from '../../state/session';
import { useRuntime } from '../app/runtime';
import { useServiceName } from '../app/serviceNames';
import { PaperControls } from './PaperControls';

export function TalonPrint({ caseId }: { caseId: string }) {
  const { i18n } = useTranslation();
  const { db } = useRuntime();
  const paper = usePrefs((s) => s.paper);
  const [lang, setLang] = useState<'kk' | 'ru'>('kk');
  const t = i18n.getFixedT(lang);
  const data = useLive(async () => {
    const c = await caseById(db, caseId);
    const office = c ? await db.offices.get(c.officeId) : undefined;
    return { c, office };
  }, [caseId]);
  const [qr, setQr] = useState('');
  const serviceName = useServiceName();
  const c = data.data?.c;

  useEffect(() => {
    if (!c) return;
    // The QR code carries what a district clerk or the status check needs to find the case.
    const text = `QBL1|${c.regNumber}|${c.registeredAt.slice(0, 10)}|${c.resultDue}`;
    // The QR encoder is loaded with the first talon, not with the app.
    void import('qrcode')
      .then(({ default: QRCode }) =>
        QRCode.toDataURL(text, { margin: 1, width: 240, errorCorrectionLevel: 'M' }),
      )
      .then(setQr);
  }, [c]);

  // The talon is printed whole: it waits for the service's name.
  if (data.status !== 'ready' || !serviceName) return null;
  if (!c) return <main>{t('case.notFound')}</main>;
  const office = data.data.office;
  const service = serviceName(c.serviceId);

  return (
    <main className="print-view">
      <PaperControls lang={lang} setLang={setLang} />
      <article className={`paper paper-${paper}`} aria-label={t('talon.title')}>
        <h1>{t('talon.title')}</h1>
        <p className="office">
          {office?.name[lang]}
          <br />
          <small>
            {office?.address[lang]} {office?.phone}
          </small>
        </p>
        <dl>
          <dt>{t('talon.number')}</dt>
          <dd className="big" data-testid="talon-number">
            {c.regNumber}
          </dd>
          <dt>{t('talon.registeredAt')}</dt>
          <dd>{formatDateTimeKz(c.registeredAt)}</dd>
          <dt>{t('talon.service')}</dt>
          <dd>{service?.[lang]}</dd>
          <dt>{t('talon.applicant')}</dt>
          <dd>
            {c.applicant.surname} {c.applicant.givenName.charAt(0)}.
            {c.applicant.patronymic ? ` ${c.applicant.patronymic.charAt(0)}.` : ''}
          </dd>
          <dt>{t('talon.resultDue')}</dt>
          <dd className="big" data-testid="talon-result-due">
            {formatDateKz(c.resultDue)}
          </dd>
          <dt>{t('talon.acceptedBy')}</dt>
          <dd>{c.acceptedBy.shortName}</dd>
        </dl>
        <p className="small">{t('talon.workingDaysNote')}</p>
        {qr && <img className="qr" src={qr} alt={t('talon.qr')} width={120} height={120} />}
        <p className="signature">{t('talon.signature')} ____________________</p>
      </article>
    </main>
  );
}
