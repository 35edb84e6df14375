/**
 * An office's details as the talon, the receipts and the information sheet print them (the
 * papers' `OfficeHeader`): its name and address in Kazakh and Russian, and its phone. Checked the
 * same way on the admin screen and on the server.
 */
import type { Problem } from '../errors';

export interface OfficeDetails {
  name: { kk: string; ru: string };
  address: { kk: string; ru: string };
  phone: string;
}

/** Longest name or address stored: a full akimat name with its district fits in half of it. */
export const OFFICE_TEXT_MAX_LENGTH = 300;

/** The details as stored: each text trimmed. */
export function tidyOfficeDetails(d: OfficeDetails): OfficeDetails {
  return {
    name: { kk: d.name.kk.trim(), ru: d.name.ru.trim() },
    address: { kk: d.address.kk.trim(), ru: d.address.ru.trim() },
    phone: d.phone.trim().replace(/\s+/g, ' '),
  };
}

/**
 * The first thing wrong, or null. Names are required in both languages (every paper prints one
 * of them); an address may be left empty in neither, since a citizen comes back to it for the
 * result; the phone may be empty (some village offices have none), and otherwise is digits with
 * the usual signs of a written number, 10 to 12 digits as the intake asks of a citizen's: "8 (71037) 21416", "+7 701 123 45 67".
 */
export function officeDetailsProblem(raw: OfficeDetails): Problem | null {
  const d = tidyOfficeDetails(raw);
  const texts: [string, string][] = [
    ['nameKk', d.name.kk],
    ['nameRu', d.name.ru],
    ['addressKk', d.address.kk],
    ['addressRu', d.address.ru],
  ];
  for (const [field, text] of texts) {
    if (!text) return { code: 'field-required', details: { field } };
    if (text.length > OFFICE_TEXT_MAX_LENGTH) {
      return { code: 'office-details-invalid', details: { field, max: OFFICE_TEXT_MAX_LENGTH } };
    }
  }
  const digits = d.phone.replace(/\D/g, '');
  if (d.phone && (!/^\+?[\d ()-]+$/.test(d.phone) || digits.length < 10 || digits.length > 12)) {
    return { code: 'phone-invalid' };
  }
  return null;
}
