// Eleventy 3.1 ships no TypeScript types: these cover the programmatic API Gazette calls.
declare module "@11ty/eleventy" {
  interface EleventyOptions {
    quietMode?: boolean;
    /** `false` skips project config files; the `config` callback configures everything. */
    configPath?: string | false;
    runMode?: "build" | "serve" | "watch";
    config?: (eleventyConfig: never) => void | Promise<void>;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    disableLogger(): void;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
  }
}

declare module "@11ty/eleventy-dev-server" {
  type Middleware = (
    req: import("node:http").IncomingMessage,
    res: import("node:http").ServerResponse,
    next: () => unknown,
  ) => unknown;
  interface DevServerOptions {
    port?: number;
    pathPrefix?: string;
    domDiff?: boolean;
    logger?: Record<string, (line: string) => void>;
    /** The line logged once it listens; a function returning false logs none. */
    messageOnStart?: () => string | false;
    /** Run before the static file handler, in order. */
    middleware?: Middleware[];
  }
  export default class EleventyDevServer {
    static getServer(name: string, dir: string, options?: DevServerOptions): EleventyDevServer;
    serve(port: number): void;
    /** The underlying node:http server (created on first access). */
    readonly server: import("node:http").Server;
    /** Resolves once the server listens. */
    ready(): Promise<void>;
    /** How it listens on a port (and the next ones when a port is taken); replaced to choose the host. */
    _serverListen(port: number): void;
    reload(event: { files?: string[] }): void;
    sendError(event: { error: Error }): void;
    close(): Promise<void>;
  }
}
