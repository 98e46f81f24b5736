// The language switch (Material's selector, overrides/partials/alternate.html) opens this page in
// the other edition; followed from a section link, it keeps the section: the address's #part is
// added as the reader follows the link. Section ids are the same in both editions.
//
// The link is followed as written: Material's own handler for alternate links (which maps the page
// through each edition's sitemap, and falls back to the edition's home when a sitemap's addresses
// are not this host's, as on a local server) does not see the click.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
  if (!link) return;
  if (location.hash && link.href.indexOf("#") < 0) {
    link.href = link.href + location.hash;
  }
  event.stopPropagation();
}, true);
