import { getProvinces, getRegencies } from 'idn-area-data';
import { regionCodesFrom, type RegionCodes } from '../domain/region-codes.js';

let loaded: Promise<RegionCodes> | undefined;

/**
 * The official codes from `idn-area-data` (38 provinces, 514 regencies), read once per process:
 * the package parses its CSV files on every call, so the sets are built here and shared. Its
 * districts and villages are not loaded: an unknown district is accepted (architecture §6).
 */
export function loadRegionCodes(): Promise<RegionCodes> {
  loaded ??= (async () => {
    const [provinces, regencies] = await Promise.all([getProvinces(), getRegencies()]);
    return regionCodesFrom(
      provinces.map((p) => p.code),
      regencies.map((r) => r.code),
    );
  })();
  return loaded;
}
