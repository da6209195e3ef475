import type { ConsultationFormat } from '../../booking';
import { calendarMonth } from './dates';

/** Employers never see a figure about fewer people than this. */
export const minGroupSize = 5;

export interface UsedSession {
  patientId: string;
  start: number;
  format: ConsultationFormat;
}

/** One month and format; `null` where the figure is suppressed. */
export interface UsageCell {
  month: string;
  format: ConsultationFormat;
  people: number | null;
  sessions: number | null;
}

export interface EmployerUsage {
  cells: UsageCell[];
  totalPeople: number | null;
  sessionsUsed: number | null;
  sessionsGranted: number;
  sessionsLeft: number | null;
}

/**
 * Sessions used by month and format, for an employer. A cell about 1–4 people is suppressed.
 * Sessions add up to the total, so a lone suppressed cell could be recovered as the total
 * minus the others: then the next smallest cell is suppressed too. When the total itself is
 * about fewer than 5 people, it is suppressed; so are the sessions left when fewer than 5 people
 * moved them (a session held for a visit to come counts: one reservation would show one person).
 */
export function employerUsage(
  used: UsedSession[],
  pool: { granted: number; left: number; people: number },
): EmployerUsage {
  const groups = new Map<
    string,
    { month: string; format: ConsultationFormat; people: Set<string>; sessions: number }
  >();
  for (const session of used) {
    const month = calendarMonth(session.start);
    const key = `${month}/${session.format}`;
    const group = groups.get(key) ?? { month, format: session.format, people: new Set(), sessions: 0 };
    group.people.add(session.patientId);
    group.sessions++;
    groups.set(key, group);
  }
  const cells = [...groups.values()].sort(
    (a, b) => a.month.localeCompare(b.month) || a.format.localeCompare(b.format),
  );
  const hidden = new Set(cells.filter((c) => c.people.size < minGroupSize));
  const totalPeople = new Set(used.map((s) => s.patientId)).size;
  const totalShown = totalPeople === 0 || totalPeople >= minGroupSize;
  if (totalShown && hidden.size === 1) {
    const next = cells.filter((c) => !hidden.has(c)).sort((a, b) => a.sessions - b.sessions)[0];
    if (next) hidden.add(next);
  }
  return {
    cells: cells.map((c) => ({
      month: c.month,
      format: c.format,
      people: hidden.has(c) ? null : c.people.size,
      sessions: hidden.has(c) ? null : c.sessions,
    })),
    totalPeople: totalShown ? totalPeople : null,
    sessionsUsed: totalShown ? used.length : null,
    sessionsGranted: pool.granted,
    sessionsLeft: pool.people === 0 || pool.people >= minGroupSize ? pool.left : null,
  };
}
