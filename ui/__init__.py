"""The Streamlit side: `pages/` (one thin file per page) over a few helpers named by purpose.

    pages/          read the widgets, call a cached function, draw
    navigation      the pages' files, menu entries and URL paths
    downloads       file, image and deck download buttons
    briefing_deck   the briefing's deck in the session and the URL
    url_state       widgets whose value lives in the URL (as codes)
    session         the reader's language, the revision caption, the views looked at
    cache           the store, the catalog and cached queries

Each imports only from those below it (the `ui-layers` contract in pyproject.toml).
"""
