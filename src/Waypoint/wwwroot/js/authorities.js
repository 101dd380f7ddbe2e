// Search-as-you-type for the directory (/authorities). The page works without this file: the form is a GET form
// and the server renders the results. Here, typing or choosing a filter asks the API after a short pause and
// redraws the same table, the count (a live region, so screen readers hear it) and the pager.
(function () {
  "use strict";

  var form = document.getElementById("authority-search");
  var results = document.getElementById("authority-results");
  if (!form || !results || !window.fetch || !window.URLSearchParams) return;

  // The page's own address, with the language prefix when there is one (/de/authorities).
  var base = form.getAttribute("action") || "/authorities";
  var text = results.dataset;
  var typeNames = JSON.parse(text.types || "{}");
  var countryNames = JSON.parse(text.countries || "{}");
  var numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);
  var count = document.getElementById("result-count");
  var table = document.getElementById("result-table");
  var rows = document.getElementById("result-rows");
  var pager = document.getElementById("result-pager");
  var delayMs = 250;
  var timer = null;
  var latest = 0;

  function format(template) {
    var values = Array.prototype.slice.call(arguments, 1);
    return template.replace(/\{(\d+)\}/g, function (match, index) {
      return index < values.length ? String(values[index]) : match;
    });
  }

  function searchParams(page) {
    var params = new URLSearchParams();
    ["q", "country", "type"].forEach(function (name) {
      var value = (form.elements[name].value || "").trim();
      if (value) params.set(name, value);
    });
    if (page > 1) params.set("page", String(page));
    return params;
  }

  function typeLabel(item) {
    if (item.type === "region" && item.nutsCode) return format(text.region, item.nutsCode.length - 2);
    return typeNames[item.type] || item.type;
  }

  function cell(row, content, className) {
    var td = document.createElement("td");
    if (className) td.className = className;
    if (content instanceof Node) td.appendChild(content);
    else td.textContent = content;
    row.appendChild(td);
  }

  function pageLink(page, label, rel) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = base + "?" + searchParams(page).toString();
    a.rel = rel;
    a.textContent = label;
    a.addEventListener("click", function (event) {
      event.preventDefault();
      run(page, true);
    });
    li.appendChild(a);
    return li;
  }

  function render(data) {
    var pageCount = Math.ceil(data.total / data.pageSize);
    count.textContent = data.total === 0 ? text.countNone
      : data.total === 1 ? text.countOne
      : format(text.countMany, numbers.format(data.total));

    rows.replaceChildren();
    data.items.forEach(function (item) {
      var row = document.createElement("tr");
      var link = document.createElement("a");
      link.href = base + "/" + item.id;
      link.textContent = item.name;
      cell(row, link);
      cell(row, typeLabel(item));
      cell(row, countryNames[item.country] || item.country);
      cell(row, item.population === null ? text.unknown : numbers.format(item.population), "number");
      cell(row, item.nutsCode || "");
      rows.appendChild(row);
    });
    table.hidden = data.items.length === 0;

    var list = pager.querySelector("ul");
    list.replaceChildren();
    if (data.page > 1) list.appendChild(pageLink(data.page - 1, text.previous, "prev"));
    var position = document.createElement("li");
    position.textContent = format(text.pageOf, numbers.format(data.page), numbers.format(Math.max(pageCount, 1)));
    list.appendChild(position);
    if (data.page < pageCount) list.appendChild(pageLink(data.page + 1, text.next, "next"));
    pager.hidden = pageCount <= 1;
  }

  function clear() {
    latest++;
    count.textContent = "";
    rows.replaceChildren();
    table.hidden = true;
    pager.hidden = true;
    history.replaceState(null, "", base);
  }

  function run(page, moveFocus) {
    var params = searchParams(page);
    if (!params.has("q") && !params.has("country") && !params.has("type")) {
      clear();
      return;
    }
    var prompt = document.getElementById("result-prompt");
    if (prompt) prompt.hidden = true;
    var request = ++latest;
    fetch(text.api + "?" + params.toString(), { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (data) {
        if (request !== latest) return; // an answer to an older query arrived late
        render(data);
        // Keeps the address in step, so that reloading or sharing it shows the same results without JavaScript.
        var query = params.toString();
        history.replaceState(null, "", base + (query ? "?" + query : ""));
        if (moveFocus) count.focus();
      })
      .catch(function () {
        if (request === latest) count.textContent = text.error;
      });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { run(1, false); }, delayMs);
  }

  count.tabIndex = -1;
  form.elements.q.addEventListener("input", schedule);
  form.elements.country.addEventListener("change", function () { run(1, false); });
  form.elements.type.addEventListener("change", function () { run(1, false); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    run(1, false);
  });
})();
