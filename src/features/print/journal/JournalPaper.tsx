/**
 * Pages of the registration book (өтініштерді есепке алу журналы) for a period of registration
 * days, landscape A4, with the book's columns: number in order, registration number, date and
 * time, applicant and IIN, service, result due, status, the day the result was handed out, who
 * accepted. The header row repeats on every page. On the 80 mm roll, each case is a block.
 *
 * A village device prints its office's book; a district device, every office's cases it holds.
 */
import { journalLines } from '../../../db/papers';
import { browserPorts } from '../../../db/ports';
import { useLive } from '../../../db/useLive';
import { formatDateTimeWords, formatDateWords } from '../../../domain/paper-dates';
import { toOffsetDateTime } from '../../../domain/time';
import { useSession } from '../../../state/session';
import { useRuntime } from '../../app/runtime';
import { useServiceName } from '../../app/serviceNames';
import { PAPER_LABELS } from '../labels';
import { Paper } from '../layout/Paper';
import { type PaperColumn, PaperTable } from '../layout/PaperTable';
import type { PaperProps } from '../papers';

type Column =
  | 'n'
  | 'regNumber'
  | 'registeredAt'
  | 'applicant'
  | 'iin'
  | 'service'
  | 'resultDue'
  | 'status'
  | 'handedOut'
  | 'acceptedBy';

export function JournalPaper({ request, place }: PaperProps) {
  const { lang, size } = request;
  const l = PAPER_LABELS[lang];
  const { db } = useRuntime();
  const credentials = useSession((s) => s.credentials);
  const officeId = credentials?.officeId ?? '';
  // `from` and `to` were checked with the address (`period.ts`).
  const from = request.params.from ?? '';
  const to = request.params.to ?? '';
  const isDistrict = credentials?.officeKind === 'district';
  const data = useLive(
    () => journalLines(db, from, to, isDistrict ? undefined : officeId),
    [officeId, isDistrict, from, to],
  );
  const serviceName = useServiceName();

  if (data.status === 'error') throw data.error;
  if (data.status !== 'ready' || !serviceName) return null;
  const lines = data.data;
  const c = l.journal.columns;
  const columns: PaperColumn<Column>[] = [
    // 277 mm of landscape A4: the service's name, the longest text, takes what the others leave.
    { key: 'n', label: c.n, width: '7mm' },
    { key: 'regNumber', label: c.regNumber, isNowrap: true, width: '26mm' },
    { key: 'registeredAt', label: c.registeredAt, width: '24mm' },
    { key: 'applicant', label: c.applicant, width: '31mm' },
    { key: 'iin', label: c.iin, isNowrap: true, width: '23mm' },
    { key: 'service', label: c.service },
    { key: 'resultDue', label: c.resultDue, width: '22mm' },
    { key: 'status', label: c.status, width: '25mm' },
    { key: 'handedOut', label: c.handedOut, width: '23mm' },
    { key: 'acceptedBy', label: c.acceptedBy, width: '23mm' },
  ];
  const rows = lines.map(({ caseRow: row, handedOutAt }, i) => ({
    key: row.id,
    cells: {
      n: i + 1,
      regNumber: row.regNumber,
      registeredAt: formatDateTimeWords(row.registeredAt, lang),
      applicant: [row.applicant.surname, row.applicant.givenName, row.applicant.patronymic]
        .filter(Boolean)
        .join(' '),
      iin: row.applicant.iin,
      service: (
        <>
          {serviceName(row.serviceId)?.[lang]} <span className="nowrap">({row.serviceId})</span>
        </>
      ),
      resultDue: formatDateWords(row.resultDue, lang),
      status:
        row.status === 'closed' && row.outcome
          ? `${l.status.closed}: ${l.outcome[row.outcome]}`
          : l.status[row.status],
      handedOut: handedOutAt ? formatDateTimeWords(handedOutAt, lang) : '—',
      acceptedBy: row.acceptedBy.shortName,
    },
  }));

  return (
    <Paper request={request} title={l.journal.title} place={place}>
      <p className="paper-period">
        {l.journal.period}: {formatDateWords(from, lang)} — {formatDateWords(to, lang)}
      </p>
      {rows.length === 0 ? (
        <p>{l.journal.words.empty}</p>
      ) : (
        <PaperTable size={size} columns={columns} rows={rows} label={l.journal.title} />
      )}
      <p className="paper-total">
        <strong>{l.journal.total(rows.length)}</strong>
      </p>
      <p className="small">
        {l.journal.printedAt}: {formatDateTimeWords(toOffsetDateTime(browserPorts.now()), lang)}
      </p>
    </Paper>
  );
}
