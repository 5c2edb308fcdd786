// The scoreboard's cases (cases.json) and the query each one is read with.
import { readFileSync } from 'node:fs';

const CASES = JSON.parse(readFileSync(new URL('../cases.json', import.meta.url), 'utf8'));

export const cases = CASES.cases;
/** Added to every case: the stream's seed, length and pace. */
export const COMMON = CASES.common;
/** Added to every case that does not set the parameter itself. */
export const DEFAULTS = CASES.defaults;

/** The case, then the common query, then each default parameter the case does not set itself. */
export function queryOf(testCase) {
  const own = new URLSearchParams(testCase);
  const defaults = Object.entries(DEFAULTS).filter(([name]) => !own.has(name))
    .map(([name, value]) => `&${name}=${value}`);
  return `${testCase}&${COMMON}${defaults.join('')}`;
}
