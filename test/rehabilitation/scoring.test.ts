import { describe, expect, it } from 'vitest';
import { intensityTarget, predictedMaxHeartRate } from '../../modules/rehabilitation/domain/intensity';
import { measures } from '../../modules/rehabilitation/domain/measures';
import { checkBeforeSession } from '../../modules/rehabilitation/domain/safety';

/**
 * Each scoring function against worked examples computed by hand from its published definition
 * (sources in each measure's file and in README "Rehabilitation at home").
 */
describe('outcome measures scored from their published definitions', () => {
  it('predicts the 6-minute walk by Enright & Sherrill 1998 for a man and a woman', () => {
    // Prepare: man 175 cm, 70 kg, 60 y: 7.57×175 − 5.02×60 − 1.76×70 − 309 = 591.35 m;
    // woman 160 cm, 60 kg, 65 y: 2.11×160 − 2.29×60 − 5.78×65 + 667 = 491.5 m
    const man = { age: 60, sex: 'male' as const, heightCm: 175, weightKg: 70 };
    const woman = { age: 65, sex: 'female' as const, heightCm: 160, weightKg: 60 };
    // Act
    const his = measures.six_minute_walk.score({ value: 420, subject: man });
    const hers = measures.six_minute_walk.score({ value: 400, subject: woman });
    // Assess: lower limits 153 m and 139 m below the prediction
    expect(his.detail?.predicted).toBeCloseTo(591.35, 0);
    expect(his.detail?.lowerLimit).toBeCloseTo(438.35, 0);
    expect(his.detail?.percentPredicted).toBe(71);
    expect(his.band).toBe('below_normal');
    expect(hers.detail).toEqual({ predicted: 491.5, lowerLimit: 352.5, percentPredicted: 81.4 });
    expect(hers.band).toBe('normal');
  });

  it('bands Timed Up and Go at 13.5 s (Shumway-Cook 2000) and 20/30 s (Podsiadlo 1991)', () => {
    const bands = [9.8, 13.5, 25, 31].map((value) => measures.timed_up_and_go.score({ value }).band);
    expect(bands).toEqual(['low_fall_risk', 'fall_risk', 'limited', 'dependent']);
  });

  it('totals the Barthel index to 100 for full independence and refuses a step the item lacks', () => {
    const independent = [10, 5, 5, 10, 10, 10, 10, 15, 15, 10];
    expect(measures.barthel_index.score({ items: independent })).toEqual({ score: 100, band: 'independent' });
    expect(measures.barthel_index.score({ items: [5, 0, 0, 5, 10, 10, 5, 10, 10, 0] }).score).toBe(55);
    expect(() => measures.barthel_index.score({ items: [10, 10, 5, 10, 10, 10, 10, 15, 15, 10] })).toThrow(
      /item 2 takes one of 0, 5/,
    );
  });

  it('names each modified Rankin grade and refuses a grade of 7', () => {
    expect(measures.modified_rankin.score({ value: 3 }).band).toBe('moderate_disability');
    expect(() => measures.modified_rankin.score({ value: 7 })).toThrow(/from 0 to 6/);
  });

  it('sums the Oxford Knee Score 0–48 and bands it as Kalairajah 2005', () => {
    const items = [4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2]; // 32
    expect(measures.oxford_knee_score.score({ items })).toEqual({ score: 32, band: 'mild_to_moderate' });
    expect(measures.oxford_knee_score.score({ items: Array(12).fill(1) }).band).toBe('severe');
    expect(() => measures.oxford_knee_score.score({ items: [5, ...Array(11).fill(1)] })).toThrow();
  });

  it('splits HADS into odd-item anxiety and even-item depression, 8–10 borderline, 11+ abnormal', () => {
    // anxiety items 1,3,…,13 = 2 each (14); depression items 2,4,…,14 = 1 each (7)
    const result = measures.hads.score({ items: [2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1] });
    expect(result).toEqual({ score: 14, band: 'abnormal', detail: { anxiety: 14, depression: 7 } });
  });

  it('scores the Oswestry index as Fairbank 2000’s worked examples: 16 of 50 is 32 %, 16 of 45 is 35.5 %', () => {
    // Prepare: sections summing to 16, all ten answered; then the same with section 10 not answered
    const all = [3, 2, 2, 1, 2, 1, 2, 1, 2, 0];
    const oneMissed = [3, 2, 2, 1, 2, 1, 2, 1, 2, -1];
    // Act
    const full = measures.oswestry_disability_index.score({ items: all });
    const partial = measures.oswestry_disability_index.score({ items: oneMissed });
    // Assess: 16/45 × 100 = 35.56, which the scoring notes print truncated as 35.5
    expect(full).toEqual({ score: 32, band: 'moderate', detail: { total: 16, answered: 10 } });
    expect(partial.score).toBe(35.6);
    expect(partial.detail).toEqual({ total: 16, answered: 9 });
    expect(measures.oswestry_disability_index.score({ items: Array(10).fill(5) }).band).toBe('bed_bound');
    expect(() => measures.oswestry_disability_index.score({ items: [6, ...Array(9).fill(0)] })).toThrow(
      /section 1 takes 0 to 5/,
    );
    expect(() =>
      measures.oswestry_disability_index.score({ items: [-1, -1, -1, ...Array(7).fill(1)] }),
    ).toThrow(/at least 8 sections/);
  });

  it('reads Borg 6–20, mMRC 0–4 and pain 0–10 within their ranges only', () => {
    expect(measures.borg_rpe.score({ value: 12 }).band).toBe('moderate');
    expect(measures.mmrc_dyspnoea.score({ value: 3 }).band).toBe('stops_after_100m');
    expect(measures.pain_nrs.score({ value: 7 }).band).toBe('severe');
    expect(() => measures.borg_rpe.score({ value: 21 })).toThrow();
    expect(() => measures.pain_nrs.score({ value: 11 })).toThrow();
  });
});

describe('intensity and safety thresholds', () => {
  it('takes HRmax from Tanaka, or Brawner under beta-blockade, and a Karvonen zone of 40–60 %', () => {
    // Prepare: 60 y, resting 70: Tanaka 208 − 42 = 166; Brawner 164 − 42 = 122
    // Act
    const free = intensityTarget({ age: 60, betaBlocker: false, restingHeartRate: 70 });
    const blocked = intensityTarget({ age: 60, betaBlocker: true, restingHeartRate: 70 });
    // Assess: 70 + 0.4×96 = 108, 70 + 0.6×96 = 128; 70 + 0.4×52 = 91, 70 + 0.6×52 = 101
    expect([predictedMaxHeartRate(60, false), predictedMaxHeartRate(60, true)]).toEqual([166, 122]);
    expect(free.heartRate).toMatchObject({ from: 108, to: 128, method: 'tanaka' });
    expect(blocked.heartRate).toMatchObject({ from: 91, to: 101, method: 'brawner_beta_blocker' });
    expect(intensityTarget({ age: 60, betaBlocker: true }).heartRate).toBeNull();
  });

  it('stops before a session at SpO2 88 % or BP 210/120, and lets 130/80 with 97 % start', () => {
    expect(checkBeforeSession('knee_replacement', { spo2: 88 }, []).map((f) => f.reason)).toEqual([
      'low_oxygen',
    ]);
    expect(checkBeforeSession('cardiac', { systolic: 210, diastolic: 120 }, []).map((f) => f.reason)).toEqual(
      ['rest_blood_pressure_high'],
    );
    expect(
      checkBeforeSession('cardiac', { systolic: 130, diastolic: 80, spo2: 97, heartRate: 72 }, []),
    ).toEqual([]);
  });
});
