"""The one way the macros write HTML: a Jinja template under overrides/components/, autoescaped.

Every value from data/ is escaped by Jinja; a template marks nothing safe but
other rendered templates. Line breaks and the indentation after them are
dropped from the output, so templates can be laid out for reading while the
result stays one Markdown block (a blank line would end the raw HTML block).
Write a space that matters on the line itself.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

import jinja2
from markupsafe import Markup

COMPONENTS = Path(__file__).resolve().parent.parent / "overrides" / "components"
# Compiled templates between builds: Jinja checks each entry against its source's checksum.
CACHE = Path(__file__).resolve().parent.parent / ".cache" / "jinja" / "components"
_LINE_BREAKS = re.compile(r"[ \t]*\n\s*")


@functools.cache
def environment(directory: Path = COMPONENTS) -> jinja2.Environment:
    """The components' Jinja environment: autoescape on, undefined names an error."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(directory), autoescape=True,
                             undefined=jinja2.StrictUndefined, lstrip_blocks=True, bytecode_cache=_cache())
    return env


def _cache() -> jinja2.FileSystemBytecodeCache | None:
    try:
        CACHE.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a read-only checkout builds without it
    return jinja2.FileSystemBytecodeCache(str(CACHE))


def render(name: str, **context) -> Markup:
    """The template `name` (relative to overrides/components/) rendered with context."""
    return render_markup(environment().get_template(name).render(**context))


def render_block(name: str, **context) -> Markup:
    """The template `name` rendered with its line breaks: for a wrapper whose body is Markdown
    (md_in_html needs the blank lines around it)."""
    return Markup(environment().get_template(name).render(**context))


def macro(name: str, macro_name: str, *args) -> Markup:
    """A macro of the template `name` (shared with the theme and the PDF) called with args."""
    return render_markup(getattr(environment().get_template(name).module, macro_name)(*args))


def render_markup(html: str) -> Markup:
    """Rendered template text as the macros return it: one line, marked safe."""
    return Markup(_LINE_BREAKS.sub("", html))
