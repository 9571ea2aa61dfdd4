// The slice of node-postgres this package uses. @types/pg is not installed in
// the workspace; if it is added later this shim can be deleted (an ambient
// module declaration wins over node_modules types, so the two do not clash).
declare module 'pg' {
  export interface ClientConfig {
    host?: string;
    port?: number;
    user?: string;
    password?: string;
    database?: string;
    connectionString?: string;
    connectionTimeoutMillis?: number;
  }

  export interface QueryResult<Row> {
    rows: Row[];
    rowCount: number | null;
  }

  export class Client {
    constructor(config?: ClientConfig | string);
    connect(): Promise<void>;
    query<Row = Record<string, unknown>>(text: string, values?: unknown[]): Promise<QueryResult<Row>>;
    end(): Promise<void>;
    on(event: 'error', listener: (error: Error) => void): this;
  }
}
