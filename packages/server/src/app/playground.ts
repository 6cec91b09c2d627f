import { createHash } from 'node:crypto';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

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

let page: string | undefined;

/** The GraphiQL page, self-contained: scripts, styles and workers are inlined, nothing loads from a CDN. */
export function playgroundHtml(): string {
  page ??= renderGraphiQL({
    title: 'Account Graph playground',
    defaultQuery: DEFAULT_QUERY,
    headers: JSON.stringify({ Authorization: 'Bearer <paste a token here>' }, null, 2),
    method: 'POST',
    shouldPersistHeaders: true,
  });
  return page;
}

let tag: string | undefined;

/** The page's entity tag, so that a browser revisiting the playground does not download it again. */
export function playgroundTag(): string {
  tag ??= `W/"${createHash('sha1').update(playgroundHtml()).digest('base64url')}"`;
  return tag;
}
