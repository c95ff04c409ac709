"""Barcode scanners in the GUI: the bridge from reader threads to signals, and the settings page."""
