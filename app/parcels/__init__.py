"""Parcels and mail (DOMAIN §3) — the parts without a database: carrier recognition."""
