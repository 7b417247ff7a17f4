import { GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * Parsed (and, where asked, validated) GraphQL documents by their text, least recently used
 * dropped first. A subgraph's callers are the gateway's query plans, which repeat: the same few
 * hundred entity fetches, with only the variables changing. Parsing and validating each of them
 * again cost a department about a fifth of its CPU (issue 22). Validation depends on the document
 * and the schema only, never on variables, so a document that passed once passes again; documents
 * that fail are not kept (they are answered with their errors each time).
 */
export class DocumentCache {
  private readonly documents: LRUCache<string, DocumentNode>;
  private readonly validates: boolean;

  /** `maxDocuments` bounds the memory (default 1,000); `validate: false` for callers whose documents are valid by construction. */
  constructor(
    private readonly schema: GraphQLSchema,
    options: { maxDocuments?: number; validate?: boolean } = {},
  ) {
    this.documents = new LRUCache({ max: options.maxDocuments ?? 1_000 });
    this.validates = options.validate ?? true;
  }

  /** The document of `source`, parsed and validated against the schema; its syntax or validation errors otherwise (coded GRAPHQL_PARSE_FAILED / GRAPHQL_VALIDATION_FAILED). */
  document(source: string): { document: DocumentNode } | { errors: readonly GraphQLError[] } {
    const cached = this.documents.get(source);
    if (cached) return { document: cached };
    let document: DocumentNode;
    try {
      document = parse(source);
    } catch (error) {
      return { errors: [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')] };
    }
    if (this.validates) {
      const errors = validate(this.schema, document);
      if (errors.length > 0) return { errors: errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED')) };
    }
    this.documents.set(source, document);
    return { document };
  }
}

/** The error with the code Apollo Server gives the same failure (the one error mapping keeps it; otherwise INTERNAL). */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, originalError: error.originalError, extensions: { ...error.extensions, code } });
}
