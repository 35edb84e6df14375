/** A channel's steps in order, with who does each, how long it may take and where it is written. */
import { useTranslation } from 'react-i18next';
import type { Channel, ChannelKind, Duration } from '../../domain/catalog/schema';
import { useLang } from '../app/useLang';

export function ChannelSteps({ kind, channel }: { kind: ChannelKind; channel: Channel }) {
  const { t } = useTranslation();
  const { loc } = useLang();
  const span = (d: Duration) => t(`units.${d.unit}`, { count: d.value });
  return (
    <section>
      <h3>{t(`channels.${kind}`)}</h3>
      {channel.steps.length === 0 && <p className="hint">{t('catalog.noSteps')}</p>}
      <ol>
        {channel.steps.map((step) => (
          <li key={step.id}>
            {loc(step.action)} — {t(`stepRoles.${step.role}`)} — {span(step.duration)}
            {step.anchor && ` (${t('catalog.anchor', { limit: span(step.anchor.limit) })})`}
            {channel.variants?.flatMap((v) => {
              const duration = v.durations[step.id];
              return duration
                ? [
                    <span key={v.id}>
                      {' '}
                      ({loc(v.name)}: {span(duration)} — {v.source.seed}:{v.source.lines[0]}–
                      {v.source.lines[1]})
                    </span>,
                  ]
                : [];
            })}
            <span className="hint">
              {' '}
              —{' '}
              {step.source.paragraph && `${t('catalog.paragraph', { n: step.source.paragraph })}, `}
              {step.source.seed}:{step.source.lines[0]}–{step.source.lines[1]}
              {step.note && `; ${loc(step.note)}`}
            </span>
          </li>
        ))}
      </ol>
      {channel.total && (
        <p>
          {t(channel.total.isStated ? 'catalog.totalStated' : 'catalog.totalComputed', {
            total: span(channel.total),
          })}
        </p>
      )}
      {channel.submissionDayCounts !== null && (
        <p className="hint">
          {t(
            channel.submissionDayCounts
              ? 'catalog.submissionDayCounts'
              : 'catalog.submissionDayNotCounted',
          )}
        </p>
      )}
    </section>
  );
}
