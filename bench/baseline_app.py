"""Baseline for bench/cold_start.py: the smallest Streamlit page with one plotly chart."""

import plotly.graph_objects as go
import streamlit as st

st.title("Baseline")
st.plotly_chart(go.Figure(go.Scatter(x=[2016, 2020, 2024], y=[94.7, 99, 99.2])))
