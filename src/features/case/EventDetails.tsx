/**
 * What an event of the history says, in words: the commission's act, the documents a return
 * names, a decision's grounds, a correction's old and new values, who received the result.
 */
import { useTranslation } from 'react-i18next';
import type { EventRow } from '../../db/schema';
import type { Service } from '../../domain/catalog/schema';
import { shortName } from '../../domain/names';
import type { Person } from '../../domain/reference';
import { formatDateKz } from '../../domain/time';
import { useLang } from '../app/useLang';
import { documentName, groundLines } from './words';

interface Props {
  event: EventRow;
  service: Service | undefined;
  people: ReadonlyMap<string, Person>;
}

export function EventDetails({ event, service, people }: Props) {
  const { t } = useTranslation();
  const { loc } = useLang();
  const lines = detailLines();
  if (lines.length === 0) return null;
  return (
    <ul className="details">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );

  function decision(d: { outcome: 'approved' | 'refused'; grounds?: string[]; reason?: string }) {
    return [
      t(`outcome.${d.outcome}`),
      ...(d.outcome === 'refused' ? groundLines(t, loc, service, d.grounds, d.reason) : []),
    ];
  }

  function detailLines(): string[] {
    switch (event.type) {
      case 'case.registered': {
        const v = event.payload.variant;
        const variant = service?.channels[event.payload.channel]?.variants?.find((x) => x.id === v);
        return v ? [t('historyDetails.variant', { name: variant ? loc(variant.name) : v })] : [];
      }
      case 'commission.ordered':
        return event.payload.note ? [event.payload.note] : [];
      case 'commission.inspected': {
        const p = event.payload;
        return [
          t('historyDetails.act', { date: formatDateKz(p.actDate) }),
          t('historyDetails.members', { members: p.members.join('; ') }),
          t('historyDetails.findings', { text: p.findings }),
          `${t('commission.conclusion')}: ${t(`commission.${p.conclusion}`)} — ${p.conclusionText}`,
        ];
      }
      case 'batch.sent':
        return [t('historyDetails.batch', { number: event.payload.batchNumber })];
      case 'case.returned':
        return [
          ...event.payload.documents.map(
            (d) => `${documentName(service, d.id, loc)} — ${t(`returnForm.${d.problem}`)}`,
          ),
          ...(event.payload.reason ? [t('returned.reason', { reason: event.payload.reason })] : []),
        ];
      case 'case.assigned': {
        const person = people.get(event.payload.executorId);
        return [
          t('historyDetails.executor', {
            name: person ? shortName(person) : event.payload.executorId,
          }),
        ];
      }
      case 'case.decided':
      case 'case.refused':
        return decision(event.payload);
      case 'case.endorsed':
        return event.payload.comment ? [event.payload.comment] : [];
      case 'case.sent_back':
        return [event.payload.comment];
      case 'case.signed':
        return event.payload.decision ? decision(event.payload.decision) : [];
      case 'result.handed_out': {
        const p = event.payload;
        if (p.to === 'representative' && p.representative) {
          return [
            t('historyDetails.representative', {
              name: p.representative.name,
              powerOfAttorney: p.representative.powerOfAttorney,
            }),
          ];
        }
        if (p.to === 'applicant') return [t('historyDetails.toApplicant')];
        return p.recipient ? [p.recipient] : [];
      }
      case 'case.corrected': {
        const empty = t('correction.empty');
        return [
          ...event.payload.changes.map(
            (c) => `${t(`intake.${c.field}`)}: «${c.from || empty}» → «${c.to || empty}»`,
          ),
          t('historyDetails.reason', { reason: event.payload.reason }),
        ];
      }
      case 'case.cancelled':
        return [
          t(`cancelReasons.${event.payload.reason}`),
          ...(event.payload.note ? [event.payload.note] : []),
        ];
      default:
        return [];
    }
  }
}
