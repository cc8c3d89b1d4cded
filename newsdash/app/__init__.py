"""The app layer: the only code that imports streamlit (state and caches, URL state, the gate, downloads, layout)."""
