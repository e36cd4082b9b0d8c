// Blurred images in an archive entry (templates/chapters/archive_entry_page.html).
// Without this script, a link reloads the entry with its images shown; with it,
// the link becomes a toggle button, and each blurred image tells assistive
// technology that it is blurred (its alt text stays readable).
for (const button of document.querySelectorAll("button[data-show-images]")) {
  const region = document.getElementById(button.getAttribute("aria-controls"));
  if (!region) continue;
  const description = button.dataset.description;
  const images = region.querySelectorAll("img");
  const describe = (blurred) => {
    for (const image of images) {
      if (blurred) image.setAttribute("aria-describedby", description);
      else image.removeAttribute("aria-describedby");
    }
  };
  describe(true);
  const link = button.parentElement.querySelector("[data-show-images-link]");
  if (link) link.hidden = true;
  const note = button.parentElement.querySelector("[data-blurred-note]");
  button.hidden = false;
  button.addEventListener("click", () => {
    const show = button.getAttribute("aria-pressed") !== "true";
    button.setAttribute("aria-pressed", String(show));
    region.classList.toggle("images-blurred", !show);
    describe(!show);
    if (note) note.hidden = show; // the note says the images are blurred
  });
}
