// newslint HTML report: notes on hover and focus, list-to-text links, filters.
// Everything works from this page alone; nothing is fetched.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("findings-data").textContent);
  var tip = document.getElementById("tip");
  var SEVERITIES = ["error", "warning", "info"];
  var hidden = { cat: new Set(), sev: new Set() };
  var current = null;

  // The custom note replaces the browser's title tooltip (kept for readers without script).
  document.querySelectorAll("mark.hl[title]").forEach(function (mark) {
    mark.setAttribute("aria-label", mark.textContent.trim() ? mark.textContent : "insertion point");
    mark.removeAttribute("title");
  });

  function findingsOf(mark) {
    var article = data[Number(mark.dataset.a)] || [];
    return mark.dataset.f.split(" ").map(Number).map(function (i) { return article[i]; }).filter(function (f) {
      return f && !hidden.cat.has(f.category) && !hidden.sev.has(f.severity);
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function shownSuggestion(value) {
    if (value.trim() === "") return value.length ? "\u2423".repeat(value.length) : "(delete)";
    return value;
  }

  function fill(findings) {
    tip.replaceChildren();
    findings.forEach(function (f) {
      var note = el("div", "note");
      var meta = el("div", "meta");
      meta.append(el("span", "sev sev-" + f.severity, f.severity), el("span", "", "\u00b7 " + f.category));
      if (f.fixable) meta.append(el("span", "fixable", "fixable"));
      note.append(meta, el("div", "message", f.message));
      if (f.suggestions.length) {
        var suggest = el("div", "suggest", f.suggestions.length > 1 ? "Suggestions: " : "Suggestion: ");
        f.suggestions.forEach(function (s, i) {
          if (i) suggest.append(" or ");
          suggest.append(el("code", "", shownSuggestion(s)));
        });
        note.append(suggest);
      }
      note.append(el("div", "rid", f.rule + "  \u00b7  line " + f.line + ", column " + f.column));
      tip.append(note);
    });
  }

  function place(mark) {
    var rects = mark.getClientRects();
    var rect = rects.length ? rects[0] : mark.getBoundingClientRect();
    tip.hidden = false;
    tip.classList.remove("below");
    var width = tip.offsetWidth, height = tip.offsetHeight;
    var left = Math.min(Math.max(rect.left + window.scrollX - 12, window.scrollX + 8),
                        window.scrollX + document.documentElement.clientWidth - width - 8);
    var top = rect.top + window.scrollY - height - 12;
    if (rect.top - height - 12 < 4) {
      top = rect.bottom + window.scrollY + 12;
      tip.classList.add("below");
    }
    tip.style.left = left + "px";
    tip.style.top = top + "px";
    tip.style.setProperty("--arrow", Math.max(8, rect.left + window.scrollX - left + Math.min(rect.width / 2, 14) - 5) + "px");
  }

  function show(mark) {
    if (mark.classList.contains("muted")) return;
    var findings = findingsOf(mark);
    if (!findings.length) return;
    if (current && current !== mark) hide();
    current = mark;
    fill(findings);
    mark.classList.add("active");
    mark.setAttribute("aria-describedby", "tip");
    place(mark);
  }

  function hide() {
    if (current) {
      current.classList.remove("active");
      current.removeAttribute("aria-describedby");
    }
    current = null;
    tip.hidden = true;
  }

  document.addEventListener("mouseover", function (event) {
    var mark = event.target.closest && event.target.closest("mark.hl");
    if (mark) show(mark);
  });
  document.addEventListener("mouseout", function (event) {
    var mark = event.target.closest && event.target.closest("mark.hl");
    if (mark && mark === current && !mark.contains(event.relatedTarget) && document.activeElement !== mark) hide();
  });
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("mark.hl")) show(event.target);
  });
  document.addEventListener("focusout", function (event) {
    if (event.target === current) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) hide();
  });
  window.addEventListener("resize", function () { if (current) place(current); });

  // A row of the list takes the reader to the words in the text.
  document.querySelectorAll(".findings a").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var mark = document.querySelector('mark.hl[data-a="' + link.dataset.a + '"][data-f~="' + link.dataset.f + '"]');
      if (!mark) return;
      event.preventDefault();
      mark.scrollIntoView({ block: "center" });
      mark.focus({ preventScroll: true });
      show(mark);
    });
  });

  // Filters: a category or severity switched off drops its highlights and rows.
  function apply() {
    document.querySelectorAll("mark.hl").forEach(function (mark) {
      var visible = findingsOf(mark);
      mark.classList.toggle("muted", visible.length === 0);
      mark.tabIndex = visible.length ? 0 : -1;
      SEVERITIES.forEach(function (s) { mark.classList.remove("sev-" + s); });
      var worst = visible.length ? SEVERITIES.find(function (s) {
        return visible.some(function (f) { return f.severity === s; });
      }) : "warning";
      mark.classList.add("sev-" + worst);
    });
    document.querySelectorAll(".row").forEach(function (row) {
      row.classList.toggle("hidden", hidden.cat.has(row.dataset.cat) || hidden.sev.has(row.dataset.sev));
    });
    hide();
  }
  document.querySelectorAll(".chip").forEach(function (chip) {
    chip.addEventListener("click", function () {
      var on = chip.getAttribute("aria-pressed") !== "true";
      chip.setAttribute("aria-pressed", String(on));
      var set = hidden[chip.dataset.filter];
      if (on) set.delete(chip.dataset.value); else set.add(chip.dataset.value);
      apply();
    });
  });
})();
