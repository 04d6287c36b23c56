// Live search: the form works without this file; with it, results follow typing and clicks.
(function () {
  "use strict";
  var form = document.querySelector("form[data-live-search]");
  var live = document.getElementById("search-live");
  if (!form || !live || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var timer = null;
  var controller = null;

  function currentQuery() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (value !== "") {
        params.append(name, value);
      }
    });
    return params;
  }

  function refresh() {
    var params = currentQuery();
    var pageUrl = form.getAttribute("action") + (params.toString() ? "?" + params : "");
    params.append("fragment", "live");
    if (controller) {
      controller.abort();
    }
    controller = new AbortController();
    fetch(form.getAttribute("action") + "?" + params, {
      signal: controller.signal,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.text();
      })
      .then(function (html) {
        live.innerHTML = html;
        window.history.replaceState(null, "", pageUrl);
      })
      .catch(function () { /* keep the current results; the Search button still works */ });
  }

  function schedule(delay) {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, delay);
  }

  form.addEventListener("input", function (event) {
    if (event.target.type === "search" || event.target.type === "text") {
      schedule(250);
    }
  });
  form.addEventListener("change", function () {
    schedule(30);
  });
})();
