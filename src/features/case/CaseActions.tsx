/**
 * What the signed-in person may do on this case now: exactly `actionsFor` of the case's process,
 * one form per action. Steps of the process come first; corrections and cancellation, which act
 * on the case beside its steps, below them. A person with no step to record is told whose step
 * the case waits for.
 */
import { useTranslation } from 'react-i18next';
import type { CaseRow } from '../../db/schema';
import type { EventType } from '../../domain/case/events';
import { processOf } from '../../domain/case/reducer';
import type { Service } from '../../domain/catalog/schema';
import { actionsFor, type NextAction, nextActions } from '../../domain/process';
import type { StaffRole } from '../../domain/roles';
import { useRuntime } from '../app/runtime';
import { AssignForm } from './actions/AssignForm';
import { CancelForm } from './actions/CancelForm';
import { CorrectionForm } from './actions/CorrectionForm';
import { DecideForm } from './actions/DecideForm';
import { EndorseForm } from './actions/EndorseForm';
import { HandOutForm } from './actions/HandOutForm';
import { InspectionForm } from './actions/InspectionForm';
import { OrderCommission } from './actions/OrderCommission';
import { ForwardLink, RefuseReturnedForm } from './actions/ReturnedAtVillage';
import { ReturnForm } from './actions/ReturnForm';
import { SendBackForm } from './actions/SendBackForm';
import { SignForm } from './actions/SignForm';
import { StepButton } from './actions/StepButton';
import type { ActionProps } from './actions/types';

const BESIDE_STEPS: readonly EventType[] = ['case.corrected', 'case.cancelled'];

interface Props {
  caseRow: CaseRow;
  role: StaffRole;
  service: Service | undefined;
}

export function CaseActions({ caseRow, role, service }: Props) {
  const { t } = useTranslation();
  const process = processOf(caseRow);
  const actions = actionsFor(process, caseRow, role);
  const steps = actions.filter((a) => !BESIDE_STEPS.includes(a.type));
  const edits = actions.filter((a) => BESIDE_STEPS.includes(a.type));
  const props: ActionProps = { caseRow, process, service };
  // Others' steps (not the alternatives beside them: a return, a send-back).
  const waiting =
    steps.length === 0
      ? nextActions(process, caseRow).filter((a) => a.step && a.type !== 'case.returned')
      : [];
  const form = (a: NextAction) => (
    <ActionForm key={`${a.type}|${a.step?.id ?? ''}`} action={a} {...props} />
  );

  return (
    <>
      {steps.length > 0 && (
        <section aria-labelledby="actions-title" className="actions">
          <h2 id="actions-title">{t('case.actions')}</h2>
          {steps.map(form)}
        </section>
      )}
      {waiting.length > 0 && (
        <section aria-labelledby="actions-title">
          <h2 id="actions-title">{t('case.actions')}</h2>
          {waiting.map((a) => (
            <p key={`${a.type}|${a.step?.id ?? ''}`} data-testid="waiting-for">
              {t('waiting.line', {
                what: t(`waiting.${a.type.replace('.', '_')}`),
                who: a.roles.map((r) => t(`roles.${r}`)).join(', '),
              })}
            </p>
          ))}
        </section>
      )}
      {edits.length > 0 && (
        <section aria-labelledby="edits-title" className="actions">
          <h2 id="edits-title">{t('case.edits')}</h2>
          {edits.map(form)}
        </section>
      )}
    </>
  );
}

function ActionForm({ action, ...props }: ActionProps & { action: NextAction }) {
  const { t } = useTranslation();
  const { commands } = useRuntime();
  const id = props.caseRow.id;
  switch (action.type) {
    case 'commission.ordered':
      return <OrderCommission {...props} />;
    case 'commission.inspected':
      return <InspectionForm {...props} />;
    case 'batch.sent':
      return <ForwardLink {...props} />;
    case 'case.received':
      return (
        <StepButton
          label={t('actions.case_received')}
          hint={t('receive.hint')}
          question={t('desk.receiveOne', { regNumber: props.caseRow.regNumber })}
          command={() => commands.receiveCase(id)}
        />
      );
    case 'case.returned':
      return <ReturnForm {...props} />;
    case 'case.assigned':
      return <AssignForm {...props} />;
    case 'case.decided':
      return <DecideForm {...props} />;
    case 'case.endorsed':
      return <EndorseForm {...props} />;
    case 'case.sent_back':
      return <SendBackForm {...props} />;
    case 'case.signed':
      return <SignForm {...props} />;
    case 'result.sent':
      return (
        <StepButton
          label={t('actions.result_sent')}
          question={t('desk.sendOne', { regNumber: props.caseRow.regNumber })}
          command={() => commands.sendResult(id)}
        />
      );
    case 'result.received':
      return (
        <StepButton
          label={t('actions.result_received')}
          command={() => commands.receiveResult(id)}
        />
      );
    case 'result.handed_out':
      return <HandOutForm {...props} />;
    case 'case.refused':
      return <RefuseReturnedForm {...props} />;
    case 'case.corrected':
      return <CorrectionForm {...props} />;
    case 'case.cancelled':
      return <CancelForm {...props} />;
    case 'case.registered':
      return null;
  }
}
