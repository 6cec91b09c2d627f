import { createHash } from 'node:crypto';

const DEFAULT_QUERY = `# Welcome to Account Graph.
# 1. Get a token:  pnpm --silent run token --role ACCOUNT_MANAGER
# 2. Open "Headers" below and paste:  { "Authorization": "Bearer <token>" }
# 3. Run this query (Ctrl-Enter). The Docs panel describes every type and field.

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
