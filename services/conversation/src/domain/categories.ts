import { caseCategoryValues } from '@pandawa/contracts';

/** The complaint categories of architecture §6, shared with the case service. */
export type CaseCategory = (typeof caseCategoryValues)[number];
export const CASE_CATEGORIES = caseCategoryValues;

/** Case statuses in which the case is still being worked (architecture §7). */
export const OPEN_STATUSES = [
  'BARU',
  'DIVERIFIKASI',
  'DIPROSES',
  'MENUNGGU_DATA',
  'PERLU_KUNJUNGAN',
];
export const isOpenStatus = (status: string) => OPEN_STATUSES.includes(status);
