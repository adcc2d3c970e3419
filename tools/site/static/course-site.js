// The course's website. Sphinx's search shows a summary of each result by fetching the page; a page opened
// from disk (file://) may not fetch another file, so there the results are listed without summaries.
if (window.location.protocol === "file:" && typeof DOCUMENTATION_OPTIONS !== "undefined") {
  DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;
}
