/**
 * The intake form's draft, saved on every keystroke to localStorage (synchronously, so a closed
 * tab or a crash loses nothing typed). Cleared only after the case is registered.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ChannelKind } from '../domain/catalog/schema';

export interface IntakeDraft {
  serviceId: string;
  channel: ChannelKind;
  iin: string;
  surname: string;
  givenName: string;
  patronymic: string;
  phone: string;
  presentedDocuments: string[];
  /** the channel's variant chosen at intake; '' for the channel's own terms (absent in old drafts) */
  variant?: string;
  /** the applicant agreed to the use of personal data (absent in old drafts) */
  personalDataConsent?: boolean;
}

export const EMPTY_DRAFT: IntakeDraft = {
  serviceId: '',
  channel: 'akim',
  iin: '',
  surname: '',
  givenName: '',
  patronymic: '',
  phone: '',
  presentedDocuments: [],
  variant: '',
  personalDataConsent: false,
};

interface DraftState {
  draft: IntakeDraft;
  update(patch: Partial<IntakeDraft>): void;
  clear(): void;
}

export const useIntakeDraft = create<DraftState>()(
  persist(
    (set) => ({
      draft: EMPTY_DRAFT,
      update: (patch) => set((s) => ({ draft: { ...s.draft, ...patch } })),
      clear: () => set({ draft: EMPTY_DRAFT }),
    }),
    { name: 'qabyldau-intake-draft' },
  ),
);
