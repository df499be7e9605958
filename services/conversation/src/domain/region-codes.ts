/**
 * The official province and regency codes a NIK or KK number must start with (architecture §6).
 * The domain only asks; `store/region-codes.source.ts` fills it once from `idn-area-data`.
 */
export interface RegionCodes {
  /** `14` */
  hasProvince(code: string): boolean;
  /** `1471` (province and regency digits, without the dot) */
  hasRegency(code: string): boolean;
}

/** Region codes from the package's rows (`14`, `14.71`). */
export function regionCodesFrom(provinces: string[], regencies: string[]): RegionCodes {
  const provinceSet = new Set(provinces.map((c) => c.replace(/\D/g, '')));
  const regencySet = new Set(regencies.map((c) => c.replace(/\D/g, '')));
  return {
    hasProvince: (code) => provinceSet.has(code),
    hasRegency: (code) => regencySet.has(code),
  };
}
