/**
 * The paper register (тізілім) of a transfer batch: it travels with the files to the district,
 * where the executor checks each file against it and confirms receipt in the app.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { batches } from '../../db/queries';
import { useLive } from '../../db/useLive';
import { formatDateKz, formatDateTimeKz } from '../../domain/time';
import { usePrefs } from '../../state/session';
import { useRuntime } from '../app/runtime';
import { useServiceName } from '../app/serviceNames';
import { PaperControls } from './PaperControls';

export function RegisterPrint({ batchId }: { batchId: string }) {
  const { i18n } = useTranslation();
  const { db } = useRuntime();
  const paper = usePrefs((s) => s.paper);
  const [lang, setLang] = useState<'kk' | 'ru'>('kk');
  const t = i18n.getFixedT(lang);
  const data = useLive(async () => {
    const batch = (await batches(db)).find((b) => b.batchId === batchId);
    const office = batch ? await db.offices.get(batch.officeId) : undefined;
    return { batch, office };
  }, [batchId]);
  const serviceName = useServiceName();
  const batch = data.data?.batch;
  // The register is printed whole: it waits for the catalog that names the services.
  if (data.status !== 'ready' || !serviceName) return null;
  if (!batch) return <main>{t('case.notFound')}</main>;

  return (
    <main className="print-view">
      <PaperControls lang={lang} setLang={setLang} />
      <article className={`paper paper-${paper}`} aria-label={t('register.title')}>
        <h1>
          {t('register.title')} {batch.batchNumber}
        </h1>
        <p>
          {data.data.office?.name[lang]} — {formatDateTimeKz(batch.sentAt)}
        </p>
        <table>
          <thead>
            <tr>
              <th>№</th>
              <th>{t('case.regNumber')}</th>
              <th>{t('case.registeredAt')}</th>
              <th>{t('case.applicant')}</th>
              <th>{t('case.service')}</th>
              <th>{t('case.resultDue')}</th>
            </tr>
          </thead>
          <tbody>
            {batch.cases.map((c, i) => (
              <tr key={c.id}>
                <td>{i + 1}</td>
                <td>{c.regNumber}</td>
                <td>{formatDateKz(c.registeredAt)}</td>
                <td>
                  {c.applicant.surname} {c.applicant.givenName} ({c.applicant.iin})
                </td>
                <td>{serviceName(c.serviceId)?.[lang]}</td>
                <td>{formatDateKz(c.resultDue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>{t('register.total', { count: batch.cases.length })}</p>
        <p className="signature">{t('register.handedOver')} ____________________</p>
        <p className="signature">{t('register.received')} ____________________</p>
      </article>
    </main>
  );
}
