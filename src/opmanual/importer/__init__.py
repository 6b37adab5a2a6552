"""Existing manuals (.docx, .pdf, .txt, .md) into a data folder: readers → blocks → recognise → write.

The command is `python -m opmanual import` (`command.py`); each step is a module tests import on its own.
"""
