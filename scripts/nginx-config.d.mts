// Types for scripts/nginx-config.mjs (the project type-checks TypeScript only).
export declare const NEWSROOM_CONF: string;
export interface NginxConfigOptions {
  listenPort: number;
  upstreamPort: number;
  cacheDir: string;
  workDir: string;
  listenHost?: string;
  workerProcesses?: number | 'auto';
  accessLog?: boolean;
  daemon?: boolean;
  user?: string;
  /** The newsroom.conf text (default: deploy/nginx/newsroom.conf). */
  source?: string;
}
export declare function renderNginxConfig(options: NginxConfigOptions): string;
