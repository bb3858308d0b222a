// The Print button of printable pages: shown only when scripts run (else the browser's menu).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
