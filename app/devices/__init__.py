"""Input devices at the counter: barcode scanners (serial, and their configuration). No Qt.

- ``scanner_config``: what a scanner is (port, line settings, prefix/suffix), saved per PC.
- ``line_parser``: bytes → scans or errors, pure and incremental (fuzzed in the tests).
- ``recognition``: which module a code belongs to, by rules kept as data.
- ``serial_reader``: a scanner read on a background thread, surviving unplugging.
"""
