/**
 * The papers: one entry per paper, with what its address needs (`route.ts`) and how its code is
 * loaded. A new paper is one file under `print/` and one entry here; `#/print/<name>/…` reaches
 * it at once. Each paper's code is a chunk of its own, loaded when the paper is first opened (the
 * service worker has precached it, so that works offline too).
 */
import type { ComponentType } from 'react';
import type { PaperPlace } from '../../db/papers';
import { checkPeriod } from './journal/period';
import type { PaperRequest, PaperSpec } from './route';

/** What every paper component receives. */
export interface PaperProps {
  /** the address's request, with the size settled */
  request: PaperRequest<PaperName> & { size: NonNullable<PaperRequest['size']> };
  /**
   * the office this device works for and its district (with the public address QR codes
   * print); a paper of another office's record (a talon on a district device) heads itself with
   * that office and this district
   */
  place: PaperPlace;
}

export interface PaperEntry extends PaperSpec {
  load(): Promise<ComponentType<PaperProps>>;
}

export const PAPERS = {
  talon: {
    hasId: true,
    orientation: 'portrait',
    load: () => import('./talon/TalonPaper').then((m) => m.TalonPaper),
  },
  register: {
    hasId: true,
    orientation: 'portrait',
    load: () => import('./register/RegisterPaper').then((m) => m.RegisterPaper),
  },
  journal: {
    hasId: false,
    orientation: 'landscape',
    checkParams: checkPeriod,
    load: () => import('./journal/JournalPaper').then((m) => m.JournalPaper),
  },
  sheet: {
    hasId: true,
    orientation: 'portrait',
    load: () => import('./sheet/SheetPaper').then((m) => m.SheetPaper),
  },
  receipt: {
    hasId: true,
    orientation: 'portrait',
    load: () => import('./receipt/ReceiptPaper').then((m) => m.ReceiptPaper),
  },
  refusal: {
    hasId: true,
    orientation: 'portrait',
    load: () => import('./refusal/RefusalPaper').then((m) => m.RefusalPaper),
  },
  handout: {
    hasId: true,
    orientation: 'portrait',
    load: () => import('./handout/HandoutPaper').then((m) => m.HandoutPaper),
  },
  order: {
    hasId: true,
    orientation: 'portrait',
    load: () => import('./order/OrderPaper').then((m) => m.OrderPaper),
  },
  act: {
    hasId: true,
    orientation: 'portrait',
    load: () => import('./act/ActPaper').then((m) => m.ActPaper),
  },
  result: {
    hasId: true,
    orientation: 'portrait',
    load: () => import('./result/ResultPaper').then((m) => m.ResultPaper),
  },
  notice: {
    hasId: true,
    orientation: 'portrait',
    load: () => import('./notice/NoticePaper').then((m) => m.NoticePaper),
  },
  results: {
    hasId: true,
    orientation: 'portrait',
    load: () => import('./results/ResultsRegisterPaper').then((m) => m.ResultsRegisterPaper),
  },
} satisfies Record<string, PaperEntry>;

export type PaperName = keyof typeof PAPERS;
