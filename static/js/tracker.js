// Progressive enhancement only: every feature works without this file.
// Forms marked data-confirm ask before a destructive POST.
document.addEventListener("submit", (event) => {
  const form = event.target.closest("form[data-confirm]");
  if (form && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
