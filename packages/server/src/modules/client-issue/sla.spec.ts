import { DEFAULT_SLA_POLICY, parseSlaDuration } from '../../config/sla-terms';
import { addBusinessDays, atRiskFrom, slaClock, slaStatusAt, SlaStatus, type SlaFacts } from './sla';

// 2026-01-01 is a Thursday: 2 Friday, 3-4 the weekend, 5 Monday.
const at = (iso: string) => new Date(`${iso}Z`);
const iso = (date: Date) => date.toISOString().replace('.000Z', '');

describe('business days', () => {
  it.each([
    ['2026-01-05T10:00:00', 1, '2026-01-06T10:00:00'], // Monday → Tuesday
    ['2026-01-02T15:00:00', 1, '2026-01-05T15:00:00'], // Friday afternoon → Monday afternoon
    ['2026-01-02T00:00:00', 1, '2026-01-05T00:00:00'], // all of Friday → never due on Saturday
    ['2026-01-03T10:00:00', 1, '2026-01-06T00:00:00'], // Saturday: the clock starts Monday 00:00
    ['2026-01-04T23:59:00', 1, '2026-01-06T00:00:00'], // Sunday night, likewise
    ['2026-01-07T10:00:00', 3, '2026-01-12T10:00:00'], // Wednesday + 3 → the next Monday
    ['2026-01-02T09:30:00', 5, '2026-01-09T09:30:00'], // a whole working week
    ['2026-01-01T12:00:00', 10, '2026-01-15T12:00:00'], // two weekends (holidays are not modelled)
  ])('%s plus %i business day(s) is %s', (from, days, due) => {
    expect(iso(addBusinessDays(at(from), days))).toBe(due);
  });
});

describe('the default SLA clock', () => {
  const friday = at('2026-01-02T15:00:00');

  it.each([
    ['CRITICAL', '2026-01-02T16:00:00', '2026-01-03T15:00:00'],
    ['HIGH', '2026-01-02T19:00:00', '2026-01-05T15:00:00'],
    ['MEDIUM', '2026-01-05T15:00:00', '2026-01-12T15:00:00'],
    ['LOW', '2026-01-07T15:00:00', '2026-02-01T15:00:00'],
  ] as const)('%s reported on a Friday afternoon: respond by %s, resolve by %s', (severity, response, resolution) => {
    const clock = slaClock(friday, DEFAULT_SLA_POLICY[severity]);
    expect(iso(clock.responseDueAt)).toBe(response);
    expect(iso(clock.resolutionDueAt)).toBe(resolution);
  });

  it('becomes AT_RISK with the last 20% of a window left', () => {
    expect(iso(atRiskFrom(at('2026-01-05T10:00:00'), at('2026-01-05T15:00:00')))).toBe('2026-01-05T14:00:00');
    const clock = slaClock(friday, DEFAULT_SLA_POLICY.CRITICAL);
    expect(iso(clock.responseAtRiskAt)).toBe('2026-01-02T15:48:00');
    expect(iso(clock.resolutionAtRiskAt)).toBe('2026-01-03T10:12:00');
  });
});

describe('SLA status', () => {
  const reported = at('2026-01-05T10:00:00');
  const facts = (overrides: Partial<SlaFacts> = {}): SlaFacts => ({
    ...slaClock(reported, DEFAULT_SLA_POLICY.HIGH),
    firstResponseAt: null,
    resolvedAt: null,
    ...overrides,
  });

  it('is ON_TRACK early, AT_RISK near the nearest open deadline, BREACHED once it passes', () => {
    expect(slaStatusAt(facts(), at('2026-01-05T11:00:00'))).toBe(SlaStatus.ON_TRACK);
    expect(slaStatusAt(facts(), at('2026-01-05T13:12:00'))).toBe(SlaStatus.AT_RISK);
    expect(slaStatusAt(facts(), at('2026-01-05T14:00:00'))).toBe(SlaStatus.AT_RISK);
    expect(slaStatusAt(facts(), at('2026-01-05T14:00:00.001'))).toBe(SlaStatus.BREACHED);
  });

  it('counts a met deadline as closed: only the resolution clock runs after a timely response', () => {
    const responded = facts({ firstResponseAt: at('2026-01-05T12:00:00') });
    expect(slaStatusAt(responded, at('2026-01-05T14:30:00'))).toBe(SlaStatus.ON_TRACK);
    expect(slaStatusAt(responded, at('2026-01-08T00:00:00'))).toBe(SlaStatus.AT_RISK);
    expect(slaStatusAt(responded, at('2026-01-08T10:00:01'))).toBe(SlaStatus.BREACHED);
  });

  it('stays BREACHED for ever once a deadline was met late, and ON_TRACK once both were met in time', () => {
    const lateResponse = facts({ firstResponseAt: at('2026-01-05T15:00:00'), resolvedAt: at('2026-01-06T10:00:00') });
    expect(slaStatusAt(lateResponse, at('2027-01-01T00:00:00'))).toBe(SlaStatus.BREACHED);
    const inTime = facts({ firstResponseAt: at('2026-01-05T11:00:00'), resolvedAt: at('2026-01-06T10:00:00') });
    expect(slaStatusAt(inTime, at('2027-01-01T00:00:00'))).toBe(SlaStatus.ON_TRACK);
  });
});

describe('configured durations', () => {
  it('reads hours, days and business days, and refuses anything else', () => {
    expect(parseSlaDuration('4h')).toEqual({ amount: 4, unit: 'HOURS' });
    expect(parseSlaDuration('10d')).toEqual({ amount: 10, unit: 'DAYS' });
    expect(parseSlaDuration('1bd')).toEqual({ amount: 1, unit: 'BUSINESS_DAYS' });
    for (const bad of ['0h', '4', 'h', '1.5d', '-1d', '4 hours'])
      expect(() => parseSlaDuration(bad)).toThrow(/not an SLA duration/);
  });
});
