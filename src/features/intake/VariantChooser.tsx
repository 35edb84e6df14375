/**
 * The variant of the service where the regulation gives a step another term for it (003-02: a
 * first certificate or a duplicate). The choice drives every date of the case, the talon's
 * first; the channel's own terms are the first choice.
 */
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../domain/catalog/schema';
import { useLang } from '../app/useLang';

interface Props {
  channel: Channel;
  value: string;
  onChange(variant: string): void;
}

export function VariantChooser({ channel, value, onChange }: Props) {
  const { t } = useTranslation();
  const { loc } = useLang();
  const variants = channel.variants ?? [];
  if (variants.length === 0) return null;
  return (
    <fieldset>
      <legend>{t('intake.variant')}</legend>
      <label className="check">
        <input
          type="radio"
          name="variant"
          value=""
          checked={value === ''}
          onChange={() => onChange('')}
        />
        {t('intake.variantDefault')}
      </label>
      {variants.map((v) => (
        <label key={v.id} className="check">
          <input
            type="radio"
            name="variant"
            value={v.id}
            checked={value === v.id}
            onChange={() => onChange(v.id)}
          />
          {loc(v.name)}
        </label>
      ))}
    </fieldset>
  );
}
