"""Streamlit glue: cached access to the package for the pages. Only pages import this."""
