import { createHash } from 'node:crypto';

/** The operations the playground opens with: a welcome, a day's work, a dashboard's question. */
export const DEFAULT_QUERY = `# Welcome to Account Graph.
# 1. Get a token:  pnpm --silent run token --role ACCOUNT_MANAGER
# 2. Open "Headers" below and paste:  { "Authorization": "Bearer <token>" }
# 3. Run an operation: the run button lists them, or put the cursor in one and press Ctrl-Enter.
#    The Docs panel describes every type and field.

query MyPortfolio {
  viewer { name role }
  accounts(first: 10, orderBy: { field: MEMBERS_REACHED, direction: DESC }) {
    totalCount
    edges {
      node {
        name tier status membersReached
        owner { name }
        contacts(first: 3) { edges { node { name roles } } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}

# Which of my accounts need me today, and why: the least healthy first,
# each score explained, with the follow-ups I promised.
query MyDay {
  viewer {
    followUpsDue(first: 10) {
      edges { node { description dueOn overdue account { name } } }
    }
  }
  accounts(first: 5, orderBy: { field: HEALTH, direction: ASC }) {
    edges {
      node {
        name lastContactedAt
        health { score band components { component score explanation } }
        whitespace { name }
        timeline(first: 5) { edges { node { kind occurredAt title } } }
      }
    }
  }
}

# What a dashboard asks: invoiced revenue by month, money kept apart by currency
# (sign in with a BI_READER token or an API key to see the whole portfolio).
query RevenueByMonth {
  analytics {
    revenueSeries(granularity: MONTH, from: "2026-01-01", to: "2026-12-31", measure: INVOICED) {
      periodStart currency amount { amountCents currency }
    }
  }
}
`;

let page: Promise<string> | undefined;

/**
 * The GraphiQL page, self-contained: scripts, styles and workers are inlined, nothing loads from a
 * CDN. Its renderer carries all of GraphiQL (about 60 MB once loaded), so it loads on the first visit.
 */
export function playgroundHtml(): Promise<string> {
  page ??= import('@graphql-yoga/render-graphiql').then(({ renderGraphiQL }) =>
    renderGraphiQL({
      title: 'Account Graph playground',
      defaultQuery: DEFAULT_QUERY,
      headers: JSON.stringify({ Authorization: 'Bearer <paste a token here>' }, null, 2),
      method: 'POST',
      shouldPersistHeaders: true,
    }),
  );
  return page;
}

let tag: Promise<string> | undefined;

/** The page's entity tag, so that a browser revisiting the playground does not download it again. */
export function playgroundTag(): Promise<string> {
  tag ??= playgroundHtml().then((html) => `W/"${createHash('sha1').update(html).digest('base64url')}"`);
  return tag;
}
