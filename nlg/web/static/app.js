// The page's own script: drop zone, live preview, field states. No other script is loaded
// but the vendored htmx.min.js; nothing is fetched from anywhere but this server.
(function () {
  "use strict";

  function upload(input, files) {
    var transfer = new DataTransfer();
    for (var i = 0; i < files.length; i++) { transfer.items.add(files[i]); }
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  document.addEventListener("dragover", function (event) {
    var zone = event.target.closest && event.target.closest("[data-drop-target]");
    if (zone) { event.preventDefault(); zone.classList.add("over"); }
  });
  document.addEventListener("dragleave", function (event) {
    var zone = event.target.closest && event.target.closest("[data-drop-target]");
    if (zone) { zone.classList.remove("over"); }
  });
  document.addEventListener("drop", function (event) {
    var zone = event.target.closest && event.target.closest("[data-drop-target]");
    if (!zone) { return; }
    event.preventDefault();
    zone.classList.remove("over");
    if (event.target.type === "file") { return; }   // the browser already filled the input
    var input = document.getElementById(zone.getAttribute("data-drop-target"));
    if (input && event.dataTransfer && event.dataTransfer.files.length) { upload(input, event.dataTransfer.files); }
  });

  // Enter in a field must not submit the form natively: it previews instead.
  document.addEventListener("submit", function (event) {
    if (event.target.id === "report-form") { event.preventDefault(); }
  });

  // Live preview: a changed field (not the file input) asks for a preview.
  document.addEventListener("change", function (event) {
    var form = event.target.closest && event.target.closest("#report-form");
    var live = document.getElementById("live");
    if (!form || event.target.type === "file" || event.target.id === "live" || !live || !live.checked) { return; }
    var button = document.getElementById("preview-btn");
    if (button && window.htmx) { window.htmx.trigger(button, "live"); }
  });

  // After a swap: mark fields with a message as invalid, and move focus where it helps.
  document.addEventListener("htmx:afterSettle", function (event) {
    document.querySelectorAll("#report-form .err[id$='-err']").forEach(function (box) {
      var field = document.getElementById(box.id.slice(0, -4));
      if (!field || field.tagName === "DIV") { return; }
      if (box.textContent.trim()) { field.setAttribute("aria-invalid", "true"); }
      else { field.removeAttribute("aria-invalid"); }
    });
    var source = event.detail && event.detail.requestConfig && event.detail.requestConfig.elt;
    if (source && source.id === "export-input") {
      var again = document.getElementById("export-input");
      if (again) { again.focus(); }
    }
  });
})();
