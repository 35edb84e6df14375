/**
 * The district's devices: when each was last heard from, how many events it has made that the
 * server has not received (a village with work still on its way), revocation of a lost or
 * replaced device (after a confirmation that says what becomes of its unsent work), a name for
 * each device (given with its enrollment code, changed later), and one-time enrollment codes for
 * new ones — as text and as a QR code that opens the app with the code filled in.
 */
import QRCode from 'qrcode';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive } from '../../db/useLive';
import { DEVICE_NAME_MAX_LENGTH, deviceLabel } from '../../domain/admin/devices';
import { formatDateTimeKz, toLocalDateTime } from '../../domain/time';
import { useSession } from '../../state/session';
import type { AdminDeviceReport } from '../../sync/admin';
import { ConfirmButton } from '../app/ConfirmButton';
import { useRuntime } from '../app/runtime';
import { useLang } from '../app/useLang';
import { AdminMessage } from './AdminMessage';
import { adminCallSucceeded, adminProblem } from './adminTrouble';
import { useAdmin } from './useAdmin';

export function DevicesPanel() {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { db } = useRuntime();
  const credentials = useSession((s) => s.credentials);
  const offices = useLive(() => db.offices.toArray(), []);
  const { run, message, client } = useAdmin();
  const [devices, setDevices] = useState<AdminDeviceReport[]>([]);
  const [officeId, setOfficeId] = useState('');
  const [newName, setNewName] = useState('');
  const [renameId, setRenameId] = useState('');
  const [rename, setRename] = useState('');
  const [issued, setIssued] = useState<{ code: string; officeId: string; qr: string } | null>(null);

  const refresh = useCallback(async () => {
    if (!client) return;
    setDevices(await client.listDevices());
    adminCallSucceeded();
  }, [client]);
  useEffect(() => {
    refresh().catch(adminProblem);
  }, [refresh]);

  const issue = () =>
    run(async (client) => {
      const result = await client.issueCode(officeId, newName);
      setNewName('');
      await refresh();
      const link = `${window.location.origin}/#/enroll/${result.code}`;
      setIssued({ ...result, qr: await QRCode.toDataURL(link, { margin: 1, width: 200 }) });
    });

  const labelOf = (d: AdminDeviceReport) =>
    deviceLabel({ name: d.name, officeName: loc(d.officeName), deviceNo: d.deviceNo });
  const renamed = devices.find((d) => d.id === renameId);

  return (
    <section aria-labelledby="devices-title">
      <h2 id="devices-title">{t('admin.devices')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('deviceAdmin.name')}</th>
            <th>{t('admin.office')}</th>
            <th>{t('admin.lastSeen')}</th>
            <th>{t('admin.missing')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => (
            <tr key={d.id} className={d.missingEvents > 0 ? 'overdue' : undefined}>
              <td>{labelOf(d)}</td>
              <td>{loc(d.officeName)}</td>
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
                  <ConfirmButton
                    label={t('admin.revoke')}
                    ariaLabel={`${t('admin.revoke')} ${labelOf(d)}`}
                    question={
                      <p>
                        {t('deviceAdmin.revokeQuestion', {
                          device: labelOf(d),
                          missing: d.missingEvents,
                        })}
                      </p>
                    }
                    onConfirm={() =>
                      run(async (c) => {
                        await c.revoke(d.id);
                        await refresh();
                      })
                    }
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <fieldset>
        <legend>{t('deviceAdmin.rename')}</legend>
        <label>
          {t('deviceAdmin.device')}
          <select
            name="rename-device"
            value={renameId}
            onChange={(e) => {
              setRenameId(e.target.value);
              setRename(devices.find((d) => d.id === e.target.value)?.name ?? '');
            }}
          >
            <option value="">—</option>
            {devices.map((d) => (
              <option key={d.id} value={d.id}>
                {labelOf(d)}
              </option>
            ))}
          </select>
        </label>
        {renamed && (
          <>
            <label>
              {t('deviceAdmin.renameFor', { device: labelOf(renamed) })}
              <input
                name="device-name"
                maxLength={DEVICE_NAME_MAX_LENGTH}
                value={rename}
                onChange={(e) => setRename(e.target.value)}
              />
            </label>
            <button
              type="button"
              disabled={!rename.trim()}
              onClick={() =>
                run(async (c) => {
                  await c.renameDevice(renamed.id, rename);
                  setRenameId('');
                  await refresh();
                })
              }
            >
              {t('deviceAdmin.saveName')}
            </button>
          </>
        )}
      </fieldset>
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
      <label>
        {t('deviceAdmin.nameFor')}
        <input
          name="new-device-name"
          maxLength={DEVICE_NAME_MAX_LENGTH}
          placeholder={t('deviceAdmin.namePlaceholder')}
          value={newName}
          onChange={(e) => setNewName(e.target.value)}
        />
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
