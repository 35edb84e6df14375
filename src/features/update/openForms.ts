/**
 * Forms with something typed or chosen that is not saved yet. A form registers while it holds
 * such content (`useOpenForm`); a new version of the app is not applied, nor the page reloaded
 * for a missing piece of code, while any form is registered: a reload would lose what is typed.
 */
import { useEffect, useId } from 'react';
import { create } from 'zustand';

interface OpenFormsState {
  ids: readonly string[];
  open(id: string): void;
  close(id: string): void;
}

export const useOpenForms = create<OpenFormsState>()((set) => ({
  ids: [],
  open: (id) => set((s) => (s.ids.includes(id) ? s : { ids: [...s.ids, id] })),
  close: (id) => set((s) => (s.ids.includes(id) ? { ids: s.ids.filter((i) => i !== id) } : s)),
}));

/** Registers the calling form as open while `hasContent` holds, and until it unmounts. */
export function useOpenForm(hasContent: boolean): void {
  const id = useId();
  useEffect(() => {
    if (!hasContent) return;
    const { open, close } = useOpenForms.getState();
    open(id);
    return () => close(id);
  }, [id, hasContent]);
}

/** Whether any form holds unsaved content now (for code outside React). */
export function hasOpenForm(): boolean {
  return useOpenForms.getState().ids.length > 0;
}
