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
  interface DevServerOptions {
    port?: number;
    pathPrefix?: string;
    domDiff?: boolean;
    logger?: Record<string, (line: string) => void>;
  }
  export default class EleventyDevServer {
    static getServer(name: string, dir: string, options?: DevServerOptions): EleventyDevServer;
    serve(port: number): void;
    reload(event: { files?: string[] }): void;
    sendError(event: { error: Error }): void;
    close(): Promise<void>;
  }
}
