/* dateline page: map, timeline, list and event panel over the JSON API.
 *
 * Reads only /api/* . Article text and every value that comes from the data
 * is put in the page as text nodes (textContent / createTextNode), never as
 * HTML, so nothing in an article can run script here.
 */
(function () {
  "use strict";

  var TYPE_COLOURS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9",
    "Riots": "#16a085",
    "Strategic developments": "#7f8c8d"
  };
  var FALLBACK_COLOUR = "#34495e";
  var PAGE = 50;

  var state = { offset: 0, total: 0, weeks: [], brush: null, selected: null };
  var $ = function (id) { return document.getElementById(id); };

  function colour(type) { return TYPE_COLOURS[type] || FALLBACK_COLOUR; }

  /* el("div", {class: "x"}, "text", child…): children strings become text nodes. */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (attrs[k] === null || attrs[k] === undefined) return;
        if (k === "class") node.className = attrs[k];
        else if (k === "text") node.textContent = attrs[k];
        else node.setAttribute(k, attrs[k]);
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return node;
  }

  function fmt(v) {
    if (v === null || v === undefined || v === "") return "—";
    if (Array.isArray(v)) return v.length ? v.map(fmt).join(", ") : "—";
    if (typeof v === "object") return JSON.stringify(v);
    return String(v);
  }

  function setStatus(msg, isError) {
    var s = $("status");
    s.textContent = msg;
    s.className = "status" + (isError ? " error" : "");
  }

  function getJSON(url) {
    return fetch(url, { headers: { "Accept": "application/json" } }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (!r.ok) {
          var d = body && body.detail;
          var msg = typeof d === "string" ? d : (Array.isArray(d) && d[0] && d[0].msg) || ("HTTP " + r.status);
          throw new Error(msg);
        }
        return body;
      });
    });
  }

  /* --- filters -------------------------------------------------------------- */

  function filterParams() {
    var p = new URLSearchParams();
    var form = $("filters");
    ["type", "country", "actor", "source", "q", "modality", "since", "until"].forEach(function (name) {
      var v = form.elements[name].value.trim();
      if (v) p.set(name, v);
    });
    return p;
  }

  /* --- map -------------------------------------------------------------------- */

  var map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 18 }).setView([25, 20], 2);
  var tiles = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
    maxZoom: 18, attribution: "© OpenStreetMap contributors"
  });
  var clusters = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
  map.addLayer(clusters);

  getJSON("/static/vendor/countries-110m-world-atlas-2.0.2.geojson").then(function (geo) {
    L.geoJSON(geo, {
      style: { color: "#7a8a99", weight: 0.7, fillColor: "#fbfaf5", fillOpacity: 1 },
      interactive: false
    }).addTo(map).bringToBack();
  }).catch(function () { /* the map still works without outlines */ });

  $("f-tiles").addEventListener("change", function (e) {
    if (e.target.checked) tiles.addTo(map); else map.removeLayer(tiles);
  });

  function markerIcon(type) {
    var dot = el("div", { class: "marker" });
    dot.style.background = colour(type);
    return L.divIcon({ html: dot, className: "", iconSize: [14, 14], iconAnchor: [7, 7] });
  }

  function loadMarkers() {
    var p = filterParams();
    p.set("limit", "5000");
    return getJSON("/api/events.geojson?" + p.toString()).then(function (fc) {
      clusters.clearLayers();
      var layers = fc.features.map(function (f) {
        var c = f.geometry.coordinates, props = f.properties;
        var m = L.marker([c[1], c[0]], { icon: markerIcon(props.event_type), title: (props.sub_event_type || props.event_type || "") + " — " + (props.location || "") });
        m.on("click", function () { openEvent(f.id); });
        return m;
      });
      clusters.addLayers(layers);
      if (layers.length && !state.fitted) {
        map.fitBounds(clusters.getBounds().pad(0.3), { maxZoom: 7 });
        state.fitted = true;
      }
    });
  }

  function drawLegend(types) {
    var lg = $("legend");
    lg.textContent = "";
    Object.keys(TYPE_COLOURS).concat(types.filter(function (t) { return !TYPE_COLOURS[t]; })).forEach(function (t) {
      var i = el("i"); i.style.background = colour(t);
      lg.appendChild(el("span", null, i, t));
    });
  }

  /* --- list ------------------------------------------------------------------- */

  function dateRange(e) {
    if (!e.date_earliest && !e.date_latest) return "date unknown";
    if (e.date_earliest === e.date_latest || !e.date_latest) return e.date_earliest;
    return (e.date_earliest || "?") + " – " + e.date_latest;
  }

  function loadList() {
    var p = filterParams();
    p.set("limit", String(PAGE));
    p.set("offset", String(state.offset));
    return getJSON("/api/events?" + p.toString()).then(function (page) {
      state.total = page.total;
      var list = $("list");
      list.textContent = "";
      page.events.forEach(function (e) {
        var sw = el("span", { class: "swatch" }); sw.style.background = colour(e.event_type);
        var li = el("li", { tabindex: "0", "data-id": e.event_id },
          el("div", { class: "t" }, sw, e.sub_event_type || e.event_type || "event"),
          el("div", { class: "m" }, [e.location, e.country].filter(Boolean).join(", ") || "place unknown",
             " · ", dateRange(e),
             e.fatalities !== null && e.fatalities !== undefined ? " · " + e.fatalities + " killed" : "",
             e.modality && e.modality !== "asserted" ? " · " + e.modality : ""));
        if (state.selected === e.event_id) li.classList.add("sel");
        li.addEventListener("click", function () { openEvent(e.event_id); });
        li.addEventListener("keydown", function (ev) { if (ev.key === "Enter") openEvent(e.event_id); });
        list.appendChild(li);
      });
      var from = page.total ? page.offset + 1 : 0, to = page.offset + page.events.length;
      // Totals are exact up to a cap (total_exact false beyond it): say "10000+" rather than a wrong figure.
      var shown = page.total_exact === false ? (page.total - 1) + "+" : String(page.total);
      setStatus(shown + " event" + (page.total === 1 ? "" : "s") + " match" + (page.total === 1 ? "es" : "") +
        (page.total ? " (showing " + from + "–" + to + ")" : ""));
      $("pageinfo").textContent = from + "–" + to + " of " + shown;
      $("prev").disabled = page.offset === 0;
      $("next").disabled = to >= page.total;
    });
  }

  /* The histogram keeps the week axis of all events; its bars show the events matching the
     current filters other than the dates (which the brush itself sets). */
  function loadTimeline() {
    var p = filterParams();
    p.delete("since"); p.delete("until");
    return getJSON("/api/stats?" + p.toString()).then(function (st) {
      var counts = {};
      Object.keys(st.by_week || {}).forEach(function (k) {
        var d = isoWeekMonday(k);
        if (d) counts[iso(d)] = (counts[iso(d)] || 0) + st.by_week[k];
      });
      state.weeks.forEach(function (w) { w.count = counts[iso(w.start)] || 0; });
      drawTimeline();
    });
  }

  function refresh() {
    var jobs = [loadList(), loadMarkers()];
    if (state.weeks.length) jobs.push(loadTimeline());
    return Promise.all(jobs).catch(function (err) {
      setStatus("Could not load events: " + err.message, true);
    });
  }

  /* --- event panel -------------------------------------------------------------- */

  function openEvent(id) {
    state.selected = id;
    Array.prototype.forEach.call(document.querySelectorAll("#list li"), function (li) {
      li.classList.toggle("sel", li.getAttribute("data-id") === id);
    });
    if (location.hash !== "#event=" + encodeURIComponent(id)) history.replaceState(null, "", "#event=" + encodeURIComponent(id));
    return getJSON("/api/events/" + encodeURIComponent(id)).then(renderEvent).catch(function (err) {
      setStatus("Could not load event: " + err.message, true);
    });
  }

  function agreementBadge(ev, field) {
    var a = (ev.agreement || {})[field];
    if (!a) return null;
    return el("span", { class: "badge " + a, title: "sources " + a + (a === "single" ? " (one source)" : "") }, a);
  }

  function contradictedFields(ev) {
    var s = {};
    (ev.contradictions || []).forEach(function (c) { s[c.field] = c; });
    Object.keys(ev.agreement || {}).forEach(function (f) { if (ev.agreement[f] === "contradict" && !s[f]) s[f] = { field: f, values: {} }; });
    return s;
  }

  function renderEvent(ev) {
    var body = $("panel-body");
    body.textContent = "";
    var sw = el("span", { class: "swatch" }); sw.style.background = colour(ev.event_type);
    body.appendChild(el("h2", null, sw, ev.sub_event_type || ev.event_type || "event"));
    var place = [ev.location, ev.admin1, ev.country].filter(Boolean).join(", ") || "unknown";
    var toll = ev.fatalities === null || ev.fatalities === undefined ? "not reported" :
      ev.fatalities + " (low " + fmt(ev.fatalities_low) + ", high " + fmt(ev.fatalities_high) + ")";
    var injured = ev.injured === null || ev.injured === undefined ? "not reported" :
      ev.injured + (ev.injured_low !== undefined && ev.injured_low !== null ? " (low " + ev.injured_low + ", high " + fmt(ev.injured_high) + ")" : "");
    var rows = [
      ["Type", ev.event_type, "event_type"], ["Sub-type", ev.sub_event_type, "sub_event_type"],
      ["Actor 1", ev.actor1, "actor1"], ["Actor 2", ev.actor2, "actor2"],
      ["Place", place + (ev.location_text && ev.location_text !== ev.location ? " (as written: " + ev.location_text + ")" : ""), "location"],
      ["Precision", ev.geo_precision ? "geo " + ev.geo_precision + " (1 town · 2 near/district · 3 region)" : "—", null],
      ["Date", dateRange(ev) + (ev.date_expression ? " (“" + ev.date_expression + "”)" : ""), "date"],
      ["Killed", toll, "fatalities"], ["Injured", injured, "injured"],
      ["Weapons", fmt(ev.weapons), "weapons"],
      ["Modality", ev.modality, "modality"],
      ["Sources", fmt(ev.sources), null],
      ["Confidence", ev.confidence === null || ev.confidence === undefined ? "—" : String(ev.confidence), null]
    ];
    var dl = el("dl", { class: "facts" });
    rows.forEach(function (r) {
      dl.appendChild(el("dt", null, r[0]));
      dl.appendChild(el("dd", null, fmt(r[1]), r[2] ? agreementBadge(ev, r[2]) : null));
    });
    body.appendChild(dl);
    body.appendChild(renderClaims(ev));
    body.appendChild(el("h3", null, "Articles and evidence"));
    var arts = el("div", { id: "articles" });
    body.appendChild(arts);
    $("panel").hidden = false;
    $("panel").scrollIntoView({ block: "start" });
    if (typeof ev.latitude === "number" && typeof ev.longitude === "number") {
      map.setView([ev.latitude, ev.longitude], Math.max(map.getZoom(), ev.geo_precision === 3 ? 4 : 6));
      state.fitted = true;
    }
    (ev.article_ids || []).slice(0, 8).forEach(function (aid) {
      var box = el("div", { class: "article", "data-article": aid }, el("div", { class: "meta" }, "loading article " + aid + "…"));
      arts.appendChild(box);
      getJSON("/api/articles/" + encodeURIComponent(aid)).then(function (art) {
        renderArticle(box, art, ev);
      }).catch(function (err) { box.firstChild.textContent = "article " + aid + ": " + err.message; });
    });
  }

  function renderClaims(ev) {
    var wrap = el("div", { class: "claims-wrap" });
    var contra = contradictedFields(ev);
    var claims = ev.claims || [];
    wrap.appendChild(el("h3", null, "What each source says"));
    if (Object.keys(contra).length) {
      var ul = el("ul", { class: "contradictions" });
      Object.keys(contra).forEach(function (f) {
        var vals = contra[f].values || {};
        var parts = Object.keys(vals).map(function (src) { return src + ": " + fmt(vals[src]); });
        ul.appendChild(el("li", null, el("span", { class: "badge contradict" }, "contradiction"), " ", f,
          parts.length ? " — " + parts.join(" · ") : ""));
      });
      wrap.appendChild(ul);
    }
    if (!claims.length) { wrap.appendChild(el("p", { class: "m" }, "No per-source claims recorded.")); return wrap; }
    var fields = [];
    claims.forEach(function (c) { Object.keys(c.says || {}).forEach(function (k) { if (fields.indexOf(k) < 0) fields.push(k); }); });
    Object.keys(contra).forEach(function (k) { if (fields.indexOf(k) < 0) fields.push(k); });
    var head = el("tr", null, el("th", null, "field"));
    claims.forEach(function (c) { head.appendChild(el("th", null, c.source || "?", c.via ? el("div", { class: "m" }, "via " + c.via) : null)); });
    var table = el("table", { class: "claims" }, el("thead", null, head));
    var tb = el("tbody");
    fields.forEach(function (f) {
      var isContra = !!contra[f];
      var tr = el("tr", { class: isContra ? "contradict" : null }, el("th", null, f));
      claims.forEach(function (c) {
        var has = c.says && Object.prototype.hasOwnProperty.call(c.says, f);
        tr.appendChild(el("td", { class: isContra && has ? "contradict" : null }, has ? fmt(c.says[f]) : "—"));
      });
      tb.appendChild(tr);
    });
    table.appendChild(tb);
    wrap.appendChild(table);
    return wrap;
  }

  /* Find where a span really is: trust offsets when they match the text, else look for its words. */
  function locate(text, sp) {
    var s = sp.start, e = sp.end;
    if (typeof s === "number" && typeof e === "number" && s >= 0 && e <= text.length && s < e &&
        (!sp.text || text.slice(s, e) === sp.text)) return [s, e];
    if (sp.text) {
      var i = text.indexOf(sp.text);
      if (i >= 0) return [i, i + sp.text.length];
    }
    return null;
  }

  /* Split the text at every span edge; each piece is a text node, inside <mark> when a span covers it. */
  function highlightedText(text, marks) {
    var frag = document.createDocumentFragment();
    var cuts = [0, text.length];
    marks.forEach(function (m) { cuts.push(m.start, m.end); });
    cuts = cuts.filter(function (v, i, a) { return a.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
    for (var i = 0; i < cuts.length - 1; i++) {
      var a = cuts[i], b = cuts[i + 1], piece = text.slice(a, b);
      var on = marks.filter(function (m) { return m.start <= a && m.end >= b; });
      if (!on.length) { frag.appendChild(document.createTextNode(piece)); continue; }
      var classes = {}, labels = [];
      on.forEach(function (m) { classes[m.cls] = true; if (m.label && labels.indexOf(m.label) < 0) labels.push(m.label); });
      var mk = el("mark", { class: Object.keys(classes).join(" "), title: labels.join(", ") || null, "data-label": labels.join(" ") || null });
      mk.appendChild(document.createTextNode(piece));
      frag.appendChild(mk);
    }
    return frag;
  }

  function renderArticle(box, art, ev) {
    var text = art.text || "";
    var aid = art.article_id;
    var marks = [], seen = {};
    function add(list, cls, defaultLabel) {
      (list || []).forEach(function (sp) {
        if (sp.article_id && sp.article_id !== aid) return;
        var at = locate(text, sp);
        if (!at) return;
        var key = cls + ":" + at[0] + ":" + at[1];
        if (seen[key]) { if (sp.label && seen[key].label.indexOf(sp.label) < 0) seen[key].label += ", " + sp.label; return; }
        seen[key] = { start: at[0], end: at[1], cls: cls, label: sp.label || defaultLabel };
        marks.push(seen[key]);
      });
    }
    add(ev.evidence, "ev", "evidence");
    (ev.claims || []).forEach(function (c) { add(c.evidence, "ev", c.source ? "according to " + c.source : "claim"); });
    add(ev.framing, "frame", "loaded language");
    box.textContent = "";
    var meta = [art.outlet, art.title, art.published, art.language].filter(Boolean).join(" · ") || aid;
    box.appendChild(el("div", { class: "meta" }, meta, " — ", marks.filter(function (m) { return m.cls === "ev"; }).length + " evidence spans, ",
      marks.filter(function (m) { return m.cls === "frame"; }).length + " loaded terms"));
    var t = el("div", { class: "text" });
    t.appendChild(highlightedText(text, marks));
    box.appendChild(t);
    var first = t.querySelector("mark.ev");
    if (first) t.scrollTop = Math.max(0, first.offsetTop - t.offsetTop - 40);
  }

  $("panel-close").addEventListener("click", function () {
    $("panel").hidden = true; state.selected = null; history.replaceState(null, "", location.pathname);
  });

  /* --- timeline (SVG histogram by ISO week, brush to filter dates) ---------------- */

  function isoWeekMonday(key) {
    var m = /^(\d{4})-W(\d{1,2})$/.exec(key);
    if (m) {
      var y = +m[1], w = +m[2];
      var jan4 = new Date(Date.UTC(y, 0, 4));
      var mon = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 864e5);
      return new Date(mon.getTime() + (w - 1) * 7 * 864e5);
    }
    var d = new Date(key + "T00:00:00Z");
    if (isNaN(d)) return null;
    return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 864e5);
  }

  function iso(d) { return d.toISOString().slice(0, 10); }

  function buildWeeks(byWeek) {
    var pts = Object.keys(byWeek || {}).map(function (k) { return [isoWeekMonday(k), byWeek[k]]; })
      .filter(function (p) { return p[0]; }).sort(function (a, b) { return a[0] - b[0]; });
    if (!pts.length) return [];
    var counts = {};
    pts.forEach(function (p) { counts[iso(p[0])] = (counts[iso(p[0])] || 0) + p[1]; });
    var weeks = [], d = pts[0][0], end = pts[pts.length - 1][0];
    while (d <= end && weeks.length < 1040) {
      weeks.push({ start: new Date(d), count: counts[iso(d)] || 0 });
      d = new Date(d.getTime() + 7 * 864e5);
    }
    return weeks;
  }

  var SVGNS = "http://www.w3.org/2000/svg";
  function svg(tag, attrs) {
    var n = document.createElementNS(SVGNS, tag);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    return n;
  }

  function drawTimeline() {
    var s = $("timeline"), weeks = state.weeks;
    while (s.firstChild) s.removeChild(s.firstChild);
    var W = s.clientWidth || 600, H = s.clientHeight || 80, pad = 12;
    s.setAttribute("viewBox", "0 0 " + W + " " + H);
    if (!weeks.length) { var t = svg("text", { x: 4, y: 14 }); t.textContent = "no dated events"; s.appendChild(t); return; }
    var max = Math.max.apply(null, weeks.map(function (w) { return w.count; })) || 1;
    var bw = W / weeks.length;
    weeks.forEach(function (w, i) {
      var h = (H - pad - 2) * w.count / max;
      var inside = !state.brush || (i >= state.brush[0] && i <= state.brush[1]);
      var r = svg("rect", { class: "bar" + (inside ? "" : " out"), x: i * bw + 0.5, y: H - pad - h, width: Math.max(1, bw - 1), height: h });
      var tt = svg("title"); tt.textContent = "week of " + iso(w.start) + ": " + w.count;
      r.appendChild(tt);
      s.appendChild(r);
    });
    var a = svg("text", { x: 2, y: H - 1 }); a.textContent = iso(weeks[0].start); s.appendChild(a);
    var b = svg("text", { x: W - 2, y: H - 1, "text-anchor": "end" }); b.textContent = iso(weeks[weeks.length - 1].start); s.appendChild(b);
    if (state.brush) {
      s.appendChild(svg("rect", { class: "brush", x: state.brush[0] * bw, y: 0, width: (state.brush[1] - state.brush[0] + 1) * bw, height: H - pad }));
    }
  }

  function weekAt(evt) {
    var s = $("timeline"), box = s.getBoundingClientRect();
    var x = Math.min(Math.max(evt.clientX - box.left, 0), box.width - 1);
    return Math.floor(x / box.width * state.weeks.length);
  }

  (function brushing() {
    var s = $("timeline"), from = null;
    s.addEventListener("pointerdown", function (e) {
      if (!state.weeks.length) return;
      from = weekAt(e); s.setPointerCapture(e.pointerId);
      state.brush = [from, from]; drawTimeline();
    });
    s.addEventListener("pointermove", function (e) {
      if (from === null) return;
      var to = weekAt(e);
      state.brush = [Math.min(from, to), Math.max(from, to)]; drawTimeline();
    });
    s.addEventListener("pointerup", function () {
      if (from === null) return;
      from = null;
      var w = state.weeks;
      $("f-since").value = iso(w[state.brush[0]].start);
      $("f-until").value = iso(new Date(w[state.brush[1]].start.getTime() + 6 * 864e5));
      $("tl-clear").hidden = false;
      state.offset = 0; refresh();
    });
  })();

  $("tl-clear").addEventListener("click", function () {
    state.brush = null; $("f-since").value = ""; $("f-until").value = "";
    $("tl-clear").hidden = true; drawTimeline(); state.offset = 0; refresh();
  });
  window.addEventListener("resize", drawTimeline);

  /* --- wiring ------------------------------------------------------------------------ */

  $("filters").addEventListener("submit", function (e) {
    e.preventDefault();
    if (!$("f-since").value && !$("f-until").value) { state.brush = null; $("tl-clear").hidden = true; drawTimeline(); }
    state.offset = 0; refresh();
  });
  ["f-type", "f-modality"].forEach(function (id) {
    $(id).addEventListener("change", function () { state.offset = 0; refresh(); });
  });
  $("f-reset").addEventListener("click", function () {
    $("filters").reset(); state.brush = null; $("tl-clear").hidden = true; drawTimeline(); state.offset = 0; refresh();
  });
  $("prev").addEventListener("click", function () { state.offset = Math.max(0, state.offset - PAGE); loadList(); });
  $("next").addEventListener("click", function () { state.offset += PAGE; loadList(); });

  getJSON("/api/stats").then(function (st) {
    var types = Object.keys(st.by_type || {}).sort();
    types.forEach(function (t) { $("f-type").appendChild(el("option", { value: t }, t + " (" + st.by_type[t] + ")")); });
    Object.keys(st.by_country || {}).sort().forEach(function (c) { $("countries").appendChild(el("option", { value: c })); });
    drawLegend(types);
    state.weeks = buildWeeks(st.by_week);
    drawTimeline();
  }).catch(function (err) { setStatus("Could not load stats: " + err.message, true); });

  refresh().then(function () {
    var m = /^#event=(.+)$/.exec(location.hash);
    if (m) openEvent(decodeURIComponent(m[1]));
  });
})();
