/**
 * How hard a patient trains: a heart-rate zone where the heart rate tells effort, else the
 * Borg scale. The zone is a fraction of heart-rate reserve (Karvonen MJ, et al. Ann Med Exp Biol
 * Fenn 1957;35:307–315): HRrest + fraction × (HRmax − HRrest).
 *
 * HRmax from age: 208 − 0.7 × age (Tanaka H, Monahan KD, Seals DR. J Am Coll Cardiol
 * 2001;37:153–156); under beta-blockade, which blunts the heart's response, 164 − 0.7 × age
 * (Brawner CA, et al. Am Heart J 2004;148:910–914, patients with coronary disease on beta-blockers).
 * Without a resting heart rate there is no reserve to take a fraction of: the Borg range stands
 * alone. Borg RPE 11–13 is the moderate range of cardiac rehabilitation (AACVPR Guidelines for
 * Cardiac Rehabilitation Programs, 6th ed., 2021; ACSM's Guidelines for Exercise Testing and
 * Prescription, 11th ed., 2021).
 */
export interface IntensityInput {
  age: number;
  betaBlocker: boolean;
  restingHeartRate?: number;
  /** Fractions of heart-rate reserve; 0.4–0.6 (moderate) unless the clinician says otherwise. */
  reserveFrom?: number;
  reserveTo?: number;
}

export interface IntensityTarget {
  rpe: { from: number; to: number };
  heartRate: {
    from: number;
    to: number;
    maxPredicted: number;
    method: 'tanaka' | 'brawner_beta_blocker';
  } | null;
}

export const moderateRpe = { from: 11, to: 13 } as const;

export function predictedMaxHeartRate(age: number, betaBlocker: boolean): number {
  return Math.round(betaBlocker ? 164 - 0.7 * age : 208 - 0.7 * age);
}

export function intensityTarget(input?: IntensityInput): IntensityTarget {
  if (!input || input.restingHeartRate === undefined) return { rpe: { ...moderateRpe }, heartRate: null };
  const maxPredicted = predictedMaxHeartRate(input.age, input.betaBlocker);
  const reserve = maxPredicted - input.restingHeartRate;
  const at = (fraction: number) => Math.round(input.restingHeartRate! + fraction * reserve);
  return {
    rpe: { ...moderateRpe },
    heartRate: {
      from: at(input.reserveFrom ?? 0.4),
      to: at(input.reserveTo ?? 0.6),
      maxPredicted,
      method: input.betaBlocker ? 'brawner_beta_blocker' : 'tanaka',
    },
  };
}
