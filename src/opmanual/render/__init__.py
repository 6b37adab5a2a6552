"""The render core: what every page says, made from the model, for each of its readers.

The website (`site/`), the printed books (`pdf/`) and the Word copies (`docx/`) are peers that use this package and
never one another: `pages` plans the pages and renders them through the templates (`render`), with the charts
(`charts`, `layout`, `measure`), the summaries, the history of the data and the addresses of the repository; `book`
binds chapters into the HTML of a printed book, which WeasyPrint prints and the Word copies convert.
"""
