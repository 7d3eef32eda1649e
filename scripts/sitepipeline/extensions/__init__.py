"""Python-Markdown extensions, named in mkdocs.yml; every engine that runs Python-Markdown runs them."""
