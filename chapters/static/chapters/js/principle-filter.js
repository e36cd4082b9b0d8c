// The page editor's principle picker: a filter over the principles, grouped by set.
// A principle shows if every word typed is in its title or its set's name (accents
// and case ignored); a set with none showing is hidden. Ticked principles always show.
(function () {
    "use strict";
    function fold(text) {
        return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    }
    function setUp(picker) {
        var row = picker.querySelector("[data-principle-filter-row]");
        var input = picker.querySelector("[data-principle-filter]");
        var none = picker.querySelector("[data-principle-none]");
        if (!row || !input || row.dataset.ready) return;
        row.dataset.ready = "1";
        row.hidden = false;
        input.addEventListener("input", function () {
            var words = fold(input.value).split(/\s+/).filter(Boolean);
            var shown = 0;
            picker.querySelectorAll("input[type=checkbox]").forEach(function (box) {
                var option = box.closest("div");
                var group = option.parentElement.querySelector(":scope > label");
                var text = fold(option.textContent + " " + (group ? group.textContent : ""));
                var match = box.checked || words.every(function (w) { return text.indexOf(w) !== -1; });
                option.hidden = !match;
                if (match && !box.checked) shown += 1;
            });
            picker.querySelectorAll(":scope > div > div").forEach(function (group) {
                var options = group.querySelectorAll(":scope > div");
                if (!options.length) return;
                group.hidden = Array.prototype.every.call(options, function (o) { return o.hidden; });
            });
            none.hidden = shown !== 0;
        });
    }
    function all() { document.querySelectorAll("[data-principle-picker]").forEach(setUp); }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", all);
    else all();
    // Panels added later (a new tab, an inline form) get one too.
    new MutationObserver(all).observe(document.documentElement, { childList: true, subtree: true });
})();
