"""Reading and writing numbers, dates, months and qualifiers as wire copy writes them (one grammar, used by validation and extraction), and the interface words in both languages."""
