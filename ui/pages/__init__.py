"""One file per page, run by `st.navigation` (app.py): read the widgets, call a cached
function, draw."""
