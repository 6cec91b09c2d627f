/**
 * `@account-graph/sdk/operations`: the typed documents and types alone, without the client: for an
 * app that sends them with its own GraphQL client, or imports only the few it needs (each document
 * is marked pure, so a bundler drops the rest).
 */
export * from './generated/graphql.js';
