"""Checks that must pass before the engine builds: page schema, references, evidence, glossary, plain language."""
