/**
 * The service catalog for staff: search by name in Kazakh or Russian; for each service its
 * channels with the steps and durations, the documents, and the legal source (act and seed
 * lines), so a specialist can answer a citizen's question with the regulation in hand; and each
 * service's information sheet for the stand, to print.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../app/useLang';
import { useCatalog } from '../app/useReference';
import { paperHref } from '../print/route';
import { ServiceDetails } from './ServiceDetails';

export function CatalogScreen() {
  const { t } = useTranslation();
  const { loc } = useLang();
  const [search, setSearch] = useState('');
  const term = search.trim().toLocaleLowerCase('kk');
  const catalog = useCatalog();
  const services = (catalog?.services ?? []).filter(
    (s) => !term || `${s.name.kk} ${s.name.ru} ${s.id}`.toLocaleLowerCase('kk').includes(term),
  );

  return (
    <main>
      <h1>{t('catalog.title')}</h1>
      <p className="hint">{t('catalog.version', { version: catalog?.version ?? '' })}</p>
      <label className="search">
        {t('catalog.search')}
        <input
          type="search"
          name="catalog-search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </label>
      {services.map((s) => (
        <details key={s.id} className="service">
          <summary>
            <strong>{s.id}</strong> {loc(s.name)} {s.isDeleted && <em>({t('catalog.deleted')})</em>}
          </summary>
          <p>
            <a className="button" href={paperHref('sheet', s.id)}>
              {t('print.sheetOpen')}
            </a>
          </p>
          <ServiceDetails service={s} />
        </details>
      ))}
    </main>
  );
}
