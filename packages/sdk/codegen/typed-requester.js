// @ts-check
/**
 * The stock typescript-generic-sdk plugin, with one change: its `Requester` takes the typed
 * document (`TypedDocumentString<R, V>` from ./graphql.js) instead of graphql's `DocumentNode`.
 * With documentMode 'external' the plugin refers to the documents of ./graphql.js, which are
 * typed strings, not ASTs; typing the parameter as what is really passed keeps `getSdk` checked.
 */
const genericSdk = require('@graphql-codegen/typescript-generic-sdk');

const DOCUMENT_NODE_IMPORT = "import type { DocumentNode } from 'graphql';";
const REQUESTER = 'export type Requester<C = {}> = <R, V>(doc: DocumentNode,';

/** @param {Parameters<typeof genericSdk.plugin>} args */
async function plugin(...args) {
  const output = await genericSdk.plugin(...args);
  if (typeof output === 'string') throw new Error('typescript-generic-sdk returned no prepend section');
  const prepend = output.prepend ?? [];
  if (!prepend.includes(DOCUMENT_NODE_IMPORT) || !output.content.includes(REQUESTER)) {
    throw new Error('typescript-generic-sdk output changed shape: update codegen/typed-requester.js');
  }
  return {
    prepend: prepend.filter((line) => line !== DOCUMENT_NODE_IMPORT),
    content: output.content.replace(
      REQUESTER,
      'export type Requester<C = {}> = <R, V>(doc: Operations.TypedDocumentString<R, V>,',
    ),
  };
}

module.exports = { plugin, validate: genericSdk.validate };
