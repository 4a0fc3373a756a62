"""Finnish search: base forms and inflected forms of a word find the same sections.

This hook wires MkDocs' events to the library finnish/search_data.py: DATA for the theme
override of Material's Finnish search module (overrides/assets/javascripts/lunr/min/lunr.fi.min.js),
its format, the stem rules, the Python twin of the module's candidates() and the cache; the
site's words come from the built search index (finnish/search_index.py).

- on_config: Voikko must be there (without it the build stops and says how to install it);
  the staff words of data/haku/synonyymit.yml, read and checked by macros/synonyms.py, are kept
  in config for this build. A mistake in that file is said as every data error is (data_errors.py).
- on_post_build: DATA, made from the built site's search index, written into the built module,
  with the subsection each section is under (parents: from the built pages' heading levels).
  A synonym the guideline does not have stops the build with its Finnish message.
"""
from __future__ import annotations

import importlib
import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import Abort, PluginError

from finnish.messages import finnish_level, from_project
from finnish.search_data import CACHE, MODULE, PLACEHOLDER, SYNONYMS, cached_search_data, with_data
from finnish.search_index import ellipses, page_html, section_parents, words
from finnish.voikko_fi import VoikkoMissing, voikko

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = finnish_level(logging.getLogger("mkdocs.hooks.search_fi"))


def on_config(config: MkDocsConfig) -> None:
    try:
        voikko()
    except VoikkoMissing as err:
        raise PluginError(f"search_fi: {err}") from err
    # Importable here: mkdocs-macros has loaded the package (its on_config runs before the hooks').
    synonyms = importlib.import_module("macros.synonyms")
    path = Path(config["config_file_path"]).parent / SYNONYMS
    try:
        config["search_fi_synonyms"] = synonyms.load_synonyms(path)
        config["search_fi_background"] = sorted(synonyms.load_background_words(path))
        config["search_fi_channels"] = sorted(synonyms.load_channel_words(path))
        config["search_fi_actors"] = sorted(synonyms.load_actor_words(path))
    except ValueError as err:   # a mistake in the file, said as every data error is (data_errors.py), but
        log.error(from_project(str(err)))   # here, before the build, where on_build_error is not called
        raise Abort(importlib.import_module("macros.check_data").STOPPED) from None


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config["site_dir"])
    index = site / "search" / "search_index.json"
    module = site / MODULE
    if not index.exists():
        # Without it the site would quietly fall back to stock search: say so loudly.
        raise PluginError(f"search_fi: {index} is missing; Finnish search needs Material's search "
                          "plugin (plugins: - search in mkdocs.yml)")
    if PLACEHOLDER not in (text := module.read_text(encoding="utf-8")):
        raise PluginError(f"search_fi: {module} has no {PLACEHOLDER!r}; is the theme override in place?")
    search_index = json.loads(index.read_text(encoding="utf-8"))
    try:
        data = cached_search_data(Path(config["config_file_path"]).parent / CACHE, words(search_index),
                                  config["search_fi_synonyms"], ellipses(search_index),
                                  config.get("search_fi_background", []), config.get("search_fi_channels", []),
                                  config.get("search_fi_actors", []))
    except VoikkoMissing as err:
        raise PluginError(f"search_fi: {err}") from err
    except ValueError as err:  # a synonym the guideline does not have: a data error (data_errors.py says it)
        raise importlib.import_module("macros.validate").DataError(str(err)) from None
    parents = section_parents(search_index, lambda page: page_html(site, page))
    module.write_text(with_data(text, {**data, "parents": parents}), encoding="utf-8")
