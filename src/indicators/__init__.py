"""Chỉ số CNTT-TT: provincial ICT indicators, from files to figures, without any UI."""

__version__ = "0.1.0"
