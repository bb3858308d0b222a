// Drag a need card onto another column. The card's own form does the move (a normal POST with
// its CSRF token), so the server applies the same rules as without JavaScript. Won and lost need
// details, so dropping there chooses the stage in the card, whose fields then ask for them
// (stage.js).
(() => {
  let dragged = null;
  document.querySelectorAll(".need-card").forEach((card) => {
    card.addEventListener("dragstart", (event) => {
      dragged = card;
      event.dataTransfer.effectAllowed = "move";
    });
    card.addEventListener("dragend", () => { dragged = null; });
  });
  const closed = (document.querySelector(".board")?.dataset.closedStages || "").split(" ");
  document.querySelectorAll(".board-column").forEach((column) => {
    column.addEventListener("dragover", (event) => {
      if (dragged) { event.preventDefault(); column.classList.add("drop-target"); }
    });
    column.addEventListener("dragleave", () => column.classList.remove("drop-target"));
    column.addEventListener("drop", (event) => {
      event.preventDefault();
      column.classList.remove("drop-target");
      if (!dragged) return;
      const stage = column.dataset.stage;
      const form = dragged.querySelector(".move-form");
      const select = form && form.querySelector("select");
      if (!select || ![...select.options].some((o) => o.value === stage)) return;
      if (closed.includes(stage)) {
        select.value = stage;
        select.dispatchEvent(new Event("change"));
        const first = form.querySelector("[data-closing]:not([hidden]) :is(input, select)");
        (first || select).focus();
        return;
      }
      select.value = stage;
      form.submit();
    });
  });
})();
