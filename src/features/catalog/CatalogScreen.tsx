/**
 * The service catalog for staff: search by name in Kazakh or Russian; for each service its
 * channels with the steps and durations, the documents, and the legal source (act and seed
 * lines), so a specialist can answer a citizen's question with the regulation in hand.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findAct } from '../../domain/catalog';
import { CHANNEL_KINDS } from '../../domain/catalog/schema';
import { useLang } from '../app/useLang';
import { useCatalog } from '../app/useReference';

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
      {services.map((s) => {
        const act = findAct(s.actId);
        return (
          <details key={s.id} className="service">
            <summary>
              <strong>{s.id}</strong> {loc(s.name)}{' '}
              {s.isDeleted && <em>({t('catalog.deleted')})</em>}
            </summary>
            <p className="hint">
              {act && `${loc(act.issuer)}, № ${act.number}, ${act.date}`} — {s.source.seed}:
              {s.source.lines[0]}–{s.source.lines[1]}
            </p>
            {CHANNEL_KINDS.map((kind) => {
              const channel = s.channels[kind];
              if (!channel) return null;
              return (
                <section key={kind}>
                  <h3>{t(`channels.${kind}`)}</h3>
                  <ol>
                    {channel.steps.map((step) => (
                      <li key={step.id}>
                        {loc(step.action)} — {t(`stepRoles.${step.role}`)} —{' '}
                        {t(`units.${step.duration.unit}`, { count: step.duration.value })}
                        {step.anchor &&
                          ` (${t('catalog.anchor', { limit: t(`units.${step.anchor.limit.unit}`, { count: step.anchor.limit.value }) })})`}
                        {step.note && <span className="hint"> — {loc(step.note)}</span>}
                      </li>
                    ))}
                  </ol>
                  {channel.total && (
                    <p>
                      {t(channel.total.isStated ? 'catalog.totalStated' : 'catalog.totalComputed', {
                        total: t(`units.${channel.total.unit}`, { count: channel.total.value }),
                      })}
                    </p>
                  )}
                </section>
              );
            })}
            <h3>{t('intake.documents')}</h3>
            {s.checklist.kind === 'per_standard' && (
              <p>{t('intake.perStandard', { reference: loc(s.checklist.reference) })}</p>
            )}
            <ul>
              {(s.checklist.documents ?? []).map((d) => (
                <li key={d.id}>{loc(d.name)}</li>
              ))}
            </ul>
          </details>
        );
      })}
    </main>
  );
}
