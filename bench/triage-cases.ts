/**
 * `npm run bench:triage-cases`: the project's case bank (test/fixtures/triage, written from
 * NHS 111 / NICE CKS, the Russian 103 criteria and the Manchester Triage System) through the
 * pure triage. A case is right when the disposition falls in its expected class (either
 * emergency disposition counts as `emergency`); under-triaged when it is less urgent.
 * Only ids are printed, never the texts. The last line is the JSON summary.
 */
import { triage } from '../modules/triage';
import { classOf, loadCaseBank, underTriaged } from '../test/triage/case-bank';

const cases = loadCaseBank();
let right = 0;
let emergencies = 0;
let caught = 0;
const under: string[] = [];
const wrong: string[] = [];
for (const c of cases) {
  const outcome = triage({ age: c.age, complaint: c.text, ...(c.sex ? { sex: c.sex } : {}) }, 'ru');
  const got = classOf(outcome.disposition);
  if (got === c.expected) right++;
  else wrong.push(`${c.id}: expected ${c.expected}, got ${outcome.disposition}`);
  if (c.expected === 'emergency') {
    emergencies++;
    if (got === 'emergency') caught++;
  }
  if (underTriaged(c.expected, outcome.disposition)) under.push(c.id);
}
if (process.argv.includes('--verbose')) for (const line of wrong) console.log(line);
console.log(
  JSON.stringify({
    cases: cases.length,
    accuracy: Number((right / cases.length).toFixed(3)),
    emergency_recall: `${caught}/${emergencies}`,
    under_triaged: under,
  }),
);
