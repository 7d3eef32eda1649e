"""The site's content pipeline: data loading, content checks and Markdown extensions.

Nothing here is specific to one operation: paths, page kinds and wording come
from the project's includes/ files and mkdocs.yml.
"""
