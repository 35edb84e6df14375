/**
 * The district's devices: when each was last heard from, how many events it has made that the
 * server has not received (a village with work still on its way), revocation of a lost or
 * replaced device, and one-time enrollment codes for new ones — as text and as a QR code that
 * opens the app with the code filled in.
 */
import QRCode from 'qrcode';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive } from '../../db/useLive';
import { formatDateTimeKz, toLocalDateTime } from '../../domain/time';
import { useSession } from '../../state/session';
import { type AdminDeviceReport, adminClient } from '../../sync/admin';
import { useRuntime } from '../app/runtime';
import { useLang } from '../app/useLang';
import { AdminMessage } from './AdminMessage';
import { useAdmin } from './useAdmin';

export function DevicesPanel() {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { db } = useRuntime();
  const { credentials, staff } = useSession();
  const offices = useLive(() => db.offices.toArray(), []);
  const { run, message } = useAdmin();
  const [devices, setDevices] = useState<AdminDeviceReport[]>([]);
  const [officeId, setOfficeId] = useState('');
  const [issued, setIssued] = useState<{ code: string; officeId: string; qr: string } | null>(null);

  const refresh = useCallback(async () => {
    if (!credentials || !staff) return;
    setDevices(await adminClient(db, credentials, staff.id).listDevices());
  }, [db, credentials, staff]);
  useEffect(() => {
    refresh().catch(() => {});
  }, [refresh]);

  const issue = () =>
    run(async (client) => {
      const result = await client.issueCode(officeId);
      const link = `${window.location.origin}/#/enroll/${result.code}`;
      setIssued({ ...result, qr: await QRCode.toDataURL(link, { margin: 1, width: 200 }) });
    });

  return (
    <section aria-labelledby="devices-title">
      <h2 id="devices-title">{t('admin.devices')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('admin.office')}</th>
            <th>№</th>
            <th>{t('admin.lastSeen')}</th>
            <th>{t('admin.missing')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => (
            <tr key={d.id} className={d.missingEvents > 0 ? 'overdue' : undefined}>
              <td>{loc(d.officeName)}</td>
              <td>{d.deviceNo}</td>
              <td>
                {d.lastSeenAt ? formatDateTimeKz(toLocalDateTime(new Date(d.lastSeenAt))) : '—'}
              </td>
              <td>{d.missingEvents}</td>
              <td>
                {d.revokedAt ? (
                  t('admin.revoked')
                ) : d.id === credentials?.deviceId ? (
                  t('admin.thisDevice')
                ) : (
                  <button
                    type="button"
                    aria-label={`${t('admin.revoke')} ${loc(d.officeName)} №${d.deviceNo}`}
                    onClick={() =>
                      run(async (c) => {
                        await c.revoke(d.id);
                        await refresh();
                      })
                    }
                  >
                    {t('admin.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label>
        {t('admin.codeFor')}
        <select name="code-office" value={officeId} onChange={(e) => setOfficeId(e.target.value)}>
          <option value="">—</option>
          {(offices.data ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {loc(o.name)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!officeId} onClick={issue}>
        {t('admin.issueCode')}
      </button>
      {issued && (
        <figure className="enroll-code">
          <img src={issued.qr} alt={t('admin.codeQr')} width={200} height={200} />
          <figcaption data-testid="issued-code">{issued.code}</figcaption>
        </figure>
      )}
      <AdminMessage message={message} />
    </section>
  );
}
