// The dashboard's only script: served from the app (the CSP allows no inline script), progressive (every page works without it).
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // A status filter applies as soon as it changes.
  for (const select of document.querySelectorAll("select[data-autosubmit]")) {
    select.addEventListener("change", () => select.form.requestSubmit());
  }
  // A second click on a submit button while its form is posting does nothing.
  for (const form of document.querySelectorAll("form[method=post]")) {
    form.addEventListener("submit", () => {
      for (const button of form.querySelectorAll("button[type=submit]")) { button.disabled = true; }
    });
  }
});
