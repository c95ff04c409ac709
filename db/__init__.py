"""Persistence: SQLAlchemy 2 models, the engine factory, repositories and migrations. No Qt."""
