"""Lexicons and tables, one entry per line; read with importlib.resources."""
