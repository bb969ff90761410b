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
  /** host[:port] of the public site (default 127.0.0.1:<listenPort>): replaces news.example.gov. */
  publicHost?: string;
  /** host[:port] of the preview site, the app's PREVIEW_HOST (default preview.localhost:<listenPort>). */
  previewHost?: string;
  /** The Host sent to the app from the preview site (default previewHost): the app's PREVIEW_HOST. */
  appPreviewHost?: string;
  /** The newsroom.conf text (default: deploy/nginx/newsroom.conf). */
  source?: string;
}
export declare function renderNginxConfig(options: NginxConfigOptions): string;
