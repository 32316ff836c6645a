/** Figures the seed brief states of the Abai demo, by the demo's organization codes, for tests to compare with. */

/**
 * The 48 materials of the regional Facebook page in 2023 by subject organization: the region itself, the city and
 * the districts the brief names (the Abai district and the direct primaries had none).
 */
export const FACEBOOK_2023_BY_SUBJECT: Readonly<Record<string, number>> = {
  abai: 25,
  'abai-semey': 9,
  'abai-aksuat': 1,
  'abai-ayagoz': 1,
  'abai-beskaragai': 2,
  'abai-borodulikha': 3,
  'abai-zharma': 2,
  'abai-kokpekti': 3,
  'abai-urdzhar': 2,
};
