"""Queries worth naming: searches the services share. Each takes an open session."""
