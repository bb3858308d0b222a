// Search-as-you-type pickers (progressive enhancement; tracker/lookup/fields.py).
// Every select[data-lookup] becomes a Tom Select that asks GET <data-lookup>?q=... as the user
// types. The server does the matching (umlauts, accents, pinyin), so the browser keeps its
// answer as it is. Without this file the select still works with the options it holds.
(() => {
  "use strict";
  if (typeof TomSelect === "undefined") {
    return;
  }

  const escapeHtml = (text) =>
    String(text).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

  function enhance(select) {
    const url = new URL(select.dataset.lookup, window.location.href);
    // Options such as "(none)" in a filter stay whatever was typed.
    const pinned = new Set(
      [...select.options].filter((o) => "pinned" in o.dataset).map((o) => o.value),
    );
    let answered = ""; // the query whose matches are the current options
    const plugins = select.multiple ? ["remove_button"] : ["clear_button"];
    const picker = new TomSelect(select, {
      valueField: "value",
      labelField: "text",
      searchField: [],
      plugins: select.required ? plugins.filter((p) => p !== "clear_button") : plugins,
      maxOptions: null,
      loadThrottle: 250,
      closeAfterSelect: true,
      // Before any typing: every option the page brought; then only the server's matches.
      score(query) {
        return (item) =>
          !query || pinned.has(item.value) || (answered === query && item.matched) ? 1 : 0;
      },
      load(query, callback) {
        url.searchParams.set("q", query);
        fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
          .then((response) => (response.ok ? response.json() : Promise.reject(response)))
          .then((items) => {
            this.clearOptions((option, value) => this.items.includes(value) || pinned.has(value));
            answered = query;
            callback(items.map((item) => ({ ...item, value: String(item.value), matched: true })));
          })
          .catch(() => callback());
      },
      render: {
        no_results: () => `<div class="no-results">${escapeHtml(select.dataset.noResults || "")}</div>`,
        loading: () =>
          '<div class="spinner-border spinner-border-sm m-2" role="status" aria-hidden="true"></div>',
      },
    });
    // Tom Select points the label at its search input, which now stands for the field: the
    // hidden select (out of the tab order already) leaves the accessibility tree too.
    select.setAttribute("aria-hidden", "true");
    // The help text and errors that described the select now describe the search input.
    const describedBy = select.getAttribute("aria-describedby");
    if (describedBy) {
      picker.control_input.setAttribute("aria-describedby", describedBy);
    }
    if (select.classList.contains("is-invalid")) {
      picker.control_input.setAttribute("aria-invalid", "true");
    }
  }

  document.querySelectorAll("select[data-lookup]").forEach(enhance);
})();
