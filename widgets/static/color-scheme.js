// Furo's colour scheme (light, dark or the system's) on the body before it is painted. Furo
// writes this line as an inline script; the site's Content-Security-Policy allows none, so the
// page template (templates/sphinx/page.html) loads it from here, as a classic script at the
// start of the body, after storage-guard.js.
document.body.dataset.theme = localStorage.getItem("theme") || "auto";
