/* Digest's search: Material's search box (overrides/partials/search.html) driven by Pagefind.

   Nothing is fetched until the box is first used; then Pagefind's script, its WebAssembly
   and, per query, the index pieces for the words typed and the pieces of the results shown.
   What the reader types is folded as the index's added forms were (generator/site/
   search_page.py, language/arabic.py `fold`): hamza and madda on alef as bare alef, ى as ي,
   ة as ه, no diacritics or tatweel, Latin digits, lower case.

   Ranking (`ranked`): the pages whose title or keywords hold the words first (Pagefind's
   `matchedMetaFields`), keyword and source pages before stories, stories by size (most
   outlets, then most articles); then the pages that have the words only in their text, by
   relevance in bands of a factor of two and by size within a band. Each result shows its
   title and the one sentence of the page that holds the words, marked. */
(() => {
  "use strict";

  const SENTINEL = "⁂"; // search_page.SENTINEL: the shown text ends here
  const PAGE = 6; // results shown at a time (each fetches its page's piece of the index)
  const SNIPPET_WORDS = 40; // a long sentence is cut around the match

  const UNSEEN =
    /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]/g;
  const TABLE = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ة": "ه", "ۀ": "ه", "ھ": "ه",
    "ک": "ك", "گ": "ك", "ؤ": "و", "ئ": "ي",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4", "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
  };
  const WORD = /[\p{L}\p{N}\p{M}]+/gu;

  /** A word as the index's forms are written (language/arabic.py `fold`). */
  function fold(text) {
    let out = "";
    for (const c of text.replace(UNSEEN, "")) out += TABLE[c] ?? c;
    return out.toLowerCase();
  }

  // The readings of a word without its leading clitics (search_index.py `_strip_clitics`).
  const CONJ = ["", "و", "ف"], PREP = ["", "ب", "ل", "ك"], ART = ["", "ال"];
  function bare(word) {
    const out = new Set([word]);
    for (const c of CONJ) for (const p of PREP) for (const a of ART) {
      if (!(c || p || a)) continue;
      const prefix = c + p + (p === "ل" && a ? "ل" : a);
      const rest = word.slice(prefix.length);
      if (word.startsWith(prefix) && rest.length >= (a ? 2 : 3)) out.add(rest);
    }
    return out;
  }

  /** Arabic count of results: the noun agrees with the number (language/numbers.py). */
  function results(n) {
    if (n === 0) return "لا نتائج";
    if (n === 1) return "نتيجة واحدة";
    if (n === 2) return "نتيجتان";
    const tens = n % 100;
    if (tens >= 3 && tens <= 10) return `${n} نتائج`;
    return `${n} نتيجة`;
  }

  const root = document.querySelector("[data-digest-search]");
  if (!root) return;
  const toggle = document.getElementById("__search");
  const input = root.querySelector(".md-search__input");
  const meta = root.querySelector(".md-search-result__meta");
  const list = root.querySelector(".md-search-result__list");
  const placeholder = meta.textContent;
  const script = document.currentScript;
  const base = new URL("../../", script.src); // assets/javascripts/ → the site's root

  let pagefind = null;
  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", base).href).then(async (pf) => {
        // on the main thread: a query's work is small, and Pagefind's worker is 41 kB more
        await pf.options({ baseUrl: base.pathname, excerptLength: SNIPPET_WORDS, noWorker: true });
        await pf.init();
        return pf;
      });
    }
    return pagefind;
  }

  function escape(text) {
    return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  }

  /** Does a shown word stand for one of the query's folded words? */
  function matches(word, terms) {
    const forms = bare(fold(word));
    for (const f of forms) for (const t of terms) if (f === t || (t.length > 2 && f.startsWith(t))) return true;
    return false;
  }

  /** The sentence of the shown text that holds the query's words, with them marked. */
  function snippet(content, terms, title) {
    const shown = content.split(SENTINEL)[0];
    const sentences = shown.split(/(?<=[.!?؟…¶])\s+/u).map((s) => s.replace(/¶/g, "").trim());
    let best = null, bestHits = 0;
    for (const sentence of sentences) {
      if (sentence === title) continue; // shown above it already
      const hits = new Set();
      for (const m of sentence.matchAll(WORD)) if (matches(m[0], terms)) hits.add(fold(m[0]));
      if (hits.size > bestHits) { best = sentence; bestHits = hits.size; }
      if (bestHits === terms.length) break;
    }
    if (!best) return "";
    const words = best.split(/\s+/);
    const first = words.findIndex((w) => [...w.matchAll(WORD)].some((m) => matches(m[0], terms)));
    const start = Math.max(0, Math.min(first - 8, words.length - SNIPPET_WORDS));
    const cut = words.slice(start, start + SNIPPET_WORDS);
    const marked = cut.map((w) => {
      const hit = [...w.matchAll(WORD)].some((m) => matches(m[0], terms));
      return hit ? `<mark>${escape(w)}</mark>` : escape(w);
    });
    return (start > 0 ? "… " : "") + marked.join(" ") + (start + SNIPPET_WORDS < words.length ? " …" : "");
  }

  /** Title/keyword matches first (Pagefind matched the query in the page's `title` or
      `head` field: search_page.py): keyword and source pages, then stories by size, then
      by relevance. Then the pages that have the words only in their text: by relevance in
      bands of a factor of two (a page twice as relevant comes first), by size within a band. */
  function ranked(plain, bySize) {
    const bySizeRank = new Map(bySize.map((r, i) => [r.id, i]));
    // a page without a size (a keyword or source page: its name matched) before the
    // stories of its tier, as the page of what the reader asked for
    const size = (r) => bySizeRank.get(r.id) ?? -1;
    const tier = (r) => (r.matchedMetaFields && r.matchedMetaFields.length ? 0 : 1);
    const band = (r) => Math.floor(Math.log2(Math.max(r.score, 1e-9)));
    return [...plain].sort(
      (a, b) =>
        tier(a) - tier(b) ||
        (tier(a) === 1 ? band(b) - band(a) : 0) ||
        size(a) - size(b) ||
        b.score - a.score,
    );
  }

  let current = 0; // the latest query's number: older answers are dropped
  let shown = [], terms = [], more = null;

  async function render(from) {
    const ask = current;
    const batch = await Promise.all(shown.slice(from, from + PAGE).map((r) => r.data()));
    if (ask !== current) return;
    for (const data of batch) {
      const title = (data.meta && data.meta.title) || data.url;
      const text = snippet(data.content, terms, title.trim());
      const item = document.createElement("li");
      item.className = "md-search-result__item";
      item.innerHTML =
        `<a href="${escape(data.url)}" class="md-search-result__link" tabindex="-1">` +
        `<article class="md-search-result__article md-typeset">` +
        `<div class="md-search-result__icon md-icon"></div>` +
        `<h1>${escape(title)}</h1>${text ? `<p>${text}</p>` : ""}</article></a>`;
      list.appendChild(item);
    }
    more?.remove();
    if (from + PAGE < shown.length) {
      more = document.createElement("li");
      more.className = "md-search-result__item digest-search-more";
      more.innerHTML = `<a href="#" role="button" class="md-search-result__link"><article class="md-search-result__article md-typeset"><p>نتائج أخرى</p></article></a>`;
      more.querySelector("a").addEventListener("click", (e) => { e.preventDefault(); render(from + PAGE); });
      list.appendChild(more);
    }
  }

  /** The query's folded words and its results, ranked (nothing fetched for no words). */
  async function lookup(query) {
    const words = [...new Set(fold(query).match(WORD) || [])];
    if (!words.length) return { words, ranked: [] };
    const pf = await load();
    const term = words.join(" ");
    const plain = (await pf.search(term)).results;
    const bySize = (await pf.search(term, { sort: { size: "desc" } })).results;
    return { words, ranked: ranked(plain, bySize) };
  }

  async function search(query) {
    const ask = ++current;
    const found = await lookup(query);
    if (ask !== current) return;
    terms = found.words;
    if (!terms.length) {
      meta.textContent = placeholder;
      list.replaceChildren();
      return;
    }
    shown = found.ranked;
    meta.textContent = results(shown.length);
    list.replaceChildren();
    more = null;
    await render(0);
  }

  /** Every result's address for a query, in the order shown (for the tests and the bench). */
  async function find(query) {
    const found = await lookup(query);
    const all = await Promise.all(found.ranked.map((r) => r.data()));
    return all.map((d) => d.url);
  }

  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => search(input.value), 150);
  });
  input.addEventListener("focus", () => {
    if (toggle) toggle.checked = true;
    load();
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Escape") { toggle.checked = false; input.blur(); }
    if (e.key === "Enter") {
      e.preventDefault();
      const first = list.querySelector("a.md-search-result__link");
      if (first) location.href = first.href;
    }
  });
  // the form is never sent: Enter opens the first result (above)
  root.querySelector("form").addEventListener("submit", (e) => e.preventDefault());
  root.querySelector("form").addEventListener("reset", () => {
    setTimeout(() => search(""), 0);
  });
  toggle?.addEventListener("change", () => { if (toggle.checked) input.focus(); });
  document.addEventListener("keydown", (e) => {
    const typing = ["INPUT", "TEXTAREA"].includes(document.activeElement?.tagName);
    if (!typing && (e.key === "/" || e.key === "s" || e.key === "f")) {
      e.preventDefault();
      toggle.checked = true;
      input.focus();
    }
  });
  // For the tests and the bench: the folding (compared with the Python side) and the search.
  window.digestSearch = { fold, bare, results, find };
})();
