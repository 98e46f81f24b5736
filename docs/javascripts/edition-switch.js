// The language switch (Material's selector, overrides/partials/alternate.html) opens this page in
// the other edition; followed from a section link, it keeps the section: the address's #part is
// added as the reader follows the link. Section ids are the same in both editions.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
  if (link && location.hash && link.href.indexOf("#") < 0) {
    link.href = link.href + location.hash;
  }
}, true);
