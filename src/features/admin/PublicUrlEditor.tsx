/**
 * The district's public address: where the talon's QR code sends a citizen (the status page).
 * Checked here as the server checks it, so a typo is told before anything is sent; saving an
 * empty field returns the district to the server's PUBLIC_URL.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive } from '../../db/useLive';
import { normalizePublicUrl } from '../../domain/status-page';
import { useRuntime } from '../app/runtime';
import { useOpenForm } from '../update/openForms';
import { AdminMessage } from './AdminMessage';
import { useAdmin } from './useAdmin';

export function PublicUrlEditor() {
  const { t } = useTranslation();
  const { db } = useRuntime();
  const district = useLive(() => db.districts.toCollection().first(), []);
  const [text, setText] = useState('');
  const [isInvalid, setIsInvalid] = useState(false);
  const { run, message } = useAdmin();
  useEffect(() => setText(district.data?.publicUrl ?? ''), [district.data?.publicUrl]);
  useOpenForm(district.status === 'ready' && text !== (district.data?.publicUrl ?? ''));

  function save() {
    const isEmpty = text.trim() === '';
    const url = isEmpty ? null : normalizePublicUrl(text);
    setIsInvalid(!isEmpty && url === null);
    if (isEmpty || url) void run((c) => c.setPublicUrl(url));
  }

  return (
    <section aria-labelledby="public-url-title">
      <h2 id="public-url-title">{t('admin.publicUrl')}</h2>
      <p className="hint" id="public-url-hint">
        {t('admin.publicUrlExplain')}
      </p>
      <label>
        {t('admin.publicUrl')}
        <input
          type="url"
          name="publicUrl"
          value={text}
          placeholder="https://"
          aria-describedby="public-url-hint"
          aria-invalid={isInvalid}
          onChange={(e) => {
            setText(e.target.value);
            setIsInvalid(false);
          }}
        />
      </label>
      {isInvalid && (
        <p role="alert" className="error">
          {t('admin.publicUrlInvalid')}
        </p>
      )}
      <button type="button" onClick={save}>
        {t('admin.savePublicUrl')}
      </button>
      <AdminMessage message={message} />
    </section>
  );
}
