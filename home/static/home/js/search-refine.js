// The network search's filters (templates/search/search.html) on a narrow screen.
// The page lists them after the results, in a <details> that is open, so without
// this script every filter is there to use. On a phone this script folds them
// behind their summary ("Refine the results") unless the reader has chosen one,
// so a chosen filter and its "Clear" link stay in sight.
const narrow = window.matchMedia("(max-width: 47.99em)").matches;
for (const panel of document.querySelectorAll("details[data-refine]")) {
  if (narrow && !panel.querySelector(".clear-facet")) panel.open = false;
}
