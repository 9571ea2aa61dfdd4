import type { GatewayGraphQLRequestContext, GatewayInterface, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import { execute, printSchema, type GraphQLSchema } from 'graphql';

/**
 * A schema Apollo Server serves and that can be replaced while it runs, through Apollo Server's
 * gateway interface (the only way it takes a new schema without a restart). Requests in flight
 * finish on the schema they started with.
 */
export class ReloadableSchema implements GatewayInterface {
  private readonly listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();

  constructor(private schema: GraphQLSchema) {}

  replace(schema: GraphQLSchema): void {
    this.schema = schema;
    for (const listener of this.listeners) listener(this.schemaContext());
  }

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): () => void {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }

  async load() {
    for (const listener of this.listeners) listener(this.schemaContext());
    return {
      // Apollo Server has parsed and validated the document against the schema it was last given.
      executor: async (request: GatewayGraphQLRequestContext) =>
        execute({
          schema: this.schema,
          document: request.document,
          contextValue: request.context,
          variableValues: request.request.variables,
          operationName: request.operationName ?? undefined,
        }),
    };
  }

  async stop(): Promise<void> {
    this.listeners.clear();
  }

  private schemaContext() {
    return { apiSchema: this.schema, coreSupergraphSdl: printSchema(this.schema) };
  }
}
