/** GSA's Digital Analytics Program script, the same URL for every agency. */
export const DAP_SCRIPT_URL = 'https://dap.digitalgov.gov/Universal-Federated-Analytics-Min.js';

/** The script's address with the agency (and subagency) codes, URL-encoded. */
export function dapScriptSrc(agency: string, subagency?: string): string {
  const query = [`agency=${encodeURIComponent(agency)}`];
  if (subagency) query.push(`subagency=${encodeURIComponent(subagency)}`);
  return `${DAP_SCRIPT_URL}?${query.join('&')}`;
}

export interface DapScriptProps {
  /** DAP agency code (siteConfig.analytics.dapAgency); nothing renders without one. */
  agency?: string;
  subagency?: string;
  /** Staff preview (Draft Mode): never measured. */
  preview: boolean;
}

/**
 * The DAP snippet, on public pages only: off until an agency code is configured, and never in
 * staff preview, whose visits are not the public's.
 */
export function DapScript({ agency, subagency, preview }: DapScriptProps) {
  if (!agency || preview) return null;
  return <script async src={dapScriptSrc(agency, subagency)} id="_fed_an_ua_tag" />;
}
