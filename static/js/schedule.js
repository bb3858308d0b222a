// The matchmaking grid: drag a talk onto another cell to move it there (onto a talk: they swap).
// The talk's own move form does it (a normal POST with its CSRF token), so the server applies
// the same rules as without JavaScript.
(() => {
  let dragged = null;
  document.querySelectorAll(".grid-talk[draggable=true]").forEach((talk) => {
    talk.addEventListener("dragstart", (event) => {
      dragged = talk;
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", talk.id);
    });
    talk.addEventListener("dragend", () => { dragged = null; });
  });
  document.querySelectorAll(".grid-cell").forEach((cell) => {
    cell.addEventListener("dragover", (event) => {
      if (dragged) { event.preventDefault(); cell.classList.add("drop-target"); }
    });
    cell.addEventListener("dragleave", () => cell.classList.remove("drop-target"));
    cell.addEventListener("drop", (event) => {
      event.preventDefault();
      cell.classList.remove("drop-target");
      const form = dragged && dragged.querySelector(".move-form");
      if (!form || cell.contains(dragged)) return;
      form.querySelector("select[name=slot]").value = cell.dataset.slot;
      form.querySelector("select[name=table]").value = cell.dataset.table;
      form.submit();
    });
  });
})();
