/* Filter of the findings by category and severity: shared by the HTML report (inlined) and the workbench page. */
(function (global) {
  function apply(root) {
    var cat = root.querySelector('select[data-filter="category"]');
    var sev = root.querySelector('select[data-filter="severity"]');
    var c = cat ? cat.value : '';
    var s = sev ? sev.value : '';
    var shown = 0;
    var all = root.querySelectorAll('article.finding');
    all.forEach(function (a) {
      var ok = (!c || a.dataset.category === c) && (!s || a.dataset.severity === s);
      a.hidden = !ok;
      if (ok) { shown++; }
    });
    var out = root.querySelector('.filter-count');
    if (out) { out.textContent = shown + ' / ' + all.length; }
  }
  function bind(root) {
    root.querySelectorAll('select[data-filter]').forEach(function (sel) {
      sel.addEventListener('change', function () { apply(root); });
    });
  }
  global.FairTenderReport = { bind: bind, apply: apply };
  if (document.body && document.body.classList.contains('standalone')) {
    document.querySelectorAll('section.report').forEach(bind);
  }
})(window);
