// Drag a need card onto another column. The card's own form does the move (a normal POST with
// its CSRF token), so the server applies the same rules as without JavaScript. Won and lost need
// details, so dropping there opens the stage form instead.
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
        window.location = `${dragged.dataset.moveUrl}?to=${encodeURIComponent(stage)}`;
        return;
      }
      select.value = stage;
      form.submit();
    });
  });
})();
