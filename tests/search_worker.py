"""Material's own search worker, driven from a page of the built site.

The same worker, index and Finnish module the search box uses, without the
typing: for checks over thousands of queries. Each answer is what the box
would show: the result pages in Material's order (after the module's
reordering), as paths relative to the site.
"""
from __future__ import annotations

SETUP, READY, QUERY, RESULT = 0, 1, 2, 3  # Material's SearchMessageType

WORKER_JS = r"""async ([queries, withWords]) => {
  const config = JSON.parse(document.getElementById('__config').textContent)
  const base = new URL(config.base, location.href)
  const index = await (await fetch(new URL('search/search_index.json', base))).json()
  index.options = { suggest: config.features.includes('search.suggest') }  // as Material's bundle sends it
  const worker = new Worker(new URL(config.search, location.href))
  const next = () => new Promise(done => worker.addEventListener('message', e => done(e.data), { once: true }))
  worker.postMessage({ type: %(SETUP)d, data: index })
  await next()
  const out = []
  for (const q of queries) {
    worker.postMessage({ type: %(QUERY)d, data: q })
    const message = await next()
    const found = i => Object.keys(i.terms).filter(t => i.terms[t])
    const marked = i => [...(i.title + ' ' + i.text).matchAll(/<mark>([^<]*)<\/mark>/g)].map(m => m[1])
    if (withWords === 'links') {
      out.push(message.data.items.flat().map(i => [i.location, found(i), marked(i)]))
      continue
    }
    if (withWords === 'texts') {  // each result item's text as the result shows it
      out.push(message.data.items.flat().map(i => [i.location, i.text]))
      continue
    }
    out.push(message.data.items.map(group => {
      const article = group.find(i => !i.location.includes('#')) || group[0]
      const words = new Set(group.flatMap(found))
      // Where the page's link lands (search.js): on the first of its shown links, the page's own first, with
      // the highest score as Material writes it (data-md-score, two decimals).
      const shown = [article, ...group.filter(i => i !== article)], score = i => Number(i.score.toFixed(2))
      const lands = shown.reduce((best, i) => score(i) > score(best) ? i : best, shown[0])
      if (withWords === 'card') return [article.location.split('#')[0], group[0].location,  // the card: best first
                                        lands === group[0]]
      const missing = new Set(group.flatMap(i => Object.keys(i.terms).filter(t => !i.terms[t])))
      if (withWords === 'missing') return [article.location.split('#')[0], [...missing]]  // "Puuttuu: …"
      if (withWords === 'own') {  // and the missing words of its parts other than the card (group[0])
        const others = group.slice(1).flatMap(i => Object.keys(i.terms).filter(t => !i.terms[t]))
        return [article.location.split('#')[0], found(article), [...missing], [...new Set(others)]]
      }
      return withWords ? [article.location.split('#')[0], [...words]] : article.location.split('#')[0]
    }))
  }
  worker.terminate()
  return out
}""" % {"SETUP": SETUP, "QUERY": QUERY}  # noqa: UP031 (JS braces: an f-string would double them all)


def worker_search(page, queries: list[str]) -> list[list[str]]:
    """Result pages (site-relative paths, best first) for each query, from Material's worker on page."""
    return page.evaluate(WORKER_JS, [queries, False])


def worker_search_words(page, queries: list[str]) -> list[list[tuple[str, set[str]]]]:
    """As worker_search, each page with the words Material reports found on it (typed words and the page's forms)."""
    return [[(p, set(words)) for p, words in result] for result in page.evaluate(WORKER_JS, [queries, True])]


def worker_search_own(page, queries: list[str]) -> list[list[tuple[str, set[str], set[str], set[str]]]]:
    """As worker_search_missing, each page also with the words its own entry (the result's heading) has, and the
    words that its parts other than the card report missing."""
    return [[(p, set(own), set(missing), set(own_missing)) for p, own, missing, own_missing in result]
            for result in page.evaluate(WORKER_JS, [queries, "own"])]


def worker_search_cards(page, queries: list[str]) -> list[list[tuple[str, str]]]:
    """As worker_search, each page with the location of its best item: the section whose text the
    result shows under the page's title (Material shows the items that score as high as the best)."""
    return [[(p, card) for p, card, _ in result] for result in page.evaluate(WORKER_JS, [queries, "card"])]


def worker_search_landings(page, queries: list[str]) -> list[list[tuple[str, str, bool]]]:
    """As worker_search_cards, with whether the card scores highest in its page's group: search.js lands
    the page's link on its best-scoring part, so then where the reader lands is the card."""
    return [[tuple(r) for r in result] for result in page.evaluate(WORKER_JS, [queries, "card"])]


def worker_search_missing(page, queries: list[str]) -> list[list[tuple[str, set[str]]]]:
    """As worker_search, each page with the words its results report missing ("Puuttuu: …")."""
    return [[(p, set(words)) for p, words in result] for result in page.evaluate(WORKER_JS, [queries, "missing"])]


def worker_search_links(page, queries: list[str]) -> list[list[tuple[str, list[str], list[str]]]]:
    """Every result (page and section, in Material's order) of each query: its location, the words
    its link's ?h= names for the page to mark (the item's terms found, as Material puts them
    there), and the marks of its title and teaser in the result list."""
    return [[tuple(item) for item in result] for result in page.evaluate(WORKER_JS, [queries, "links"])]


def worker_search_texts(page, queries: list[str]) -> list[list[tuple[str, str]]]:
    """Each result item (section) of each query with its text as the result shows it (HTML)."""
    return [[(loc, text) for loc, text in result] for result in page.evaluate(WORKER_JS, [queries, "texts"])]
