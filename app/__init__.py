"""Reception Desk (前台服务台): domain rules, services and devices. No Qt in this package."""

__version__ = "0.1.0"
