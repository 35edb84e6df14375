/**
 * The service, found by typing: any word of its Kazakh or Russian name, its number ("004-01",
 * "00401") or its act's region, in any case, with the services this desk used last first. Two
 * services can read alike (003-06 and 004-01 are both the child benefit, from the regulations
 * of two regions): each option shows its act and region, and so does the chosen one.
 *
 * An editable combobox with list autocomplete (WAI-ARIA 1.2): typing opens the list with its
 * first match active, ↓/↑ move, Enter chooses, Esc closes the list (again: restores the chosen
 * service's text); the focus stays in the field, the active option is announced by
 * aria-activedescendant and the number of matches by a status line. With the list closed,
 * Enter submits the form as in any other field.
 */
import { type KeyboardEvent, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recentFirst, type ServiceEntry, searchServices } from '../../domain/catalog/search';
import { formatDateKz } from '../../domain/time';
import { useLang } from '../app/useLang';

interface Props {
  /** the services the office offers, in catalog order, each with its act */
  entries: readonly ServiceEntry[];
  /** services used last on this device, most recent first */
  recentIds: readonly string[];
  value: string;
  onChange(serviceId: string): void;
  problem?: string | undefined;
}

export function ServicePicker({ entries, recentIds, value, onChange, problem }: Props) {
  const { t } = useTranslation();
  const { loc } = useLang();
  const listId = useId();
  /** what the person is typing; null while the field shows the chosen service */
  const [query, setQuery] = useState<string | null>(null);
  const [isOpen, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const ordered = useMemo(() => recentFirst(entries, recentIds), [entries, recentIds]);
  const matches = useMemo(() => searchServices(ordered, query ?? ''), [ordered, query]);
  const selected = entries.find((e) => e.service.id === value);
  const optionId = (entry: ServiceEntry) => `${listId}-${entry.service.id}`;
  const activeEntry = isOpen ? matches[active] : undefined;
  const title = (e: ServiceEntry) => `${e.service.id} — ${loc(e.service.name)}`;
  const actLine = (e: ServiceEntry) =>
    e.act
      ? t('intake.actLine', {
          region: loc(e.act.region),
          number: e.act.number,
          date: formatDateKz(e.act.date),
        })
      : '';

  const activeId = activeEntry ? optionId(activeEntry) : undefined;

  // The active option stays in sight as the arrows move through a list longer than its box.
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const choose = (entry: ServiceEntry) => {
    onChange(entry.service.id);
    setQuery(null);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const count = matches.length;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        if (count === 0) return setOpen(true);
        const step = e.key === 'ArrowDown' ? 1 : -1;
        if (!isOpen) {
          setOpen(true);
          setActive(step === 1 ? 0 : count - 1);
        } else setActive((active + step + count) % count);
        return;
      }
      case 'Enter':
        // With the list open Enter chooses; closed, it submits the form.
        if (activeEntry) {
          e.preventDefault();
          choose(activeEntry);
        }
        return;
      case 'Escape':
        if (isOpen) {
          e.preventDefault();
          setOpen(false);
        } else if (query !== null) {
          e.preventDefault();
          setQuery(null);
        }
        return;
    }
  };

  const described = [
    'intake-service-hint',
    selected?.act ? 'intake-service-act' : '',
    problem ? 'intake-service-error' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="field service-picker">
      <label htmlFor="intake-service">{t('intake.service')}</label>
      <div className="combobox">
        <input
          id="intake-service"
          name="service"
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={isOpen}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-describedby={described}
          aria-invalid={problem ? true : undefined}
          aria-required
          placeholder={t('intake.chooseService')}
          value={query ?? (selected ? title(selected) : '')}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            setQuery(null);
          }}
        />
        <div id={listId} role="listbox" aria-label={t('intake.services')} hidden={!isOpen}>
          {isOpen &&
            matches.map((entry, i) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are the field's: with aria-activedescendant the focus never leaves it for an option
              <div
                key={entry.service.id}
                id={optionId(entry)}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                // Keeps the focus in the field, so a click chooses as Enter does.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(entry)}
              >
                <span className="service-title">
                  <strong>{entry.service.id}</strong> {loc(entry.service.name)}
                  {recentIds.includes(entry.service.id) && (
                    <span className="tag">{t('intake.recent')}</span>
                  )}
                </span>
                <span className="service-act">{actLine(entry)}</span>
              </div>
            ))}
        </div>
      </div>
      <p role="status" className={isOpen && matches.length === 0 ? 'hint' : 'visually-hidden'}>
        {isOpen &&
          (matches.length > 0
            ? t('intake.servicesFound', { count: matches.length })
            : t('intake.noServices'))}
      </p>
      <p id="intake-service-hint" className="hint">
        {t('intake.serviceHint')}
      </p>
      {selected?.act && (
        <p id="intake-service-act" className="service-chosen-act" data-testid="service-act">
          {loc(selected.act.region)} ·{' '}
          {t('intake.actFull', {
            issuer: loc(selected.act.issuer),
            date: formatDateKz(selected.act.date),
            number: selected.act.number,
          })}
        </p>
      )}
      {problem && (
        <span id="intake-service-error" className="field-error">
          {problem}
        </span>
      )}
    </div>
  );
}
