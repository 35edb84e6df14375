/**
 * People's names as screens and papers write them. Apart from `reference.ts` and its schemas,
 * so the screens that start the app do not load the schema library for a name.
 */

/** "Әбеуова С. Қ." — surname and initials, as the talon prints the person who accepted. */
export function shortName(person: {
  surname: string;
  givenName: string;
  patronymic?: string | undefined;
}): string {
  const initials = [person.givenName, person.patronymic]
    .filter((part): part is string => Boolean(part?.trim()))
    .map((part) => `${part.trim().charAt(0).toUpperCase()}.`)
    .join(' ');
  return initials ? `${person.surname} ${initials}` : person.surname;
}

/** "Сейітқалиева Гүлназ Нұрланқызы": surname, given name and patronymic in full. */
export function fullName(person: {
  surname: string;
  givenName: string;
  patronymic?: string | undefined;
}): string {
  return [person.surname, person.givenName, person.patronymic].filter(Boolean).join(' ');
}
