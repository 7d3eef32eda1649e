// The engine's script (about 110 KB) sets up search, the contents list and the
// header in one long task at load, which kept a cheap phone busy for 100 to
// 400 ms before it answered a tap (Lighthouse: total blocking time). The page
// reads and works without it, so it starts on the reader's first key, touch,
// click, scroll or mouse move instead. Until then the page is laid out as it
// will be with the script (the "js starting" classes, set in the head).
(function () {
  var here = document.currentScript, started = false, root = document.documentElement;
  var events = ["keydown", "pointerdown", "touchstart", "focusin", "scroll", "wheel", "mousemove"];
  // The engine's keys that open search.
  var searchKeys = ["/", "s", "f"];
  function searchBox() {
    return document.querySelector(".md-search__input");
  }
  function start(event) {
    if (started) return;
    started = true;
    events.forEach(function (name) { removeEventListener(name, start, true); });
    var target = event.target, typing = target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    var key = event.type === "keydown" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey ? event : null;
    var toggle = document.getElementById("__search");
    if (key && searchKeys.indexOf(key.key) >= 0 && toggle && searchBox()) {
      // Open search at once, so the words typed next land in the box.
      event.preventDefault();
      toggle.checked = true;
      searchBox().focus();
      key = null;
    }
    var script = document.createElement("script");
    script.src = here.getAttribute("data-src");
    script.onload = function () {
      // The script starts on DOMContentLoaded, which has passed by now.
      document.dispatchEvent(new Event("DOMContentLoaded"));
      root.classList.remove("starting");
      if (key) {
        // The key that woke it ("n" for the next page, for example) reaches it too.
        window.dispatchEvent(new KeyboardEvent("keydown", {key: key.key, code: key.code, shiftKey: key.shiftKey}));
      }
      if (toggle && toggle.checked && document.activeElement !== searchBox()) searchBox().focus();
    };
    document.body.appendChild(script);
  }
  events.forEach(function (name) { addEventListener(name, start, {capture: true, passive: name !== "keydown"}); });
})();
