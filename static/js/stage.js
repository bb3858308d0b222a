// Moving a need to Won or Lost asks for the outcome or the reason in place: only the fields of
// the chosen stage show. A board card gets its own copy of the fields from the page's
// <template id="closing-fields"> the first time Won or Lost is chosen. Without JavaScript the
// move page asks for them instead, with the choice kept.
(() => {
  const template = document.getElementById("closing-fields");
  let copies = 0;

  // The template's fields with ids of their own, so that each card's labels name its fields.
  const addFields = (form) => {
    const box = document.createElement("div");
    box.className = "closing-fields small mt-2";
    box.append(template.content.cloneNode(true));
    const suffix = `-card${(copies += 1)}`;
    const renamed = (ids) => ids.split(" ").filter(Boolean).map((id) => id + suffix).join(" ");
    box.querySelectorAll("[id]").forEach((el) => { el.id += suffix; });
    box.querySelectorAll("label[for]").forEach((el) => { el.htmlFor += suffix; });
    box.querySelectorAll("[aria-describedby]").forEach((el) => {
      el.setAttribute("aria-describedby", renamed(el.getAttribute("aria-describedby")));
    });
    form.append(box);
    return box;
  };

  // A card's fields are added when Won or Lost is chosen, not for a preselected next stage: a
  // card in Negotiation (next: Won) stays short until the user asks to close it.
  const showChosen = (form, select, chosen) => {
    const stage = select.value;
    let groups = form.querySelectorAll("[data-closing]");
    if (!groups.length && chosen && template && (stage === "won" || stage === "lost")) {
      groups = addFields(form).querySelectorAll("[data-closing]");
    }
    groups.forEach((group) => {
      group.hidden = group.dataset.closing !== stage;
      group.disabled = group.hidden; // what is not asked for is not sent
    });
  };

  document.querySelectorAll("form.stage-form").forEach((form) => {
    const select = form.querySelector('select[name="to_stage"]');
    if (!select) return;
    select.addEventListener("change", () => showChosen(form, select, true));
    showChosen(form, select, false);
  });
})();
