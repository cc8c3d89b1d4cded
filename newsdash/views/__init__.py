"""What each page says and draws, as plain functions of the data: one module per page, the chart builders, the words."""

from newsdash.views.template import make_white_the_default

make_white_the_default()  # every chart is drawn on it (newsdash/views/template.py says why here)
