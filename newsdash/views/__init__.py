"""What each page says and draws, as plain functions of the data: one module per page, the chart builders, the words."""
