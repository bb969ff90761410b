'use client';

import { useEffect } from 'react';
import banner from '@uswds/uswds/js/usa-banner';
import navigation from '@uswds/uswds/js/usa-header';

/**
 * Turns on the only USWDS behaviours the site uses (banner toggle, mobile menu)
 * and ends the `usa-js-loading` state that the inline script in <head> started.
 * Everything else on the page is server-rendered and works without JavaScript.
 */
export function UswdsBehaviors() {
  useEffect(() => {
    const body = document.body;
    banner.on(body);
    navigation.on(body);
    document.documentElement.classList.remove('usa-js-loading');
    return () => {
      banner.off(body);
      navigation.off(body);
    };
  }, []);
  return null;
}
