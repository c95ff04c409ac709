"""The Qt user interface. Calls services in ``app/``; never writes SQL."""
