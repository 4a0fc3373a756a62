"""The build's own libraries, each used by the hook of the same name in overrides/hooks/:
serving.py (the one serving flag, and state that lives for one build), minify.py,
inline_css.py, search_dialog.py and precompress.py.

The hooks only wire MkDocs' events to libraries: this package, finnish/ (the Finnish
language) and printpdf/ (the PDFs).
"""
