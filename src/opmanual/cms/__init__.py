"""The editing page: the manual's data edited through browser forms that save as a pull request (Decap CMS).

`config` generates the editor's configuration from the model; `vendor/` holds the pinned Decap CMS and `yaml`
builds (`scripts/vendor_cms.py`); `assets/opmanual-cms.js` is the file format that reads the data files into the
forms and writes a save back into the file's own text, comments and layout kept.
"""
