// The site header's menu on a narrow screen (templates/base.html, site.css).
// Without this script the header shows its navigation, search and languages in
// full; with it, below 48em they fold behind a "Menu" button that says whether
// they are shown (aria-expanded), and Escape folds them again. At desktop widths
// the stylesheet shows everything and hides the button, whatever its state.
// Loaded right after the header, so the header folds before the page first paints.
for (const button of document.querySelectorAll("button[data-menu-toggle]")) {
  const header = button.closest(".site-header");
  const menu = document.getElementById(button.getAttribute("aria-controls"));
  if (!header || !menu) continue;
  const show = (open) => {
    button.setAttribute("aria-expanded", String(open));
    header.dataset.menu = open ? "open" : "closed";
  };
  show(false);
  button.hidden = false;
  // The menu follows the button in the page's order: Tab goes on into it.
  button.addEventListener("click", () => show(button.getAttribute("aria-expanded") !== "true"));
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || button.getAttribute("aria-expanded") !== "true") return;
    const inside = menu.contains(document.activeElement);
    show(false);
    if (inside) button.focus(); // focus never stays on something now hidden
  });
}
