import { OpportunityStage } from './opportunity.entity';

/** The stages an opportunity moves among freely, forwards or back, as real pipelines do. */
export const OPEN_STAGES: readonly OpportunityStage[] = [
  OpportunityStage.PROSPECTING,
  OpportunityStage.QUALIFIED,
  OpportunityStage.PROPOSAL,
  OpportunityStage.NEGOTIATION,
];

/** The chance of winning a stage stands for when the owner gives none, in percent. */
export const DEFAULT_PROBABILITY: Record<OpportunityStage, number> = {
  PROSPECTING: 10,
  QUALIFIED: 25,
  PROPOSAL: 50,
  NEGOTIATION: 75,
  WON: 100,
  LOST: 0,
};

export function isOpen(stage: OpportunityStage): boolean {
  return OPEN_STAGES.includes(stage);
}

/**
 * An opportunity's weighted amount: amount × probability / 100, rounded half up to a minor unit
 * (amounts are never negative). Its SQL twin is `weightedCentsSql`; the pipeline sums the rounded
 * amounts, so a row's total equals the sum of what each opportunity shows.
 */
export function weightedCents(amountCents: number, probability: number): number {
  return Number((BigInt(amountCents) * BigInt(probability) + 50n) / 100n);
}

/** SQL twin of `weightedCents` over the columns at `alias` (integer division in both dialects). */
export function weightedCentsSql(dialect: 'sqlite' | 'mysql', alias: string): string {
  const product = `(${alias}.amountCents * ${alias}.probability + 50)`;
  return dialect === 'mysql' ? `${product} DIV 100` : `${product} / 100`;
}
