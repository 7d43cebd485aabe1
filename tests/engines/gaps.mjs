// What an engine lacks under WebDriver, and how the explorer does without it. A test that
// meets a gap checks that the page degrades gracefully, then skips the assertion with the
// reason written here; a gap that has closed is reported (and the full assertion runs), so
// this list and the README's known gaps can shrink.

export const GAPS = {
  webkit: {
    console:
      'WebKitWebDriver has neither a log endpoint nor WebDriver BiDi: errors are collected by an ' +
      'in-page recorder, which a page that did not come from the suite\'s server (file://, or a ' +
      'service worker\'s cache) gets only once it has loaded, so errors logged while it loaded are not seen',
  },
};

/** The reason `engine` lacks `feature`, or undefined. */
export const gap = (engine, feature) => GAPS[engine]?.[feature];
