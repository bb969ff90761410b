import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DapScript, dapScriptSrc } from './dap-script';

describe('DapScript', () => {
  it('renders nothing when no agency code is configured (the default)', () => {
    expect(renderToStaticMarkup(<DapScript preview={false} />)).toBe('');
    expect(renderToStaticMarkup(<DapScript agency="" subagency="OSD" preview={false} />)).toBe('');
  });

  it('renders the DAP snippet with the agency code on public pages', () => {
    expect(renderToStaticMarkup(<DapScript agency="DOD" preview={false} />)).toBe(
      '<script async="" src="https://dap.digitalgov.gov/Universal-Federated-Analytics-Min.js?agency=DOD" id="_fed_an_ua_tag"></script>',
    );
  });

  it('adds the subagency and URL-encodes both codes', () => {
    expect(dapScriptSrc('DOD', 'OSD')).toBe('https://dap.digitalgov.gov/Universal-Federated-Analytics-Min.js?agency=DOD&subagency=OSD');
    expect(dapScriptSrc('A&B', 'x"><script>')).toBe(
      'https://dap.digitalgov.gov/Universal-Federated-Analytics-Min.js?agency=A%26B&subagency=x%22%3E%3Cscript%3E',
    );
  });

  it('never measures staff preview', () => {
    expect(renderToStaticMarkup(<DapScript agency="DOD" subagency="OSD" preview />)).toBe('');
  });
});
