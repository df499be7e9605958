// Original file: pandawa/case/v1/case.proto

export const CaseCategory = {
  CASE_CATEGORY_UNSPECIFIED: 'CASE_CATEGORY_UNSPECIFIED',
  NIK_TIDAK_AKTIF: 'NIK_TIDAK_AKTIF',
  DATA_GANDA: 'DATA_GANDA',
  DATA_TIDAK_SESUAI: 'DATA_TIDAK_SESUAI',
  KENDALA_INSTANSI_LAIN: 'KENDALA_INSTANSI_LAIN',
  KK_KTP_BERMASALAH: 'KK_KTP_BERMASALAH',
  LAINNYA: 'LAINNYA',
} as const;

export type CaseCategory =
  | 'CASE_CATEGORY_UNSPECIFIED'
  | 0
  | 'NIK_TIDAK_AKTIF'
  | 1
  | 'DATA_GANDA'
  | 2
  | 'DATA_TIDAK_SESUAI'
  | 3
  | 'KENDALA_INSTANSI_LAIN'
  | 4
  | 'KK_KTP_BERMASALAH'
  | 5
  | 'LAINNYA'
  | 6

export type CaseCategory__Output = typeof CaseCategory[keyof typeof CaseCategory]
