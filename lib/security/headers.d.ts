// Types for lib/security/headers.js (CommonJS, required by next.config.js).
export type HostCondition = { type: 'host'; value: string };
export type HeaderRule = { source: string; headers: Array<{ key: string; value: string }>; has?: HostCondition[]; missing?: HostCondition[] };
export interface PolicyOptions {
  dap?: boolean;
  development?: boolean;
  https?: boolean;
}
export declare const DAP_ORIGINS: { script: string[]; data: string[] };
export declare const HSTS: string;
export declare const USWDS_INIT_SCRIPT: string;
/** The CSP hash-source (`'sha256-…'`) of USWDS_INIT_SCRIPT, as script-src lists it. */
export declare const USWDS_INIT_SCRIPT_HASH: string;
export declare function scriptHashSource(script: string): string;
export declare const LOCAL_HOST: string;
export declare const DENIED_FEATURES: string[];
export declare function contentSecurityPolicy(options?: PolicyOptions): Record<string, string[]>;
export declare function serializePolicy(policy: Record<string, string[]>): string;
export declare function securityHeaderRules(options?: Omit<PolicyOptions, 'https'>): HeaderRule[];
export declare function securityHeadersForHost(host: string | undefined, options?: Omit<PolicyOptions, 'https'>): Array<[string, string]>;
