/**
 * Client issue SLA terms as configuration states them: durations such as 4h, 3d or 1bd per
 * severity, and their defaults. The clocks that run on them are in modules/client-issue/sla.ts.
 */

/** The severities that have SLA terms; the same values as the client-issue feature's severity enum. */
export type SlaSeverity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';

export type SlaUnit = 'HOURS' | 'DAYS' | 'BUSINESS_DAYS';

/** A span of SLA time: `4h`, `3d` or `1bd` in configuration. */
export interface SlaDuration {
  amount: number;
  unit: SlaUnit;
}

export interface SlaTerms {
  response: SlaDuration;
  resolution: SlaDuration;
}

/** Terms per client issue severity (the severities of client-issue/sla.ts). */
export type SlaPolicy = Record<SlaSeverity, SlaTerms>;

/** "4h", "3d", "1bd" (1 to 9999 of hours, calendar days or business days). */
export const SLA_DURATION_PATTERN = /^([1-9]\d{0,3})(h|d|bd)$/;

export function parseSlaDuration(text: string): SlaDuration {
  const match = SLA_DURATION_PATTERN.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not an SLA duration such as 4h, 3d or 1bd`);
  const unit: SlaUnit = match[2] === 'h' ? 'HOURS' : match[2] === 'd' ? 'DAYS' : 'BUSINESS_DAYS';
  return { amount: Number(match[1]), unit };
}

/**
 * The default SLA (the client services agreement's schedule), as configuration writes it: CRITICAL
 * respond in 1 hour and resolve in 24 hours; HIGH 4 hours / 3 days; MEDIUM 1 business day / 10
 * days; LOW 3 business days / 30 days. The SLA_<SEVERITY>_<RESPONSE|RESOLUTION> settings default to these.
 */
export const DEFAULT_SLA_TEXT: Record<SlaSeverity, { response: string; resolution: string }> = {
  CRITICAL: { response: '1h', resolution: '24h' },
  HIGH: { response: '4h', resolution: '3d' },
  MEDIUM: { response: '1bd', resolution: '10d' },
  LOW: { response: '3bd', resolution: '30d' },
};

/** The default SLA parsed (DEFAULT_SLA_TEXT). */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  CRITICAL: parseSlaTerms(DEFAULT_SLA_TEXT.CRITICAL),
  HIGH: parseSlaTerms(DEFAULT_SLA_TEXT.HIGH),
  MEDIUM: parseSlaTerms(DEFAULT_SLA_TEXT.MEDIUM),
  LOW: parseSlaTerms(DEFAULT_SLA_TEXT.LOW),
};

/** One severity's terms from their configured text ("4h", "3d"). */
export function parseSlaTerms(text: { response: string; resolution: string }): SlaTerms {
  return { response: parseSlaDuration(text.response), resolution: parseSlaDuration(text.resolution) };
}
