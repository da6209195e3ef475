import { describe, expect, it } from 'vitest';
import { type RequestFacts, summarize } from '../../modules/teleconsultations/domain/stats';

const minute = 60_000;
const facts = (over: Partial<RequestFacts>): RequestFacts => ({
  profile: 'oncology',
  form: 'planned',
  requesterClinicId: 'clinic-r',
  requesterRegion: 'RU-TVE',
  status: 'concluded',
  accepted: true,
  createdAt: 0,
  closedAt: 60 * minute,
  metDeadline: true,
  ...over,
});

describe('a centre’s month for the network', () => {
  it('counts, times and shares the concluded requests of a group', () => {
    // Prepare: ten conclusions taking 10..100 minutes, the slowest late; one declined; one waiting
    const concluded = Array.from({ length: 10 }, (_, i) =>
      facts({ closedAt: (i + 1) * 10 * minute, metDeadline: i < 9 }),
    );
    const others = [
      facts({ status: 'declined', accepted: false, closedAt: 5 * minute, metDeadline: null }),
      facts({ status: 'requested', accepted: false, closedAt: null, metDeadline: null }),
    ];
    // Act
    const [group] = summarize([...concluded, ...others]);
    // Assess
    expect(group).toEqual({
      profile: 'oncology',
      form: 'planned',
      requesterRegion: 'RU-TVE',
      requesterClinicId: 'clinic-r',
      requests: 12,
      accepted: 10,
      declined: 1,
      concluded: 10,
      medianMinutesToConclusion: 50,
      p90MinutesToConclusion: 90,
      shareInTime: 0.9,
    });
  });

  it('keeps profiles, forms and requesting clinics apart, with no times where nothing was concluded', () => {
    // Act
    const groups = summarize([
      facts({}),
      facts({ form: 'emergency' }),
      facts({ requesterClinicId: 'clinic-s', status: 'accepted', closedAt: null, metDeadline: null }),
    ]);
    // Assess
    expect(
      groups.map((g) => [g.form, g.requesterClinicId, g.concluded, g.medianMinutesToConclusion]),
    ).toEqual([
      ['planned', 'clinic-r', 1, 60],
      ['emergency', 'clinic-r', 1, 60],
      ['planned', 'clinic-s', 0, null],
    ]);
  });
});
