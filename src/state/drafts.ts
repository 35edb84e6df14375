/**
 * The intake form's draft, saved on every keystroke to localStorage (synchronously, so a closed
 * tab or a crash loses nothing typed). Cleared only after the case is registered or the
 * application refused at the desk.
 *
 * It also keeps when the form was first opened for this applicant (`deskOpenedAt`): the desk
 * time runs from there, across reloads, until the paper is printed.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ChannelKind } from '../domain/catalog/schema';

/** How a checklist document was presented at the desk; '' while nobody has looked at it. */
export type DocumentState = '' | 'original' | 'copy' | 'missing' | 'expired';

export interface RepresentativeDraft {
  iin: string;
  surname: string;
  givenName: string;
  patronymic: string;
  poaNumber: string;
  /** YYYY-MM-DD, as a date field gives it */
  poaDate: string;
  poaIssuer: string;
}

export interface IntakeDraft {
  serviceId: string;
  channel: ChannelKind;
  /** the channel's variant chosen at intake; '' for the channel's own terms */
  variant: string;
  iin: string;
  surname: string;
  givenName: string;
  patronymic: string;
  phone: string;
  address: string;
  isByRepresentative: boolean;
  representative: RepresentativeDraft;
  /** checklist document id → how it was presented */
  documents: Record<string, DocumentState>;
  /** the applicant agreed to the use of personal data */
  personalDataConsent: boolean;
  /** offset date-time the form was opened for this applicant; '' until it is */
  deskOpenedAt: string;
}

export const EMPTY_REPRESENTATIVE: RepresentativeDraft = {
  iin: '',
  surname: '',
  givenName: '',
  patronymic: '',
  poaNumber: '',
  poaDate: '',
  poaIssuer: '',
};

export const EMPTY_DRAFT: IntakeDraft = {
  serviceId: '',
  channel: 'akim',
  variant: '',
  iin: '',
  surname: '',
  givenName: '',
  patronymic: '',
  phone: '',
  address: '',
  isByRepresentative: false,
  representative: EMPTY_REPRESENTATIVE,
  documents: {},
  personalDataConsent: false,
  deskOpenedAt: '',
};

/** Whether anything was typed or chosen: an untouched form restarts the desk clock. */
export function isDraftEmpty(d: IntakeDraft): boolean {
  const texts = [d.serviceId, d.variant, d.iin, d.surname, d.givenName, d.patronymic, d.phone];
  return (
    [...texts, d.address, ...Object.values(d.representative)].every((v) => v === '') &&
    !d.isByRepresentative &&
    !d.personalDataConsent &&
    Object.values(d.documents).every((v) => v === '')
  );
}

interface DraftState {
  draft: IntakeDraft;
  update(patch: Partial<IntakeDraft>): void;
  updateRepresentative(patch: Partial<RepresentativeDraft>): void;
  clear(): void;
}

/**
 * A draft saved by an earlier release (version 0: presented documents as a list of ids, no
 * representative, address or desk time) takes today's shape; nothing typed is dropped.
 */
function migrate(persisted: unknown): { draft: IntakeDraft } {
  const old = (persisted as { draft?: Partial<IntakeDraft> & { presentedDocuments?: string[] } })
    ?.draft;
  if (!old) return { draft: EMPTY_DRAFT };
  const { presentedDocuments, ...rest } = old;
  const documents: Record<string, DocumentState> = { ...(rest.documents ?? {}) };
  for (const id of presentedDocuments ?? []) documents[id] = 'original';
  return {
    draft: {
      ...EMPTY_DRAFT,
      ...rest,
      representative: { ...EMPTY_REPRESENTATIVE, ...(rest.representative ?? {}) },
      documents,
    },
  };
}

export const useIntakeDraft = create<DraftState>()(
  persist(
    (set) => ({
      draft: EMPTY_DRAFT,
      update: (patch) => set((s) => ({ draft: { ...s.draft, ...patch } })),
      updateRepresentative: (patch) =>
        set((s) => ({
          draft: { ...s.draft, representative: { ...s.draft.representative, ...patch } },
        })),
      clear: () => set({ draft: EMPTY_DRAFT }),
    }),
    {
      name: 'qabyldau-intake-draft',
      version: 1,
      migrate,
      // Whatever the stored draft lacks (a field added since) takes its empty value.
      merge: (persisted, current) => ({ ...current, ...migrate(persisted) }),
      partialize: (s) => ({ draft: s.draft }),
    },
  ),
);
