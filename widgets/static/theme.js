// The theme's menu and table-of-contents buttons (templates/sphinx/page.html). Furo opens its
// drawers with labels for hidden checkboxes, which no keyboard reaches; these buttons set the
// same checkboxes, so Furo's own CSS still opens and closes the drawers. Escape closes them.
/** Each drawer button with the checkbox it sets (its data-drawer names the box's id). */
const drawers = [...document.querySelectorAll("button[data-drawer]")].flatMap((button) => {
  const box = document.getElementById(button.getAttribute("data-drawer") ?? "");
  return button instanceof HTMLButtonElement && box instanceof HTMLInputElement ? [{ button, box }] : [];
});

for (const { button, box } of drawers) {
  const show = () => button.setAttribute("aria-expanded", String(box.checked));
  button.addEventListener("click", (event) => {
    box.checked = !box.checked;
    show();
    // Opened by keyboard (a click without a pointer has detail 0): focus goes into the drawer,
    // not three Tabs further through the header.
    if (box.checked && event.detail === 0) firstIn(box.id)?.focus();
  });
  box.addEventListener("change", show); // Furo's overlay closes a drawer by its label
}

/**
 * The first link or field in the drawer that `id`'s checkbox opens.
 * @param {string} id
 * @returns {HTMLElement | null}
 */
function firstIn(id) {
  const drawer = document.querySelector(id === "__navigation" ? ".sidebar-drawer" : ".toc-drawer");
  return drawer?.querySelector("a[href], input:not([type=hidden]), button") ?? null;
}

document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  for (const { button, box } of drawers) {
    if (box.checked) {
      box.checked = false;
      button.setAttribute("aria-expanded", "false");
      // checkVisibility: not in Safari before 17.4
      if (button.checkVisibility?.() ?? button.offsetParent !== null) button.focus();
    }
  }
});
