// A "复制链接" button beside each section's permalink: copies the full URL with the anchor,
// works by keyboard (it is a real <button>), and confirms the copy on screen and to screen readers.
(function () {
  "use strict";

  var CONFIRM_MS = 2000;

  function liveRegion() {
    var region = document.getElementById("copy-link-status");
    if (!region) {
      region = document.createElement("div");
      region.id = "copy-link-status";
      region.className = "md-visually-hidden";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      document.body.appendChild(region);
    }
    return region;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // file:// and plain-http pages have no async clipboard: fall back to a selection copy.
    return new Promise(function (resolve, reject) {
      var field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.style.position = "fixed";
      field.style.opacity = "0";
      document.body.appendChild(field);
      field.select();
      var copied = document.execCommand("copy");
      document.body.removeChild(field);
      copied ? resolve() : reject(new Error("copy refused"));
    });
  }

  function sectionTitle(heading) {
    var clone = heading.cloneNode(true);
    clone.querySelectorAll(".headerlink, .copy-link").forEach(function (node) { node.remove(); });
    return clone.textContent.trim();
  }

  function addButton(permalink) {
    var heading = permalink.parentElement;
    if (heading.querySelector(".copy-link")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-link";
    button.textContent = "复制链接";
    button.setAttribute("aria-label", "复制本节链接：" + sectionTitle(heading));
    button.addEventListener("click", function () {
      var url = new URL("#" + heading.id, window.location.href).href;
      copyText(url).then(function () {
        button.textContent = "已复制";
        button.classList.add("copy-link--done");
        liveRegion().textContent = "已复制链接：" + url;
      }, function () {
        button.textContent = "复制失败";
        liveRegion().textContent = "无法访问剪贴板，请复制地址栏中的链接";
      }).then(function () {
        window.setTimeout(function () {
          button.textContent = "复制链接";
          button.classList.remove("copy-link--done");
        }, CONFIRM_MS);
      });
    });
    permalink.insertAdjacentElement("afterend", button);
  }

  function init() {
    document.querySelectorAll(".md-content article :is(h2, h3, h4)[id] > .headerlink").forEach(addButton);
  }

  // Material re-renders content on instant navigation and announces it through document$.
  if (typeof document$ !== "undefined") {
    document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
