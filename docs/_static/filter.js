// A filter box above every table inside a .docgen-filterable container (the rule catalogue): typing
// hides the rows that do not contain every word typed (ID, severity, basis, category or text).
// Without JavaScript the whole table shows. Text is compared as text; nothing typed becomes markup.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".docgen-filterable table").forEach((table, n) => {
    const box = document.createElement("input");
    box.type = "search";
    box.className = "docgen-filter";
    box.id = `docgen-filter-${n}`;
    box.placeholder = "Filter: ID, severity, basis or words (e.g. error LDM, or migration)";
    box.setAttribute("aria-label", "Filter the rows of the table below");
    const count = document.createElement("span");
    count.className = "docgen-filter-count";
    count.setAttribute("aria-live", "polite");
    const rows = [...table.tBodies].flatMap((body) => [...body.rows]);
    const apply = () => {
      const words = box.value.toLowerCase().split(/\s+/).filter((w) => w);
      let shown = 0;
      rows.forEach((row) => {
        const text = row.textContent.toLowerCase();
        const keep = words.every((w) => text.includes(w));
        row.hidden = !keep;
        shown += keep ? 1 : 0;
      });
      count.textContent = words.length ? `${shown} of ${rows.length} rows` : `${rows.length} rows`;
    };
    box.addEventListener("input", apply);
    const wrapper = table.closest(".table-wrapper") || table;
    wrapper.before(box, count);
    apply();
  });
});
