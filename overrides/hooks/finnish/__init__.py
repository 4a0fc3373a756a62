"""Finnish language support for the build hooks (not hooks themselves): Voikko, loaded once.

voikko_fi: the one Voikko loader, base forms and compound parts (search_data, search_index, hyphenate_fi).
search_data: DATA for the search module: stem rules, the twin of its candidates(), the cache (search_fi.py).
search_index: the words of Material's search index, as its worker splits them (search_fi.py).
hyphenate_fi: soft hyphens for the PDF (pdf.py).
messages: the build's messages to an editor, in Finnish (data_errors.py, page_errors.py, serve_loop.py).
page_reports: MkDocs' and mkdocs-macros' reports of a mistake in a page, in Finnish (page_errors.py).
"""
