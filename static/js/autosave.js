/* Keeps what a cadre types in a record form in this browser (localStorage) until the server has
   saved it, so a dropped connection, a closed tab or a flat battery loses nothing.
   - form[data-autosave="key"] data-autosave-version="v": typed values are stored under the key,
     tagged with the version of the record they were typed on ("new" for a new record);
   - on load they are restored if they were typed on this version (a newer server version wins);
   - on submit the key is remembered for this tab; the page the server answers with after a
     successful save carries a message with class "autosave-saved", and only then is the copy cleared;
   - a form re-shown with errors (data-autosave-errors) is stored again at once: it holds what was sent.
   No framework, no network: served from the site's own static files. */
(function () {
  "use strict";
  var store;
  try { store = window.localStorage; store.getItem("x"); } catch (e) { return; }
  var SENT = "autosave-sent";

  // The server confirmed a save: the copy kept since the submission is no longer needed.
  if (document.querySelector(".messages .autosave-saved")) {
    try {
      var sent = sessionStorage.getItem(SENT);
      if (sent) { store.removeItem(sent); sessionStorage.removeItem(SENT); }
    } catch (e) { /* private mode: nothing was kept */ }
  }

  var form = document.querySelector("form[data-autosave]");
  if (!form) return;
  var key = form.getAttribute("data-autosave");
  var version = form.getAttribute("data-autosave-version") || "new";

  function fields() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "csrfmiddlewaretoken" && el.type !== "file" &&
        el.type !== "submit" && el.type !== "button" && el.type !== "hidden";
    });
  }

  function collect() {
    var values = {};
    fields().forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        values[el.name] = values[el.name] || [];
        if (el.checked) values[el.name].push(el.value);
      } else {
        values[el.name] = el.value;
      }
    });
    return values;
  }

  function save() {
    try {
      store.setItem(key, JSON.stringify({version: version, at: new Date().toISOString(), values: collect()}));
    } catch (e) { /* storage full: the server draft is still there */ }
  }

  function apply(values) {
    var changed = 0;
    fields().forEach(function (el) {
      if (!(el.name in values)) return;
      var v = values[el.name];
      if (el.type === "checkbox" || el.type === "radio") {
        var on = Array.isArray(v) && v.indexOf(el.value) !== -1;
        if (el.checked !== on) { el.checked = on; changed++; }
      } else if (typeof v === "string" && el.value !== v) {
        el.value = v; changed++;
      }
    });
    return changed;
  }

  function note(at) {
    var p = document.createElement("p");
    p.className = "autosave-note";
    p.setAttribute("role", "status");
    var when = new Date(at);
    p.textContent = "已恢复本机上尚未保存的填写内容（" + when.toLocaleString("zh-CN") + "），请核对后保存。";
    var undo = document.createElement("button");
    undo.type = "button";
    undo.textContent = "放弃这些内容";
    undo.className = "secondary";
    undo.addEventListener("click", function () { store.removeItem(key); window.location.reload(); });
    p.appendChild(document.createTextNode(" "));
    p.appendChild(undo);
    form.parentNode.insertBefore(p, form);
    // Folded sections holding restored text open, so nothing restored is out of sight.
    Array.prototype.forEach.call(form.querySelectorAll("details"), function (d) {
      if (d.querySelector("textarea, input:not([type=checkbox])") &&
          Array.prototype.some.call(d.querySelectorAll("textarea, input"), function (el) { return el.value; })) {
        d.open = true;
      }
    });
  }

  if (form.hasAttribute("data-autosave-errors")) {
    save();
  } else {
    var saved = null;
    try { saved = JSON.parse(store.getItem(key) || "null"); } catch (e) { saved = null; }
    if (saved && saved.values && saved.version === version) {
      if (apply(saved.values)) note(saved.at);
    } else if (saved) {
      store.removeItem(key);  // typed on an older version the server has since replaced
    }
  }
  form.addEventListener("input", save);
  form.addEventListener("change", save);
  form.addEventListener("submit", function () {
    save();
    try { sessionStorage.setItem(SENT, key); } catch (e) { /* kept in localStorage anyway */ }
  });
})();
