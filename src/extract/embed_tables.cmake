# Writes tables.cpp: the tagger's data tables (data/*.tsv) as string literals, at build
# time, whenever a table changes.
file(READ ${WORDS} CHRONICLE_WORDS_TSV)
file(READ ${PATTERNS} CHRONICLE_PATTERNS_TSV)
configure_file(${IN} ${OUT} @ONLY)
