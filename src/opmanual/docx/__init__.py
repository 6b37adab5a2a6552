"""Word copies of the printed books: each book the build prints is also written as a .docx in `docx/` (with the
PDFs, or without them: MANUAL_WORD).

Why python-docx, converting the print HTML, and not pandoc with a reference document:

- One source of layout and wording: each .docx is made from the very HTML WeasyPrint prints (`render.book.Prepared`),
  so the Word copy carries the same headings, numbers, tables and texts as the PDF, and nothing is said twice.
- No extra binary to install on every build machine and CI: python-docx is a pure Python package.
- Direct control of what Word users and our importer rely on: Word's own list numbering (numbering.xml, one level
  per nesting, Thai digits), built-in Heading styles (navigation pane, automatic contents), repeating header rows,
  merged cells, complex-script (Thai) fonts, sizes and language on every style. Pandoc's Word writer decides these
  itself (its lists, tables and Thai fonts can only be styled, not shaped).

The modules: `word` (the page, the styles, numbering, fields: raw OOXML python-docx has no API for), `cells`
(tables in raw OOXML: header rows, rules, cells built one by one), `from_html` (print HTML to paragraphs, lists and
tables), with `lists` (a list's Word numbering, planned from its printed labels), `grids` (a table's cells on Word's
grid and its column widths) and `html` (reading the HTML), `figures` (charts and diagrams as images, rendered by
WeasyPrint and cached by content hash), `export` (one book, from its prepared HTML to a file). Their measures (page,
margins, sizes, spacing, rules, colours) are `measures`, which print.css reads too.
"""
