import streamlit as st

st.info("Under construction")
