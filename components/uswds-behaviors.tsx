'use client';

import { useEffect } from 'react';

/**
 * Turns on the only USWDS behaviours the site uses (banner toggle, mobile menu)
 * and ends the `usa-js-loading` state that the inline script in <head> started.
 * Everything else on the page is server-rendered and works without JavaScript.
 */
export function UswdsBehaviors() {
  useEffect(() => {
    const body = document.body;
    let cancelled = false;
    // Imported here, not at module scope: USWDS's header module reads `navigator`
    // when it loads, which does not exist while the page is prerendered.
    const loaded = Promise.all([import('@uswds/uswds/js/usa-banner'), import('@uswds/uswds/js/usa-header')]);
    loaded.then(([{ default: banner }, { default: navigation }]) => {
      if (cancelled) return;
      banner.on(body);
      navigation.on(body);
      document.documentElement.classList.remove('usa-js-loading');
    });
    return () => {
      cancelled = true;
      loaded.then(([{ default: banner }, { default: navigation }]) => {
        banner.off(body);
        navigation.off(body);
      });
    };
  }, []);
  return null;
}
