import type { LoaderFactories, LoaderSet } from '../../common/loaders';
import {
  accountCountLoader,
  breachedIssuesLoader,
  contractValueLoader,
  openOpportunitiesLoader,
  overdueBalanceLoader,
  renewalsDueLoader,
} from './team-view.service';

/** Each figure of a team view: one GROUP BY per page of reports, keyed on the owner's row id. */
export const teamViewLoaders = {
  portfolioAccountCount: (em, scope) => accountCountLoader(em, scope),
  portfolioContractValue: (em, scope) => contractValueLoader(em, scope),
  portfolioRenewalsDue: (em, scope) => renewalsDueLoader(em, scope),
  portfolioOverdueBalance: (em, scope) => overdueBalanceLoader(em, scope),
  portfolioBreachedIssues: (em, scope) => breachedIssuesLoader(em, scope),
  ownedOpenOpportunities: (em, scope) => openOpportunitiesLoader(em, scope),
} satisfies LoaderFactories;

declare module '../../common/context' {
  interface Loaders extends LoaderSet<typeof teamViewLoaders> {}
}
