// Glossary tooltips (markup from scripts/gpt4qa/render/glossary.py): CSS opens them on hover and keyboard
// focus; this adds a tap to open and close (touch screens have no hover, and Safari does not
// focus a tapped button), Esc to dismiss, and keeps an open tooltip inside the viewport.
(function () {
  "use strict";

  function place(gloss) {
    var tip = gloss.querySelector(".gloss__tip");
    if (!tip) return;
    gloss.style.removeProperty("--gloss-shift");
    var rect = tip.getBoundingClientRect();
    var overflow = rect.right - (document.documentElement.clientWidth - 8);
    if (overflow > 0) gloss.style.setProperty("--gloss-shift", -Math.min(overflow, rect.left - 8) + "px");
  }

  function closeAll(except) {
    document.querySelectorAll(".gloss--open").forEach(function (gloss) {
      if (gloss !== except) {
        gloss.classList.remove("gloss--open");
        gloss.querySelector(".gloss__term").setAttribute("aria-expanded", "false");
      }
    });
  }

  document.addEventListener("click", function (event) {
    var term = event.target.closest && event.target.closest(".gloss__term");
    if (!term) {
      closeAll(null);
      return;
    }
    var gloss = term.parentElement;
    var open = !gloss.classList.contains("gloss--open");
    closeAll(gloss);
    gloss.classList.toggle("gloss--open", open);
    gloss.classList.remove("gloss--dismissed");
    term.setAttribute("aria-expanded", String(open));
    if (open) place(gloss);
  });

  ["mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var gloss = event.target.closest && event.target.closest(".gloss");
      if (gloss) place(gloss);
    });
  });

  ["mouseout", "focusout"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var gloss = event.target.closest && event.target.closest(".gloss");
      if (gloss && !gloss.contains(event.relatedTarget)) gloss.classList.remove("gloss--dismissed");
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".gloss:hover, .gloss:focus-within, .gloss--open").forEach(function (gloss) {
      gloss.classList.add("gloss--dismissed");
    });
    closeAll(null);
  });
})();
