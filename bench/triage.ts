/**
 * `npm run bench:triage`: the pure triage (free-text reading, prose vitals, every rule) on
 * 1 KB complaints in Russian and English, one call at a time as the function makes them.
 * Target: p99 ≤ 5 ms. The last line is the JSON summary.
 */
import { triage } from '../modules/triage';

const sentences = [
  'Третий день держится температура 38.7, сильно болит горло, больно глотать.',
  'Кашель с мокротой, иногда свистящее дыхание по ночам, ингалятор помогает.',
  'Вчера вечером появилась давящая боль за грудиной, отдаёт в левую руку, был холодный пот.',
  'Болей в груди нет, одышки нет, слабости в руке и ноге нет.',
  'АД 165/100, ЧСС 96, SpO2 95%, t 37.9, сахар 6.1 ммоль/л.',
  'Ребёнок вялый, плохо ест, мало мочится, сыпь на ногах бледнеет при надавливании.',
  'Голова болит постепенно нарастая в течение двух дней, тошнит, свет раздражает.',
  'Last night I had crushing chest pain spreading to my jaw and I was sweating a lot.',
  'No fever, cough or runny nose. Denies shortness of breath, nausea and dizziness.',
  'BP 185/110, HR 112, RR 22, SpO2 94%, temp 38.4, glucose 3.2 mmol/L.',
  'My back hurts after lifting boxes, no numbness and no problems passing urine.',
  'I feel low and tired most days for a month, trouble sleeping, no thoughts of self-harm.',
  'Stung by a wasp on the arm, small local swelling, breathing normally, no hives.',
];

/** About 1 KB of UTF-8 (Cyrillic takes two bytes a letter), cut at a sentence. */
function complaint(seed: number): string {
  let text = '';
  let i = seed;
  for (;;) {
    const next = `${text}${sentences[i % sentences.length]} `;
    if (Buffer.byteLength(next) > 1024) return text.trim();
    text = next;
    i = (i * 7 + 3) % 9973;
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const complaints = Array.from({ length: 500 }, (_, i) => complaint(i));
const warmUp = 1_000;
const evaluations = 10_000;

for (let i = 0; i < warmUp; i++)
  triage({ age: 40, complaint: complaints[i % complaints.length] as string }, 'ru');

const timings: number[] = [];
const started = performance.now();
for (let i = 0; i < evaluations; i++) {
  const t0 = performance.now();
  triage({ age: 1 + (i % 80), complaint: complaints[i % complaints.length] as string }, i % 2 ? 'en' : 'ru');
  timings.push(performance.now() - t0);
}
const elapsed = performance.now() - started;
timings.sort((a, b) => a - b);
const p50 = percentile(timings, 50);
const p99 = percentile(timings, 99);
const bytes = Math.round(complaints.reduce((sum, c) => sum + Buffer.byteLength(c), 0) / complaints.length);
console.log(`${evaluations} evaluations of ${bytes}-byte complaints in ${Math.round(elapsed)} ms`);
console.log(`p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms, max ${(timings.at(-1) ?? 0).toFixed(3)} ms`);
console.log(
  JSON.stringify({
    bench: 'triage',
    evals_per_s: Math.round((evaluations / elapsed) * 1000),
    p50_ms: Number(p50.toFixed(3)),
    p99_ms: Number(p99.toFixed(3)),
    complaint_bytes: bytes,
    evaluations,
    ok: p99 <= 5,
  }),
);
