// Original file: pandawa/case/v1/case.proto

export const CaseStatus = {
  CASE_STATUS_UNSPECIFIED: 'CASE_STATUS_UNSPECIFIED',
  BARU: 'BARU',
  DIVERIFIKASI: 'DIVERIFIKASI',
  DIPROSES: 'DIPROSES',
  MENUNGGU_DATA: 'MENUNGGU_DATA',
  PERLU_KUNJUNGAN: 'PERLU_KUNJUNGAN',
  SELESAI: 'SELESAI',
  DITOLAK: 'DITOLAK',
  DIBATALKAN: 'DIBATALKAN',
} as const;

export type CaseStatus =
  | 'CASE_STATUS_UNSPECIFIED'
  | 0
  | 'BARU'
  | 1
  | 'DIVERIFIKASI'
  | 2
  | 'DIPROSES'
  | 3
  | 'MENUNGGU_DATA'
  | 4
  | 'PERLU_KUNJUNGAN'
  | 5
  | 'SELESAI'
  | 6
  | 'DITOLAK'
  | 7
  | 'DIBATALKAN'
  | 8

export type CaseStatus__Output = typeof CaseStatus[keyof typeof CaseStatus]
