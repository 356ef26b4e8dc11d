/**
 * The rate bands of the prefecture map (DOMAIN.md §10: 90 % or more, 80–90, 70–80, 60–70, below 60), built from the
 * API's ten-point `bands` (each holds its lower edge): the four upper ones as the API gives them, the rest summed.
 */
export const BAND_EDGES = [90, 80, 70, 60, 0];
export const BAND_COLOURS = ['#08519c', '#3182bd', '#6baed6', '#bdd7e7', '#eff3ff'];

/** The index (0 = 90 % or more … 4 = below 60 %) of a published rate. */
export function bandIndex(rate) {
  if (rate === null || rate === undefined) return -1;
  const i = BAND_EDGES.findIndex((edge) => Number(rate) >= edge);
  return i < 0 ? BAND_EDGES.length - 1 : i;
}

export function bandColour(rate) {
  const i = bandIndex(rate);
  return i < 0 ? '#e0e0e0' : BAND_COLOURS[i];
}

/**
 * The five bands with their prefecture counts: from the API's `bands` when given (counts exactly as it gives them),
 * otherwise counted from the rows' published rates by the same rule.
 */
export function fiveBands(apiBands, rates) {
  const counts = [0, 0, 0, 0, 0];
  if (apiBands) {
    for (const b of apiBands) counts[bandIndex(b.fromRate)] += b.prefectures;
  } else {
    for (const r of rates) if (bandIndex(r) >= 0) counts[bandIndex(r)] += 1;
  }
  return BAND_EDGES.map((from, i) => ({ index: i, fromRate: from, toRate: i === 0 ? null : BAND_EDGES[i - 1], prefectures: counts[i] }));
}
