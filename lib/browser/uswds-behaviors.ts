// The only script a public page loads (deferred, so the document is parsed when it runs): USWDS's
// own banner toggle and header/mobile-menu behaviours, then the end of the `usa-js-loading` state
// that the inline init script in <head> started (it hides the banner panel so it does not flash
// open). Everything else is server-rendered and works without JavaScript.
// Bundled on its own by scripts/build-assets.mjs into public/assets/uswds.<hash>.js; never
// imported by the app.
import banner from '@uswds/uswds/js/usa-banner';
import navigation from '@uswds/uswds/js/usa-header';

banner.on(document.body);
navigation.on(document.body);
document.documentElement.classList.remove('usa-js-loading');
