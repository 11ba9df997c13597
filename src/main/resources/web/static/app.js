/* The officers' workbench: upload, progress, the report beside the page images, marks and downloads. No libraries. */
(function () {
  'use strict';
  var M = JSON.parse(document.body.dataset.messages || '{}');
  var LANG = document.body.dataset.lang || 'zh';
  var $ = function (id) { return document.getElementById(id); };

  function t(key, args) {
    var s = Object.prototype.hasOwnProperty.call(M, key) ? M[key] : key;
    (args || []).forEach(function (v, i) { s = s.split('{' + i + '}').join(String(v)); });
    return s;
  }
  var store = {
    get: function (k, d) {
      try { var v = localStorage.getItem(k); return v === null ? d : JSON.parse(v); } catch (e) { return d; }
    },
    set: function (k, v) { try { localStorage.setItem(k, JSON.stringify(v)); } catch (e) { /* private mode: marks last this visit */ } }
  };
  // ---- API key, when the operator turned keys on: asked for once per browser session, sent with every request ----
  function apiKey() { try { return sessionStorage.getItem('ft.key'); } catch (e) { return null; } }
  function api(url, opts) {
    opts = opts || {};
    var key = apiKey();
    if (key) {
      var h = {};
      Object.keys(opts.headers || {}).forEach(function (k) { h[k] = opts.headers[k]; });
      h['X-Api-Key'] = key;
      opts.headers = h;
    }
    return fetch(url, opts).then(function (r) {
      if (r.status === 401) { askKey(); }
      return r;
    });
  }
  function askKey() {
    var form = document.getElementById('key-form');
    if (form && form.hidden) { form.hidden = false; document.getElementById('api-key').focus(); }
  }
  /** A URL to show or download: as is without a key, else fetched with the key into a blob URL. */
  function withKey(url) {
    if (!apiKey()) { return Promise.resolve(url); }
    return api(url).then(function (r) {
      if (!r.ok) { throw new Error('fetch ' + r.status); }
      return r.blob();
    }).then(function (b) { return URL.createObjectURL(b); });
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  // downloads are plain links; with a key they are fetched with it and saved from a blob
  ['dl-pdf', 'dl-docx', 'dl-sarif'].forEach(function (id) {
    var a = document.getElementById(id);
    if (!a) { return; }
    a.addEventListener('click', function (e) {
      if (!apiKey() || a.dataset.blob) { return; }
      e.preventDefault();
      withKey(a.href).then(function (url) {
        var tmp = el('a', { href: url, download: a.getAttribute('download') || '' });
        document.body.appendChild(tmp);
        tmp.click();
        tmp.remove();
      });
    });
  });
  var keyForm = document.getElementById('key-form');
  if (keyForm) {
    keyForm.addEventListener('submit', function (e) {
      e.preventDefault();
      try { sessionStorage.setItem('ft.key', document.getElementById('api-key').value.trim()); } catch (x) { /* none kept */ }
      keyForm.hidden = true;
    });
  }

  // ---- language: remembered across visits ----
  if (location.search.indexOf('lang=') < 0 && store.get('ft.lang', LANG) !== LANG) {
    location.replace('/?lang=' + store.get('ft.lang', LANG));
    return;
  }
  store.set('ft.lang', LANG);
  $('lang-switch').addEventListener('click', function () { store.set('ft.lang', this.dataset.lang); });

  // ---- jobs of this browser session ----
  var jobs = store.get('ft.jobs', []);
  var current = store.get('ft.current', null);
  var view = { id: null, pages: null, page: 1, active: null, sha: null, marks: {} };

  function saveJobs() { store.set('ft.jobs', jobs); store.set('ft.current', current); }
  function job(id) { return jobs.filter(function (j) { return j.id === id; })[0]; }

  function errorText(p) {
    if (!p) { return t('web.error.unknown'); }
    var title = M['error.' + p.code] || p.title || t('web.error.unknown');
    return t('web.failed', [title]) + (M['error.' + p.code] ? ' (' + p.code + ')' : '');
  }

  function upload(files) {
    Array.prototype.forEach.call(files, function (file, index) {
      var fd = new FormData();
      fd.append('file', file, file.name);
      var q = ['lang=' + LANG];
      if ($('asOf').value) { q.push('asOf=' + encodeURIComponent($('asOf').value)); }
      if ($('profile').value) { q.push('profile=' + encodeURIComponent($('profile').value)); }
      var local = { id: 'local-' + Date.now() + '-' + Math.random().toString(36).slice(2), name: file.name, state: 'uploading' };
      jobs.push(local);
      renderList();
      api('/v1/jobs?' + q.join('&'), { method: 'POST', body: fd }).then(function (r) {
        return r.json().then(function (body) { return { ok: r.status === 202, body: body }; });
      }).then(function (res) {
        if (res.ok) {
          local.id = res.body.id;
          local.state = res.body.state;
          if (index === 0) { // the first file of an upload is the one shown next
            current = local.id;
            view.id = null;
            $('result').hidden = true;
            document.body.classList.remove('has-result');
          }
          saveJobs();
          poll(local.id);
        } else {
          local.state = 'failed';
          local.error = res.body;
          saveJobs();
        }
        renderList();
      }).catch(function () {
        local.state = 'failed';
        local.error = { code: 'NETWORK', title: t('web.error.network') };
        saveJobs();
        renderList();
      });
    });
  }

  function poll(id) {
    api('/v1/jobs/' + encodeURIComponent(id), { cache: 'no-store' }).then(function (r) {
      if (r.status === 404 || r.status === 410) { return { gone: true }; }
      return r.json();
    }).then(function (s) {
      var j = job(id);
      if (!j) { return; }
      if (s.gone) {
        j.state = 'failed';
        j.error = { code: 'GONE', title: t('web.error.gone') };
      } else {
        j.state = s.state;
        j.progress = s.progress;
        if (s.error) { j.error = s.error; }
      }
      saveJobs();
      renderList();
      if (j.state === 'done') {
        if (current === id && view.id !== id) { show(id); }
      } else if (j.state !== 'failed' && j.state !== 'lost') {
        setTimeout(function () { poll(id); }, 700);
      }
    }).catch(function () { setTimeout(function () { poll(id); }, 2000); });
  }

  function progressText(j) {
    if (j.state === 'uploading') { return t('web.state.uploading'); }
    if (j.state === 'queued') { return t('web.state.queued'); }
    if (j.state === 'done') { return t('web.state.done'); }
    if (j.state === 'failed' || j.state === 'lost') { return errorText(j.error); }
    var p = j.progress || {};
    var stage = t('stage.' + (p.stage || 'extract'));
    return p.pages > 0 ? t('web.state.pages', [stage, p.page, p.pages]) : t('web.state.stage', [stage]);
  }

  function renderList() {
    var ul = $('job-list');
    ul.textContent = '';
    jobs.forEach(function (j) {
      var li = el('li', { 'class': 'job job-' + j.state + (j.id === current ? ' current' : ''), 'data-job': j.id });
      li.appendChild(el('span', { 'class': 'job-name' }, j.name));
      var status = el('span', { 'class': 'job-status', role: j.state === 'failed' ? 'alert' : 'status' }, progressText(j));
      li.appendChild(status);
      if (j.state === 'running' || j.state === 'queued' || j.state === 'uploading') {
        var p = j.progress || {};
        var bar = el('progress', { max: String(p.pages || 1), 'aria-label': j.name });
        if (p.pages > 0) { bar.value = p.page; } else { bar.removeAttribute('value'); }
        li.appendChild(bar);
      }
      if (j.state === 'done') {
        var open = el('button', { type: 'button', 'class': 'btn' }, t('web.open'));
        open.addEventListener('click', function () { current = j.id; saveJobs(); show(j.id); });
        li.appendChild(open);
      }
      var remove = el('button', { type: 'button', 'class': 'btn btn-quiet', 'aria-label': t('web.remove') + ' ' + j.name }, '×');
      remove.addEventListener('click', function () { forget(j.id); });
      li.appendChild(remove);
      ul.appendChild(li);
    });
  }

  function forget(id) {
    if (id.indexOf('local-') !== 0) {
      api('/v1/jobs/' + encodeURIComponent(id), { method: 'DELETE' }).catch(function () { /* it expires anyway */ });
    }
    jobs = jobs.filter(function (j) { return j.id !== id; });
    if (current === id) {
      current = null;
      view.id = null;
      $('result').hidden = true;
      document.body.classList.remove('has-result');
      $('report-pane').textContent = '';
    }
    saveJobs();
    renderList();
  }

  // ---- the result ----
  function show(id) {
    view.id = id;
    renderList();
    api('/web/jobs/' + encodeURIComponent(id) + '/view?lang=' + LANG, { cache: 'no-store' }).then(function (r) {
      if (!r.ok) { throw new Error('view ' + r.status); }
      return r.text();
    }).then(function (html) {
      if (view.id !== id) { throw new Error('superseded'); }
      var pane = $('report-pane');
      pane.innerHTML = html; // rendered by the server's templates, escaped there
      window.FairTenderReport.bind(pane);
      var section = pane.querySelector('section.report');
      view.sha = section ? section.dataset.sha256 : id;
      view.marks = store.get('ft.marks.' + view.sha, {});
      decorate(pane);
      var base = '/v1/jobs/' + encodeURIComponent(id) + '/report?lang=' + LANG + '&format=';
      $('dl-pdf').href = base + 'pdf';
      $('dl-docx').href = base + 'docx';
      $('dl-sarif').href = base + 'sarif';
      $('result').hidden = false;
      document.body.classList.add('has-result');
      return api('/web/jobs/' + encodeURIComponent(id) + '/pages', { cache: 'no-store' });
    }).then(function (r) {
      return r.ok ? r.json() : null;
    }).then(function (pages) {
      if (view.id !== id) { return; }
      view.pages = pages;
      if (!pages) { $('viewer').hidden = true; return; }
      $('viewer').hidden = false;
      $('viewer-kind').textContent = pages.kind === 'text' ? t('web.viewer.text') : '';
      var first = document.querySelector('#report-pane article.finding');
      if (first) { select(first, false); } else { showPage(1); }
    }).catch(function (e) {
      if (view.id !== id || (e && e.message === 'superseded')) { return; }
      $('report-pane').textContent = t('web.error.view');
      $('result').hidden = false;
    });
  }

  function decorate(pane) {
    pane.querySelectorAll('article.finding').forEach(function (a) {
      paintMark(a);
      a.addEventListener('click', function (e) {
        if (e.target.closest('button, a, input, select, textarea, label')) { return; }
        select(a, false);
      });
      a.addEventListener('keydown', function (e) {
        if (e.target === a && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); select(a, false); }
      });
      a.querySelectorAll('button.place').forEach(function (b) {
        b.addEventListener('click', function () { select(a, false, b.dataset.id); });
      });
    });
  }

  function paintMark(a) {
    var id = a.dataset.id;
    var mark = view.marks[id];
    var slot = a.querySelector('.mark-slot');
    slot.textContent = '';
    a.classList.remove('marked-fixed', 'marked-accepted', 'marked-false-alarm');
    var group = el('div', { 'class': 'mark-controls no-print', role: 'group', 'aria-label': t('web.mark.group') });
    ['fixed', 'accepted', 'false-alarm'].forEach(function (state) {
      var b = el('button', { type: 'button', 'class': 'btn mark-btn', 'data-state': state,
        'aria-pressed': String(!!mark && mark.state === state) }, t('mark.' + state));
      b.addEventListener('click', function () {
        if (state === 'accepted') {
          askReason(a, slot, mark && mark.reason ? mark.reason : '');
        } else {
          setMark(a, { state: state, reason: '' });
        }
      });
      group.appendChild(b);
    });
    if (mark) {
      var clear = el('button', { type: 'button', 'class': 'btn btn-quiet mark-clear' }, t('web.mark.clear'));
      clear.addEventListener('click', function () { setMark(a, null); });
      group.appendChild(clear);
      a.classList.add('marked-' + mark.state);
      var label = t('mark.label') + t('mark.' + mark.state) + (mark.reason ? t('web.colon') + mark.reason : '');
      slot.appendChild(el('p', { 'class': 'mark mark-' + mark.state }, label));
    }
    slot.appendChild(group);
  }

  /** An inline field for the reason a clause is accepted; Enter or 保存 saves, Escape cancels. */
  function askReason(a, slot, old) {
    if (slot.querySelector('.mark-reason')) { slot.querySelector('.mark-reason input').focus(); return; }
    var form = el('form', { 'class': 'mark-reason no-print' });
    var input = el('input', { type: 'text', maxlength: '500', 'aria-label': t('web.mark.reason'), placeholder: t('web.mark.reason') });
    input.value = old;
    var save = el('button', { type: 'submit', 'class': 'btn' }, t('web.mark.save'));
    form.appendChild(input);
    form.appendChild(save);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      setMark(a, { state: 'accepted', reason: input.value.trim() });
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') { form.remove(); }
    });
    slot.appendChild(form);
    input.focus();
  }

  function setMark(a, mark) {
    if (mark) { view.marks[a.dataset.id] = mark; } else { delete view.marks[a.dataset.id]; }
    store.set('ft.marks.' + view.sha, view.marks);
    paintMark(a);
    var b = a.querySelector('.mark-btn[data-state="' + (mark ? mark.state : 'fixed') + '"]');
    if (b) { b.focus(); }
  }

  function select(a, scroll, placeId) {
    document.querySelectorAll('#report-pane article.current').forEach(function (x) { x.classList.remove('current'); });
    a.classList.add('current');
    if (scroll) { a.scrollIntoView({ block: 'nearest' }); }
    var fid = placeId || a.dataset.id;
    view.active = fid;
    var h = view.pages && view.pages.highlights[fid];
    var page = h ? h.page : parseInt((a.dataset.pages || '1').split(' ')[0], 10);
    showPage(page);
  }

  function showPage(n) {
    if (!view.pages) { return; }
    n = Math.max(1, Math.min(n, view.pages.pages));
    view.page = n;
    var img = $('page-img');
    img.alt = t('web.page.alt', [n]);
    img.onload = drawOverlay;
    withKey('/web/jobs/' + encodeURIComponent(view.id) + '/pages/' + n + '.png').then(function (src) {
      if (view.page === n) { img.src = src; }
    }).catch(function () { /* the page label still says where we are */ });
    $('page-label').textContent = t(view.pages.kind === 'text' ? 'web.page.labelText' : 'web.page.label', [n, view.pages.pages]);
    $('viewer-ocr').hidden = view.pages.ocrPages.indexOf(n) < 0;
    drawOverlay();
  }

  function drawOverlay() {
    var overlay = $('overlay');
    overlay.textContent = '';
    if (!view.pages) { return; }
    var visible = {};
    document.querySelectorAll('#report-pane article.finding').forEach(function (a) {
      if (a.hidden) { return; }
      visible[a.dataset.id] = a;
      a.querySelectorAll('button.place').forEach(function (b) { visible[b.dataset.id] = a; });
    });
    var activeBox = null;
    Object.keys(view.pages.highlights).forEach(function (fid) {
      var h = view.pages.highlights[fid];
      if (h.page !== view.page || !visible[fid]) { return; }
      h.boxes.forEach(function (b) {
        var d = el('div', { 'class': 'hl sev-' + visible[fid].dataset.severity + (fid === view.active ? ' active' : ''),
          'data-id': fid, title: visible[fid].querySelector('.title').textContent });
        d.style.left = (b[0] * 100) + '%';
        d.style.top = (b[1] * 100) + '%';
        d.style.width = (b[2] * 100) + '%';
        d.style.height = (b[3] * 100) + '%';
        d.addEventListener('click', function () {
          var a = visible[fid];
          select(a, true, fid);
          a.focus({ preventScroll: true });
        });
        overlay.appendChild(d);
        if (fid === view.active && !activeBox) { activeBox = d; }
      });
    });
    // scroll the highlight into view inside the side-by-side viewer only; on a phone the page itself is not moved
    var viewer = $('viewer');
    if (activeBox && viewer.scrollHeight > viewer.clientHeight && getComputedStyle(viewer).position === 'sticky') {
      var top = activeBox.getBoundingClientRect().top - viewer.getBoundingClientRect().top;
      if (top < 40 || top > viewer.clientHeight - 40) { viewer.scrollTop += top - viewer.clientHeight / 3; }
    }
  }

  function exportReport(format) {
    api('/web/jobs/' + encodeURIComponent(view.id) + '/export?format=' + format + '&lang=' + LANG, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(view.marks)
    }).then(function (r) {
      if (!r.ok) { throw new Error('export ' + r.status); }
      var name = (job(view.id) || { name: 'report' }).name.replace(/\.[A-Za-z0-9]{1,5}$/, '') + '.fairtender.' + format;
      return r.blob().then(function (b) { return { blob: b, name: name }; });
    }).then(function (x) {
      var a = el('a', { href: URL.createObjectURL(x.blob), download: x.name });
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    }).catch(function () { window.alert(t('web.error.export')); });
  }

  // ---- wiring ----
  var drop = $('drop');
  ['dragenter', 'dragover'].forEach(function (ev) {
    drop.addEventListener(ev, function (e) { e.preventDefault(); drop.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (ev) {
    drop.addEventListener(ev, function () { drop.classList.remove('over'); });
  });
  drop.addEventListener('drop', function (e) { e.preventDefault(); upload(e.dataTransfer.files); });
  drop.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); $('file').click(); }
  });
  $('file').addEventListener('change', function () { upload(this.files); this.value = ''; });
  $('prev').addEventListener('click', function () { showPage(view.page - 1); });
  $('next').addEventListener('click', function () { showPage(view.page + 1); });
  $('dl-html').addEventListener('click', function () { exportReport('html'); });
  $('dl-json').addEventListener('click', function () { exportReport('json'); });
  $('print').addEventListener('click', function () { window.print(); });
  $('close').addEventListener('click', function () { if (view.id) { forget(view.id); } });
  document.addEventListener('change', function (e) {
    if (e.target.matches && e.target.matches('#report-pane select[data-filter]')) { drawOverlay(); }
  });

  // a reload resumes: unfinished jobs are polled again, the open one is shown when done
  jobs = jobs.filter(function (j) { return j.state !== 'uploading'; });
  saveJobs();
  renderList();
  jobs.forEach(function (j) {
    if (j.state !== 'failed' && j.state !== 'lost') { poll(j.id); }
  });
})();
