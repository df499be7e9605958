/**
 * The form a citizen's name is stored and searched in: officers type "Sitti" for "Sítti  ", so
 * accents, case and spacing must not decide whether a case is found.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
